//! The catalogs' own checks: each parses, each language has every message and attribute
//! the others have, with the same variables, and every plural has the forms its language
//! needs (Serbian: one, few, other; English: one, other).

use crate::catalog::{self, Source};
use crate::{CATALOG, Lang};
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use std::collections::{BTreeMap, BTreeSet};

/// What a catalog says about one message or attribute: the variables it uses and the
/// variant keys of each plural it holds.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    variables: BTreeSet<String>,
    plurals: Vec<BTreeSet<String>>,
}

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn shapes(sources: &[Source]) -> BTreeMap<String, Shape> {
    let mut out = BTreeMap::new();
    for source in sources {
        let resource = fluent_syntax::parser::parse(source.text)
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", source.name));
        for entry in resource.body {
            let Entry::Message(m) = entry else { continue };
            let id = m.id.name.to_owned();
            if let Some(value) = &m.value {
                out.insert(id.clone(), shape_of(value));
            }
            for a in &m.attributes {
                out.insert(format!("{id}.{}", a.id.name), shape_of(&a.value));
            }
        }
    }
    out
}

fn shape_of(p: &Pattern<&str>) -> Shape {
    let mut s = Shape::default();
    walk(p, &mut s);
    s
}

fn walk(p: &Pattern<&str>, s: &mut Shape) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_shape(expression, s);
        }
    }
}

fn expression_shape(e: &Expression<&str>, s: &mut Shape) {
    match e {
        Expression::Select { selector, variants } => {
            inline_shape(selector, s);
            let keys: BTreeSet<String> = variants
                .iter()
                .map(|v| match &v.key {
                    VariantKey::Identifier { name } => (*name).to_owned(),
                    VariantKey::NumberLiteral { value } => (*value).to_owned(),
                })
                .collect();
            if keys.iter().any(|k| PLURAL_KEYS.contains(&k.as_str())) {
                s.plurals.push(keys);
            }
            for v in variants {
                walk(&v.value, s);
            }
        }
        Expression::Inline(i) => inline_shape(i, s),
    }
}

fn inline_shape(i: &InlineExpression<&str>, s: &mut Shape) {
    match i {
        InlineExpression::VariableReference { id } => {
            s.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_shape(expression, s),
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let en = shapes(catalog::EN);
    let sr = shapes(catalog::SR_LATN);
    let only_en: Vec<_> = en.keys().filter(|k| !sr.contains_key(*k)).collect();
    let only_sr: Vec<_> = sr.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty() && only_sr.is_empty(),
        "missing in sr-Latn: {only_en:?}; missing in en: {only_sr:?}"
    );
    for (id, shape) in &en {
        assert_eq!(
            shape.variables, sr[id].variables,
            "the variables of {id} differ between en and sr-Latn"
        );
        assert!(CATALOG.has(Lang::SrCyrl, id), "{id} is missing in sr-Cyrl");
    }
    // The Cyrillic overrides replace messages that exist, with the same variables.
    let overrides = shapes(catalog::SR_CYRL_OVERRIDES);
    for (id, shape) in &overrides {
        let latin = sr
            .get(id)
            .unwrap_or_else(|| panic!("the sr-Cyrl override {id} overrides nothing"));
        assert_eq!(
            shape.variables, latin.variables,
            "the variables of the override {id} differ"
        );
    }
}

#[test]
fn every_plural_has_its_languages_forms() {
    for (lang, sources, needed) in [
        (Lang::En, catalog::EN, &["one", "other"][..]),
        (Lang::SrLatn, catalog::SR_LATN, &["one", "few", "other"][..]),
    ] {
        for (id, shape) in shapes(sources) {
            for keys in &shape.plurals {
                for form in needed {
                    assert!(
                        keys.contains(*form),
                        "{lang}: a plural in {id} lacks the `{form}` form: {keys:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn serbian_counts_days_with_three_forms() {
    let title =
        |lang, days: i64| CATALOG.text(lang, "purge-warning.title", Some(&args! {"days" => days}));
    for (days, word) in [
        (1, "dan"),
        (2, "dana"),
        (4, "dana"),
        (5, "dana"),
        (11, "dana"),
        (12, "dana"),
        (21, "dan"),
        (22, "dana"),
        (25, "dana"),
    ] {
        assert_eq!(
            title(Lang::SrLatn, days),
            format!("Vaši podaci se brišu za {days} {word}")
        );
    }
    assert_eq!(title(Lang::SrCyrl, 21), "Ваши подаци се бришу за 21 дан");
    assert_eq!(title(Lang::SrCyrl, 3), "Ваши подаци се бришу за 3 дана");
    assert_eq!(title(Lang::En, 1), "Your data is deleted in 1 day");
    assert_eq!(title(Lang::En, 7), "Your data is deleted in 7 days");
}

#[test]
fn the_cyrillic_catalog_is_cyrillic_but_keeps_names_and_variables() {
    let text = catalog::ftl(Lang::SrCyrl);
    assert!(
        fluent_bundle::FluentResource::try_new(text.clone()).is_ok(),
        "the generated Cyrillic catalog parses"
    );
    for id in shapes(catalog::SR_LATN).keys() {
        let out = CATALOG.text(
            Lang::SrCyrl,
            id,
            Some(&args! {"username" => "marko.shop", "company" => "Desk Media d.o.o.", "days" => 3, "count" => 2, "period" => "trial"}),
        );
        assert!(
            !out.chars().any(|c| "čćđšžČĆĐŠŽ".contains(c)),
            "{id} still has Serbian Latin letters in Cyrillic: {out}"
        );
    }
    let sms = CATALOG.text(
        Lang::SrCyrl,
        "credentials-sms",
        Some(&args! {"username" => "marko.shop", "password" => "Ab3$xyZ"}),
    );
    assert_eq!(
        sms,
        "WP Play: ваш налог је спреман. Корисничко име: marko.shop Лозинка: Ab3$xyZ При првој пријави изаберите нову лозинку."
    );
}

#[test]
fn a_message_missing_in_a_language_falls_back_to_english_then_its_id() {
    assert_eq!(
        CATALOG.text(Lang::SrLatn, "no-such-message", None),
        "no-such-message"
    );
    assert_eq!(
        CATALOG.text(Lang::En, "request-received.title", None),
        "New Request for Partner"
    );
    assert_eq!(
        CATALOG.text(Lang::SrLatn, "request-received.title", None),
        "Novi Zahtev za partnerstvo"
    );
}

/// Errors are shown by code: every code a client can meet has its message in every
/// language (the parity test above extends this to Serbian).
#[test]
fn every_error_code_has_a_message() {
    let missing: Vec<_> = wpplay_domain::Code::ALL
        .iter()
        .map(|code| format!("error-{}", code.as_str()))
        .filter(|id| !CATALOG.has(Lang::En, id))
        .collect();
    assert!(missing.is_empty(), "codes without a message: {missing:?}");
}

#[test]
fn an_error_is_worded_by_its_code_and_field() {
    use crate::describe;
    use wpplay_domain::Code;
    assert_eq!(
        describe(Lang::En, Code::MissingField, Some("mac")),
        "Enter the MAC address of the subscriber's device."
    );
    assert_eq!(
        describe(Lang::SrLatn, Code::FieldTooLong, Some("company")),
        "Polje „Firma“ je predugačko. Skratite ga."
    );
    assert_eq!(
        describe(Lang::SrCyrl, Code::WrongCredentials, None),
        "Корисничко име или лозинка нису тачни."
    );
    // A field without a label: the code's own message.
    assert_eq!(
        describe(Lang::En, Code::FieldTooLong, Some("no_such_field")),
        "A text is too long. Shorten it and try again."
    );
}
