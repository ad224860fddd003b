//! The message catalogs: Fluent files (`locales/<lang>/*.ftl`) compiled into the binary.
//! English and Serbian Latin are written by hand; Serbian Cyrillic is the Latin catalog
//! transliterated ([`crate::translit`]) text element by text element, so variables,
//! message references and plural keys are never touched, with the messages of
//! `locales/sr-Cyrl/` laid over it where the transliteration would be wrong.

use crate::Args;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;
use wpplay_domain::lang::Lang;

/// One catalog file: its name and its text.
pub struct Source {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! sources {
    ($lang:literal: $($file:literal),*) => {
        &[$(Source { name: $file, text: include_str!(concat!("../../../locales/", $lang, "/", $file)) }),*]
    };
}

/// The hand-written catalogs, per language (the Cyrillic one holds overrides only).
pub const EN: &[Source] = sources!("en": "server.ftl", "app.ftl", "billing.ftl", "network.ftl", "lines.ftl", "more.ftl", "errors.ftl");
pub const SR_LATN: &[Source] = sources!("sr-Latn": "server.ftl", "app.ftl", "billing.ftl", "network.ftl", "lines.ftl", "more.ftl", "errors.ftl");
pub const SR_CYRL_OVERRIDES: &[Source] = sources!("sr-Cyrl": "overrides.ftl");

/// A language's name in itself, for the language switch.
pub fn native_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::SrLatn => "Srpski (latinica)",
        Lang::SrCyrl => "Српски (ћирилица)",
    }
}

/// The hand-written sources of `lang`: for Cyrillic, the Latin ones.
pub fn sources(lang: Lang) -> &'static [Source] {
    match lang {
        Lang::En => EN,
        Lang::SrLatn | Lang::SrCyrl => SR_LATN,
    }
}

/// The whole catalog of `lang` as Fluent text, as the desktop UI loads it: for Cyrillic,
/// transliterated, with the overrides after it (a later message of the same id wins in
/// the UI's bundle, which adds it with `allowOverrides`).
pub fn ftl(lang: Lang) -> String {
    let mut text = String::new();
    for source in sources(lang) {
        let own = match lang {
            Lang::SrCyrl => cyrillic(source.text),
            _ => source.text.to_owned(),
        };
        text.push_str(&own);
        text.push('\n');
    }
    if lang == Lang::SrCyrl {
        for source in SR_CYRL_OVERRIDES {
            text.push_str(source.text);
            text.push('\n');
        }
    }
    text
}

/// A Fluent resource with the text of every message and term in Cyrillic.
pub fn cyrillic(latin: &str) -> String {
    let mut resource = match fluent_syntax::parser::parse(latin.to_owned()) {
        Ok(resource) => resource,
        // A catalog that does not parse fails its tests; at run time keep what parsed.
        Err((resource, _)) => resource,
    };
    for entry in &mut resource.body {
        match entry {
            Entry::Message(m) => {
                if let Some(value) = &mut m.value {
                    pattern(value);
                }
                for attribute in &mut m.attributes {
                    pattern(&mut attribute.value);
                }
            }
            Entry::Term(t) => {
                pattern(&mut t.value);
                for attribute in &mut t.attributes {
                    pattern(&mut attribute.value);
                }
            }
            _ => {}
        }
    }
    fluent_syntax::serializer::serialize(&resource)
}

fn pattern(p: &mut Pattern<String>) {
    for element in &mut p.elements {
        match element {
            PatternElement::TextElement { value } => *value = crate::translit::to_cyrillic(value),
            PatternElement::Placeable { expression } => expression_text(expression),
        }
    }
}

fn expression_text(e: &mut Expression<String>) {
    match e {
        Expression::Select { variants, .. } => {
            for variant in variants {
                pattern(&mut variant.value);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_text(expression)
        }
        Expression::Inline(_) => {}
    }
}

/// The compiled catalogs, one bundle per language.
pub struct Catalog {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

/// The catalogs, compiled once.
pub static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::compile);

impl Catalog {
    fn compile() -> Catalog {
        let bundles = Lang::ALL
            .into_iter()
            .map(|lang| {
                let id: LanguageIdentifier = match lang {
                    Lang::En => "en",
                    Lang::SrLatn | Lang::SrCyrl => "sr",
                }
                .parse()
                .unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Plain text: e-mails, SMS and PDFs have no bidirectional text to isolate.
                bundle.set_use_isolating(false);
                let text = ftl(lang);
                let resource = FluentResource::try_new(text).unwrap_or_else(|(partial, _)| partial);
                bundle.add_resource_overriding(resource);
                (lang, bundle)
            })
            .collect();
        Catalog { bundles }
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, b)| b)
    }

    /// The message `id` (or its attribute, `id.attr`) in `lang`, with `args`; in English
    /// when `lang` lacks it, and the id itself when no language has it (a test fails
    /// first: every id is in every catalog).
    pub fn text(&self, lang: Lang, id: &str, args: Option<&Args>) -> String {
        [lang, Lang::En]
            .into_iter()
            .find_map(|l| self.format(l, id, args))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Whether `lang`'s catalog has the message (or attribute) `id`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.format(lang, id, None).is_some()
    }

    fn format(&self, lang: Lang, id: &str, args: Option<&Args>) -> Option<String> {
        let bundle = self.bundle(lang)?;
        let (name, attribute) = match id.split_once('.') {
            Some((name, attribute)) => (name, Some(attribute)),
            None => (id, None),
        };
        let message = bundle.get_message(name)?;
        let pattern = match attribute {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let args = args.map(Args::fluent);
        Some(
            bundle
                .format_pattern(pattern, args.as_ref(), &mut errors)
                .into_owned(),
        )
    }
}

/// `Catalog::text` on the compiled catalogs.
pub fn text(lang: Lang, id: &str, args: Option<&Args>) -> String {
    CATALOG.text(lang, id, args)
}

/// What an error says to a person in `lang`, by its code and the field it names, never by
/// its English message: `ask-<field>` for a blank required field, `error-<code>.field`
/// naming the field's label (`field-<field>`), else `error-<code>`. The desktop UI words
/// the errors it receives the same way (`describe` in `ui/src/lib/backend/index.ts`).
pub fn describe(lang: Lang, code: wpplay_domain::Code, field: Option<&str>) -> String {
    let id = format!("error-{}", code.as_str());
    if let Some(field) = field {
        let ask = format!("ask-{field}");
        if code == wpplay_domain::Code::MissingField && CATALOG.has(lang, &ask) {
            return CATALOG.text(lang, &ask, None);
        }
        let label = format!("field-{field}");
        let with_field = format!("{id}.field");
        if CATALOG.has(lang, &label) && CATALOG.has(lang, &with_field) {
            let args = crate::Args::new().with("field", CATALOG.text(lang, &label, None));
            return CATALOG.text(lang, &with_field, Some(&args));
        }
    }
    CATALOG.text(lang, &id, None)
}
