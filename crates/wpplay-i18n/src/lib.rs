//! The languages of WP Play Partner Desk: the message catalogs every person-facing text
//! comes from ([`catalog`]), Serbian Latin to Cyrillic ([`translit`]), and each
//! language's numbers, money and dates ([`format`]). Pure: no IO, no clock.

pub mod catalog;
pub mod format;
pub mod translit;

pub use catalog::{CATALOG, describe, text};
pub use wpplay_domain::lang::Lang;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A message's arguments: plain owned values (text or a number), so they can be kept,
/// stored and sent across threads; they become Fluent arguments only while a message is
/// written.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Args(pub Vec<(Cow<'static, str>, Arg)>);

/// One argument: a number selects a plural form, text is shown as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Number(i64),
    Text(String),
}

/// A message to word later, in whatever language is chosen then: its id and arguments.
/// Kept as JSON where text once was (the desktop's queued edits), so a switch of language
/// rewords what is already stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Later {
    pub id: Cow<'static, str>,
    #[serde(default)]
    pub args: Args,
}

impl Later {
    pub fn new(id: &'static str, args: Args) -> Self {
        Self {
            id: Cow::Borrowed(id),
            args,
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        text(lang, &self.id, Some(&self.args))
    }

    /// As stored: JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Stored text in `lang`: a [`Later`] worded, anything else (text stored before
    /// messages were kept this way) as it is.
    pub fn word(stored: &str, lang: Lang) -> String {
        serde_json::from_str::<Later>(stored)
            .map(|m| m.text(lang))
            .unwrap_or_else(|_| stored.to_owned())
    }

    /// The text argument `name`, if the message has one.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args.0.iter().find_map(|(n, v)| match v {
            Arg::Text(t) if n == name => Some(t.as_str()),
            _ => None,
        })
    }
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(v.to_owned())
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(v)
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(v.clone())
    }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Number(v)
    }
}

impl From<i32> for Arg {
    fn from(v: i32) -> Self {
        Arg::Number(v.into())
    }
}

impl From<u32> for Arg {
    fn from(v: u32) -> Self {
        Arg::Number(v.into())
    }
}

impl Args {
    pub fn new() -> Self {
        Self::default()
    }

    /// With one more argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.0.push((Cow::Borrowed(name), value.into()));
        self
    }

    pub(crate) fn fluent(&self) -> fluent_bundle::FluentArgs<'_> {
        let mut a = fluent_bundle::FluentArgs::new();
        for (name, value) in &self.0 {
            match value {
                Arg::Text(s) => a.set(name.as_ref(), s.as_str()),
                Arg::Number(n) => a.set(name.as_ref(), *n),
            }
        }
        a
    }
}

/// A message's arguments from `name => value` pairs: `args!{"days" => 3, "when" => when}`.
#[macro_export]
macro_rules! args {
    ($($name:literal => $value:expr),* $(,)?) => {
        $crate::Args::new()$(.with($name, $value))*
    };
}

#[cfg(test)]
mod tests;
