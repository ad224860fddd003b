//! Billing: the partner's state, package and invoices, and choosing another package.
//! Read from the server (invoices are the operator's records, not in the feed); open to a
//! locked partner, since it is how it gets back in.

use super::state::Core;
use crate::commands::{ChangePackageArgs, InvoiceArgs};
use crate::error::{CoreResult, not_signed_in};
use crate::view::{Allowance, PackageChoice, SavedFile};
use chrono::{DateTime, Utc};
use wpplay_domain::Code;
use wpplay_domain::billing::{ChangeFacts, PackagePrice, change_rule};
use wpplay_domain::lifecycle::{PartnerState, days_left};
use wpplay_domain::package::Limited;
use wpplay_wire::auth::Role;
use wpplay_wire::billing::{BillingView, ChangePackageRequest, ChangePackageResponse};
use wpplay_wire::packages::Package;
use wpplay_wire::sync::Entity;

impl Allowance {
    /// Whether one more line or stream fits: the server's rule and wording, checked
    /// before queuing (the server holds it again).
    pub(super) fn room_for_one(&self, kind: Limited) -> CoreResult<()> {
        wpplay_domain::package::check_room(
            kind,
            u64::try_from(self.used).unwrap_or(0),
            u64::try_from(self.max).unwrap_or(0),
            &self.package,
        )
        .map_err(|e| wpplay_wire::ErrorBody::new(wpplay_domain::ErrorCode::code(&e), e.message()))
    }
}

impl Core {
    /// How much of the package's limit on `kind` the partner uses, with `used` counted
    /// by the caller from the rows it shows. `None` for a dealer or reseller (their
    /// feeds carry no package), or before the first sync.
    pub(super) async fn allowance(
        &self,
        kind: Limited,
        used: usize,
    ) -> CoreResult<Option<Allowance>> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        if s.role != Role::Partner {
            return Ok(None);
        }
        let package = s
            .replica
            .entities("package")
            .await?
            .into_iter()
            .find_map(|e| match e {
                Entity::Package(p) => Some(p),
                _ => None,
            });
        Ok(package.map(|p| Allowance {
            used: i64::try_from(used).unwrap_or(i64::MAX),
            max: i64::try_from(kind.max_of(p.max_subscribers, p.max_streams)).unwrap_or(0),
            package: p.name,
        }))
    }

    /// Where the partner stands, its package and its invoices (needs the server).
    pub async fn billing(&self) -> CoreResult<BillingView> {
        self.require(Role::Partner, "see billing").await?;
        let view = self
            .authorized(|api, token| async move { api.get("/api/v1/billing", Some(&token)).await })
            .await?;
        // What the server knows may be newer than the replica (a payment just arrived):
        // pull it, so the banner and dashboard agree with this page.
        self.wake_sync();
        Ok(counted_at(view, self.cfg.clock.now()))
    }

    /// The packages on offer, to choose another one.
    pub async fn offered_packages(&self) -> CoreResult<Vec<Package>> {
        self.authorized(|api, _| async move { api.get("/api/v1/packages", None).await })
            .await
    }

    /// The packages on offer, each with the rule that applies if the partner chooses it
    /// now (read from the server's billing: the state, the package, the current period).
    pub async fn package_choices(&self) -> CoreResult<Vec<PackageChoice>> {
        let view = self.billing().await?;
        let offered = self.offered_packages().await?;
        Ok(choices(&view, offered, self.cfg.clock.now()))
    }

    /// Chooses another package; the answer says when it applies and what it costs.
    pub async fn choose_package(
        &self,
        args: ChangePackageArgs,
    ) -> CoreResult<ChangePackageResponse> {
        self.require(Role::Partner, "choose a package").await?;
        let body = ChangePackageRequest {
            package_id: args.package_id,
        };
        let answer = self
            .authorized(|api, token| {
                let body = body.clone();
                async move {
                    api.post("/api/v1/billing/package", Some(&token), &body)
                        .await
                }
            })
            .await?;
        // The new package reaches the replica through the feed.
        self.wake_sync();
        Ok(answer)
    }

    /// Saves an invoice's PDF in the export folder (Downloads) and says where.
    pub async fn save_invoice_pdf(&self, args: InvoiceArgs) -> CoreResult<SavedFile> {
        self.require(Role::Partner, "download invoices").await?;
        let number: String = args
            .number
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if number.is_empty() || number.len() > 16 {
            return Err(wpplay_wire::ErrorBody::new(
                Code::InvalidInvoice,
                "That is not an invoice number.",
            ));
        }
        let path = format!("/api/v1/billing/invoices/{number}/pdf");
        let bytes = self
            .authorized(|api, token| {
                let path = path.clone();
                async move { api.get_bytes(&path, Some(&token)).await }
            })
            .await?;
        let file = self
            .cfg
            .export_dir
            .join(format!("WP-Play-pro-forma-{number}.pdf"));
        std::fs::create_dir_all(&self.cfg.export_dir).map_err(crate::error::local_storage)?;
        let partial = file.with_extension("pdf.part");
        std::fs::write(&partial, &bytes).map_err(crate::error::local_storage)?;
        std::fs::rename(&partial, &file).map_err(crate::error::local_storage)?;
        Ok(SavedFile {
            path: file.display().to_string(),
            opened: false,
        })
    }
}

/// The view's countdowns counted with this computer's clock, as the dashboard counts its
/// own (`SubscriptionView`): the Billing page, the banner and the UI's "now" agree even
/// when this clock and the server's differ.
fn counted_at(mut view: BillingView, now: DateTime<Utc>) -> BillingView {
    view.days_left = days_left(view.access_ends_at, now);
    view.days_to_purge = days_left(view.purge_at, now);
    view
}

fn price(p: &Package) -> PackagePrice<'_> {
    PackagePrice {
        id: p.id,
        name: &p.name,
        monthly_price_minor: p.monthly_price_minor,
        currency: &p.currency,
    }
}

/// Every offered package with its rule, as of `now`.
fn choices(view: &BillingView, offered: Vec<Package>, now: DateTime<Utc>) -> Vec<PackageChoice> {
    let state = match view.state.as_str() {
        "trial" => PartnerState::Trial,
        "active" => PartnerState::Active,
        _ => PartnerState::Locked,
    };
    // The current period began where its period invoice says.
    let period_start = view
        .invoices
        .iter()
        .find(|i| i.kind == "period" && i.period_end == view.access_ends_at)
        .map(|i| i.period_start);
    let facts = ChangeFacts {
        state,
        current: price(&view.package),
        pending: view.next_package.as_ref().map(price),
        access_ends_at: view.access_ends_at,
        period_start,
    };
    // The offer by price, with the current package among them even when no longer offered.
    let mut list = offered;
    if !list.iter().any(|p| p.id == view.package.id) {
        list.push(view.package.clone());
    }
    list.sort_by(|a, b| (a.monthly_price_minor, &a.name).cmp(&(b.monthly_price_minor, &b.name)));
    list.into_iter()
        .map(|package| {
            let rule = change_rule(&facts, &price(&package), now);
            PackageChoice {
                can_confirm: rule.can_confirm(),
                rule,
                package,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wpplay_domain::billing::ChangeRule;
    use wpplay_wire::billing::InvoiceView;

    fn package(id: i64, name: &str, price: i64) -> Package {
        Package {
            id,
            code: name.to_lowercase(),
            name: name.into(),
            monthly_price_minor: price,
            currency: "EUR".into(),
            max_subscribers: 10,
            max_streams: 10,
            features: vec![],
            active: true,
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().expect("instant")
    }

    /// An active partner paid through 10 January 2027, on Basic.
    fn active_view() -> BillingView {
        let end = at("2027-01-10T00:00:00Z");
        BillingView {
            state: "active".into(),
            trial_ends_at: at("2026-11-10T00:00:00Z"),
            paid_through: Some(end),
            access_ends_at: end,
            days_left: 16,
            purge_at: end + chrono::Duration::days(30),
            days_to_purge: 46,
            next_invoice_at: end - chrono::Duration::days(7),
            package: package(1, "Basic", 1000),
            next_package: None,
            invoices: vec![InvoiceView {
                number: "2026-0001".into(),
                kind: "period".into(),
                package_name: "Basic".into(),
                period_start: at("2026-12-10T00:00:00Z"),
                period_end: end,
                amount_minor: 1000,
                currency: "EUR".into(),
                reference: "97 1".into(),
                issued_at: at("2026-12-03T08:00:00Z"),
                paid_minor: 1000,
                paid_at: Some(at("2026-12-04T10:00:00Z")),
                status: wpplay_domain::billing::InvoiceStatus::Paid,
                due_minor: 0,
            }],
            payments: vec![],
        }
    }

    #[test]
    fn the_countdowns_are_counted_with_this_computers_clock() {
        // The server counted on 25 December; this computer's clock says 1 January 23:00.
        let view = counted_at(active_view(), at("2027-01-01T23:00:00Z"));
        assert_eq!(
            (view.days_left, view.days_to_purge),
            (9, 39),
            "8 days and 1 hour to the end count as 9, as the dashboard counts them"
        );
        let view = counted_at(active_view(), at("2027-02-20T00:00:00Z"));
        assert_eq!(
            (view.days_left, view.days_to_purge),
            (0, 0),
            "never below 0 once both have passed"
        );
    }

    #[test]
    fn each_offered_package_comes_with_the_rule_over_the_invoiced_period() {
        let end = at("2027-01-10T00:00:00Z");
        let view = active_view();
        // The current package is no longer offered: it is still listed, by price.
        let offered = vec![package(3, "Pro", 4100), package(2, "Mini", 500)];
        let list = choices(&view, offered, at("2026-12-25T12:00:00Z"));
        let names: Vec<&str> = list.iter().map(|c| c.package.name.as_str()).collect();
        assert_eq!(names, ["Mini", "Basic", "Pro"]);
        assert_eq!(list[0].rule, ChangeRule::NextPeriod { from: end });
        assert_eq!(
            (list[1].rule.clone(), list[1].can_confirm),
            (ChangeRule::Same, false)
        );
        // 15.5 of 31 days left: half of the 31.00 difference.
        assert_eq!(
            list[2].rule,
            ChangeRule::NowProrated {
                estimate_minor: 1550,
                until: end
            }
        );
    }
}
