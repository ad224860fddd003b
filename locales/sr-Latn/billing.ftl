# Poruke ekrana (billing), vidi app.ftl.
