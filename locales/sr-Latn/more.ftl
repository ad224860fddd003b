# Poruke ekrana (more), vidi app.ftl.
