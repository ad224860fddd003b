//! Partner packages: what a partner buys each month.

use crate::DomainError;
use crate::validate;
use serde::{Deserialize, Serialize};

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
                "invalid_package",
                "code",
                "a package code is 1-40 lowercase letters, digits or dashes",
            ));
        }
        let currency = self.currency.trim().to_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(DomainError::invalid(
                "invalid_package",
                "currency",
                "the currency is a three-letter ISO 4217 code, e.g. EUR",
            ));
        }
        if self.monthly_price_minor < 0 || self.max_subscribers < 1 || self.max_streams < 1 {
            return Err(DomainError::invalid(
                "invalid_package",
                "limits",
                "the price must not be negative and the limits must be at least 1",
            ));
        }
        Ok(Self {
            code,
            name: validate::text("name", &self.name)?,
            currency,
            features: self
                .features
                .iter()
                .map(|f| f.trim().to_owned())
                .filter(|f| !f.is_empty())
                .collect(),
            ..self
        })
    }
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
            &["Up to 5 dealers", "Reseller network", "E-mail support"],
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
                name: " ".into(),
                ..base
            },
        ];
        for p in bad {
            assert!(p.clone().validated().is_err(), "{p:?} must be refused");
        }
    }
}
