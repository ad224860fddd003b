# Messages of the app's network screens (see app.ftl).
