//! Billing: the partner's state, package and invoices, and choosing another package.
//! Read from the server (invoices are the operator's records, not in the feed); open to a
//! locked partner, since it is how it gets back in.

use super::Core;
use crate::commands::{ChangePackageArgs, InvoiceArgs};
use crate::error::CoreResult;
use crate::view::SavedFile;
use wpplay_wire::auth::Role;
use wpplay_wire::billing::{BillingView, ChangePackageRequest, ChangePackageResponse};
use wpplay_wire::packages::Package;

impl Core {
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
                "invalid_invoice",
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
