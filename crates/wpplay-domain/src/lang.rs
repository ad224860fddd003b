//! The languages a person can use WP Play in: English, and Serbian in either of its
//! scripts. A partner, a dealer and a reseller each have one; the server writes every
//! message to a person in theirs, and the app shows itself in the one its user chose.

use serde::{Deserialize, Serialize};

/// A language and, for Serbian, its script. On the wire as its BCP 47 tag.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    ts_rs::TS,
    utoipa::ToSchema,
)]
#[ts(export)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    /// Serbian in the Latin script (latinica).
    #[serde(rename = "sr-Latn")]
    SrLatn,
    /// Serbian in the Cyrillic script (ćirilica).
    #[serde(rename = "sr-Cyrl")]
    SrCyrl,
}

impl Lang {
    /// Every language, in the order a picker shows them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::SrLatn, Lang::SrCyrl];

    /// The BCP 47 tag, as stored and sent: `en`, `sr-Latn`, `sr-Cyrl`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::SrLatn => "sr-Latn",
            Lang::SrCyrl => "sr-Cyrl",
        }
    }

    /// The language of an exact tag as [`Lang::tag`] writes it (case-insensitive).
    pub fn parse(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The language for an operating system's locale (`sr_RS@latin`, `sr-Latn-RS`,
    /// `sr_RS.UTF-8`, `en_US`, `C`…): Serbian in the script it names, Cyrillic when it
    /// names none (Serbian's default script); Serbo-Croatian (`sh`) reads Latin; any other
    /// language, English.
    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.trim().to_ascii_lowercase();
        let (base, modifier) = match lower.split_once('@') {
            Some((base, modifier)) => (base, Some(modifier)),
            None => (lower.as_str(), None),
        };
        let base = base.split('.').next().unwrap_or_default();
        let mut parts = base.split(['-', '_']);
        match parts.next() {
            Some("sh") => Lang::SrLatn,
            Some("sr") => {
                let latin = modifier == Some("latin") || parts.any(|p| p == "latn");
                if latin { Lang::SrLatn } else { Lang::SrCyrl }
            }
            _ => Lang::En,
        }
    }

    /// Whether it is Serbian (either script): the number, date and CSV conventions of
    /// Serbia apply.
    pub const fn is_serbian(self) -> bool {
        matches!(self, Lang::SrLatn | Lang::SrCyrl)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_travel_as_bcp47() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
            assert_eq!(
                serde_json::to_string(&lang).expect("serialises"),
                format!("\"{}\"", lang.tag())
            );
        }
        assert_eq!(Lang::parse("SR-latn"), Some(Lang::SrLatn));
        assert_eq!(Lang::parse("sr"), None, "a bare `sr` names no script");
        assert!(serde_json::from_str::<Lang>("\"de\"").is_err());
    }

    #[test]
    fn an_operating_system_locale_picks_the_language_and_script() {
        for (locale, lang) in [
            ("sr_RS@latin", Lang::SrLatn),
            ("sr_RS.UTF-8@latin", Lang::SrLatn),
            ("sr-Latn-RS", Lang::SrLatn),
            ("sr-Latn", Lang::SrLatn),
            ("sh_RS", Lang::SrLatn),
            ("sr_RS.UTF-8", Lang::SrCyrl),
            ("sr-Cyrl-RS", Lang::SrCyrl),
            ("sr", Lang::SrCyrl),
            ("en_US.UTF-8", Lang::En),
            ("de-DE", Lang::En),
            ("C", Lang::En),
            ("", Lang::En),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale}");
        }
    }
}
