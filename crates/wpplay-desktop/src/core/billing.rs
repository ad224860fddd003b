//! Billing: the partner's state, package and invoices, and choosing another package.
//! Read from the server (invoices are the operator's records, not in the feed); open to a
//! locked partner, since it is how it gets back in.

use super::state::Core;
use crate::commands::{ChangePackageArgs, InvoiceArgs};
use crate::error::{CoreResult, not_signed_in};
use crate::view::{Allowance, SavedFile};
use wpplay_domain::Code;
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
        Ok(view)
    }

    /// The packages on offer, to choose another one.
    pub async fn offered_packages(&self) -> CoreResult<Vec<Package>> {
        self.authorized(|api, _| async move { api.get("/api/v1/packages", None).await })
            .await
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
