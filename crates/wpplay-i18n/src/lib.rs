//! The languages of WP Play Partner Desk: the message catalogs every person-facing text
//! comes from ([`catalog`]), Serbian Latin to Cyrillic ([`translit`]), and each
//! language's numbers, money and dates ([`format`]). Pure: no IO, no clock.

pub mod catalog;
pub mod format;
pub mod translit;

pub use catalog::{CATALOG, text};
pub use wpplay_domain::lang::Lang;

/// A message's arguments: plain owned values (text or a number), so they can be kept and
/// sent across threads; they become Fluent arguments only while a message is written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args(pub Vec<(&'static str, Arg)>);

/// One argument: a number selects a plural form, text is shown as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
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
        self.0.push((name, value.into()));
        self
    }

    pub(crate) fn fluent(&self) -> fluent_bundle::FluentArgs<'_> {
        let mut a = fluent_bundle::FluentArgs::new();
        for (name, value) in &self.0 {
            match value {
                Arg::Text(s) => a.set(*name, s.as_str()),
                Arg::Number(n) => a.set(*name, *n),
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
