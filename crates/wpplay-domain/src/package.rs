//! Partner packages: what a partner buys each month.

use crate::DomainError;
use crate::code::Code;
use crate::validate;
use serde::{Deserialize, Serialize};

/// The largest limit a package may set (subscriber lines or streams).
pub const MAX_LIMIT: i32 = 1_000_000;
/// How many features a package lists, at most, and how long each may be.
pub const MAX_FEATURES: usize = 20;
pub const MAX_FEATURE_LEN: usize = 100;

/// A package as the operator defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageSpec {
    pub code: String,
    pub name: String,
    /// Monthly price in the currency's minor unit (cents, para).
    pub monthly_price_minor: i64,
    /// ISO 4217 code, e.g. `EUR`, `RSD`.
    pub currency: String,
    pub max_subscribers: i32,
    pub max_streams: i32,
    pub features: Vec<String>,
}

impl PackageSpec {
    /// Checks and normalises a package the operator typed.
    pub fn validated(self) -> Result<Self, DomainError> {
        let code = self.code.trim().to_lowercase();
        if code.is_empty()
            || code.len() > 40
            || !code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(DomainError::invalid(
                Code::InvalidPackage,
                "code",
                "a package code is 1-40 lowercase letters, digits or dashes",
            ));
        }
        let currency = self.currency.trim().to_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(DomainError::invalid(
                Code::InvalidPackage,
                "currency",
                "the currency is a three-letter ISO 4217 code, e.g. EUR",
            ));
        }
        if !(0..=crate::billing::MAX_AMOUNT_MINOR).contains(&self.monthly_price_minor) {
            return Err(DomainError::invalid(
                Code::InvalidPackage,
                "monthly_price_minor",
                "the price must not be negative, nor more than 10,000,000,000.00",
            ));
        }
        for (field, limit) in [
            ("max_subscribers", self.max_subscribers),
            ("max_streams", self.max_streams),
        ] {
            if !(1..=MAX_LIMIT).contains(&limit) {
                return Err(DomainError::invalid(
                    Code::InvalidPackage,
                    field,
                    format!("a package's limits are 1 to {MAX_LIMIT}"),
                ));
            }
        }
        let features = self
            .features
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .map(|f| validate::label("features", f, MAX_FEATURE_LEN))
            .collect::<Result<Vec<_>, _>>()?;
        if features.len() > MAX_FEATURES {
            return Err(DomainError::invalid(
                Code::InvalidPackage,
                "features",
                format!("a package lists at most {MAX_FEATURES} features"),
            ));
        }
        Ok(Self {
            code,
            name: validate::text("name", &self.name)?,
            currency,
            features,
            ..self
        })
    }
}

/// What a package limits: the number of subscriber lines and of content streams.
/// Dealers are not limited (the seed promises partners unlimited dealers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    Subscribers,
    Streams,
}

impl Limited {
    fn noun(self, n: u64) -> &'static str {
        match (self, n) {
            (Self::Subscribers, 1) => "subscriber line",
            (Self::Subscribers, _) => "subscriber lines",
            (Self::Streams, 1) => "stream",
            (Self::Streams, _) => "streams",
        }
    }

    /// The package's maximum for this kind.
    pub fn max_of(self, max_subscribers: i32, max_streams: i32) -> u64 {
        let max = match self {
            Self::Subscribers => max_subscribers,
            Self::Streams => max_streams,
        };
        u64::try_from(max).unwrap_or(0)
    }
}

/// Whether one more line or stream fits a package that allows `max` and has `used`:
/// refused as `package_limit_reached`, naming the limit and the package.
pub fn check_room(kind: Limited, used: u64, max: u64, package: &str) -> Result<(), DomainError> {
    if used < max {
        return Ok(());
    }
    Err(DomainError::invalid(
        Code::PackageLimitReached,
        match kind {
            Limited::Subscribers => "subscribers",
            Limited::Streams => "streams",
        },
        format!(
            "The {package} package allows {max} {}; you have {used}. Remove some or choose a bigger package.",
            kind.noun(max)
        ),
    ))
}

/// A package change the current data does not fit is refused with the counts (it would
/// otherwise leave the partner over its limits): `package_too_small`.
pub fn check_fits(
    subscribers: u64,
    streams: u64,
    package: &str,
    max_subscribers: i32,
    max_streams: i32,
) -> Result<(), DomainError> {
    let over: Vec<String> = [
        (Limited::Subscribers, subscribers),
        (Limited::Streams, streams),
    ]
    .into_iter()
    .filter_map(|(kind, used)| {
        let max = kind.max_of(max_subscribers, max_streams);
        (used > max).then(|| format!("{used} {} (it allows {max})", kind.noun(used)))
    })
    .collect();
    if over.is_empty() {
        return Ok(());
    }
    Err(DomainError::invalid(
        Code::PackageTooSmall,
        "package_id",
        format!(
            "You have {}, more than the {package} package allows. Remove some first, then choose it again.",
            over.join(" and ")
        ),
    ))
}

/// The catalog a fresh server starts with, so the product is usable at once.
pub fn default_catalog() -> Vec<PackageSpec> {
    let spec = |code: &str, name: &str, price, subs, streams, features: &[&str]| PackageSpec {
        code: code.into(),
        name: name.into(),
        monthly_price_minor: price,
        currency: "EUR".into(),
        max_subscribers: subs,
        max_streams: streams,
        features: features.iter().map(|f| (*f).to_owned()).collect(),
    };
    vec![
        spec(
            "starter",
            "Starter",
            2_900,
            100,
            200,
            &["Unlimited dealers", "Reseller network", "E-mail support"],
        ),
        spec(
            "business",
            "Business",
            7_900,
            1_000,
            1_000,
            &[
                "Unlimited dealers",
                "Reseller network",
                "Priority e-mail support",
            ],
        ),
        spec(
            "enterprise",
            "Enterprise",
            19_900,
            10_000,
            5_000,
            &[
                "Unlimited dealers",
                "Reseller network",
                "Dedicated account manager",
                "Phone support",
            ],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_catalog_is_valid_and_has_three_packages() {
        let catalog = default_catalog();
        assert_eq!(
            catalog.len(),
            3,
            "the issue asks for a seeded catalog of 3 packages"
        );
        for p in catalog {
            assert_eq!(
                p.clone().validated(),
                Ok(p),
                "seeded packages pass our own validation"
            );
        }
    }

    #[test]
    fn every_package_promises_unlimited_dealers() {
        // The seed: partners have an unlimited number of dealers, whatever the package.
        for p in default_catalog() {
            assert!(
                p.features.iter().any(|f| f == "Unlimited dealers"),
                "{} must not limit dealers: {:?}",
                p.name,
                p.features
            );
        }
    }

    #[test]
    fn room_is_checked_against_the_limit() {
        assert_eq!(check_room(Limited::Subscribers, 99, 100, "Starter"), Ok(()));
        let e = check_room(Limited::Subscribers, 100, 100, "Starter").expect_err("refused");
        assert_eq!(crate::ErrorCode::code(&e), "package_limit_reached");
        assert!(
            e.message()
                .contains("allows 100 subscriber lines; you have 100"),
            "{e}"
        );
        let e = check_room(Limited::Streams, 1, 1, "Tiny").expect_err("refused");
        assert!(e.message().contains("allows 1 stream; you have 1"), "{e}");
    }

    #[test]
    fn a_change_the_data_does_not_fit_names_the_counts() {
        assert_eq!(check_fits(100, 200, "Starter", 100, 200), Ok(()));
        let e = check_fits(101, 250, "Starter", 100, 200).expect_err("refused");
        assert_eq!(crate::ErrorCode::code(&e), "package_too_small");
        assert!(
            e.message()
                .contains("101 subscriber lines (it allows 100) and 250 streams (it allows 200)"),
            "{e}"
        );
        let e = check_fits(5, 201, "Starter", 100, 200).expect_err("refused");
        assert!(
            !e.message().contains("subscriber"),
            "only what is over: {e}"
        );
    }

    #[test]
    fn bad_packages_are_refused() {
        let base = default_catalog().remove(0);
        let bad = [
            PackageSpec {
                code: "Bad Code".into(),
                ..base.clone()
            },
            PackageSpec {
                currency: "euro".into(),
                ..base.clone()
            },
            PackageSpec {
                monthly_price_minor: -1,
                ..base.clone()
            },
            PackageSpec {
                max_subscribers: 0,
                ..base.clone()
            },
            PackageSpec {
                max_streams: MAX_LIMIT + 1,
                ..base.clone()
            },
            PackageSpec {
                monthly_price_minor: crate::billing::MAX_AMOUNT_MINOR + 1,
                ..base.clone()
            },
            PackageSpec {
                features: vec!["x".into(); MAX_FEATURES + 1],
                ..base.clone()
            },
            PackageSpec {
                features: vec!["x".repeat(MAX_FEATURE_LEN + 1)],
                ..base.clone()
            },
            PackageSpec {
                features: vec!["line\nbreak".into()],
                ..base.clone()
            },
            PackageSpec {
                name: " ".into(),
                ..base
            },
        ];
        for p in bad {
            assert!(p.clone().validated().is_err(), "{p:?} must be refused");
        }
    }
}
