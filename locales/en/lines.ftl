# Messages of the app's lines screens (see app.ftl).
