# Poruke ekrana (lines), vidi app.ftl.
