# Poruke ekrana (network), vidi app.ftl.
