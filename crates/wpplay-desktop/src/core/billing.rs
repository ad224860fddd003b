//! Billing: the partner's state, package and invoices, and choosing another package.
//! Read from the server (invoices are the operator's records, not in the feed); open to a
//! locked partner, since it is how it gets back in.

use super::Core;
use crate::commands::ChangePackageArgs;
use crate::error::CoreResult;
use wpplay_wire::auth::Role;
use wpplay_wire::billing::{BillingView, ChangePackageRequest, ChangePackageResponse};
use wpplay_wire::packages::Package;

impl Core {
    /// Where the partner stands, its package and its invoices (needs the server).
    pub async fn billing(&self) -> CoreResult<BillingView> {
        self.require(Role::Partner, "see billing").await?;
        self.authorized(|api, token| async move { api.get("/api/v1/billing", Some(&token)).await })
            .await
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
}
