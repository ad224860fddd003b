# Messages of the app's billing screens (see app.ftl).
