# Ћирилица: каталог је латинички каталог пресловљен реч по реч (crates/wpplay-i18n,
# translit.rs). Овде стоје само поруке код којих пресловљавање не даје добар текст; порука
# овде замењује пресловљену поруку истог имена.

language-changed = Апликација је сада на српском (ћирилица).

# A file name stays in Latin letters: mail programs and file systems everywhere read it.
pdf-file = WP-Play-profaktura-{ $number }.pdf
