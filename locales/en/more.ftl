# Messages of the app's more screens (see app.ftl).
