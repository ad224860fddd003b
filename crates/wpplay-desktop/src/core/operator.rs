//! The operator's desk: payments waiting for a person, read from the server (the
//! operator's records live there, never in a replica) and resolved there.

use super::Core;
use crate::commands::{
    DeliveriesArgs, DeliveryArgs, OperatorPartnerArgs, OperatorPartnersArgs, PackageTermsArgs,
    ResolvePaymentArgs, ReviewPaymentsArgs, UpcomingArgs,
};
use crate::error::CoreResult;
use wpplay_wire::auth::Role;
use wpplay_wire::billing::{
    OperatorPartner, OperatorPartnerDetail, RegisterPayment, RegisteredPayment, ResolvePayment,
    ReviewPayment, StatementReport, StatementUpload,
};
use wpplay_wire::operator::{
    CatalogPackage, Delivery, LifecycleRun, NewPackage, PackageChanges, Upcoming,
};

impl Core {
    /// Payments waiting for review (or all), newest first; a page before `before`.
    pub async fn review_payments(
        &self,
        args: ReviewPaymentsArgs,
    ) -> CoreResult<Vec<ReviewPayment>> {
        self.require(Role::Operator, "review payments").await?;
        let mut path = format!(
            "/api/v1/operator/payments?limit=100&status={}",
            if args.all { "all" } else { "review" }
        );
        if let Some(before) = args.before {
            path.push_str(&format!("&before={before}"));
        }
        self.authorized(|api, token| {
            let path = path.clone();
            async move { api.get(&path, Some(&token)).await }
        })
        .await
    }

    /// Resolves payment `id`: assigned to an invoice, refunded, or not WP Play's, with a
    /// note for the record.
    pub async fn resolve_payment(&self, args: ResolvePaymentArgs) -> CoreResult<ReviewPayment> {
        self.require(Role::Operator, "resolve payments").await?;
        let path = format!("/api/v1/operator/payments/{}/resolve", args.id);
        let body = ResolvePayment {
            action: args.action,
            invoice: args
                .invoice
                .map(|i| i.trim().to_owned())
                .filter(|i| !i.is_empty()),
            parts: args.parts.map(|parts| {
                parts
                    .into_iter()
                    .map(|p| wpplay_wire::billing::SplitPart {
                        invoice: p.invoice.trim().to_owned(),
                        amount_minor: p.amount_minor,
                    })
                    .collect()
            }),
            note: args.note.trim().to_owned(),
        };
        self.authorized(|api, token| {
            let (path, body) = (path.clone(), body.clone());
            async move { api.post(&path, Some(&token), &body).await }
        })
        .await
    }

    /// Registers money received another way, matched by its reference (once per id).
    pub async fn register_payment(&self, args: RegisterPayment) -> CoreResult<RegisteredPayment> {
        self.require(Role::Operator, "register payments").await?;
        let body = RegisterPayment {
            id: args.id.trim().to_owned(),
            reference: args.reference.trim().to_owned(),
            currency: args.currency.trim().to_uppercase(),
            ..args
        };
        self.authorized(|api, token| {
            let body = body.clone();
            async move {
                api.post("/api/v1/operator/payments", Some(&token), &body)
                    .await
            }
        })
        .await
    }

    /// What importing a bank statement would do, line by line (nothing is written).
    pub async fn preview_statement(&self, args: StatementUpload) -> CoreResult<StatementReport> {
        self.statement("/api/v1/operator/statements/preview", args)
            .await
    }

    /// Imports a bank statement on the server.
    pub async fn import_statement(&self, args: StatementUpload) -> CoreResult<StatementReport> {
        self.statement("/api/v1/operator/statements/import", args)
            .await
    }

    async fn statement(
        &self,
        path: &'static str,
        args: StatementUpload,
    ) -> CoreResult<StatementReport> {
        self.require(Role::Operator, "import bank statements")
            .await?;
        self.authorized(|api, token| {
            let body = args.clone();
            async move { api.post(path, Some(&token), &body).await }
        })
        .await
    }

    /// The partners for WP Play's operator: searched, by state, newest first (100 a page).
    pub async fn operator_partners(
        &self,
        args: OperatorPartnersArgs,
    ) -> CoreResult<Vec<OperatorPartner>> {
        self.require(Role::Operator, "list the partners").await?;
        let mut path = "/api/v1/operator/partners?limit=100".to_owned();
        let encoded =
            |v: &str| url::form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>();
        if let Some(q) = args
            .search
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
        {
            path.push_str(&format!("&q={}", encoded(q)));
        }
        if let Some(state) = args.state.as_deref().filter(|s| !s.is_empty()) {
            path.push_str(&format!("&state={}", encoded(state)));
        }
        if let Some(package) = args.package {
            path.push_str(&format!("&package={package}"));
        }
        if let Some(days) = args.ends_within_days {
            path.push_str(&format!("&ends_within_days={days}"));
        }
        if let Some(before) = args.before {
            path.push_str(&format!("&before={before}"));
        }
        self.authorized(|api, token| {
            let path = path.clone();
            async move { api.get(&path, Some(&token)).await }
        })
        .await
    }

    /// One partner: profile, package, invoices, payments and newest activity.
    pub async fn operator_partner(
        &self,
        args: OperatorPartnerArgs,
    ) -> CoreResult<OperatorPartnerDetail> {
        self.require(Role::Operator, "see a partner").await?;
        let path = format!("/api/v1/operator/partners/{}", args.id);
        self.authorized(|api, token| {
            let path = path.clone();
            async move { api.get(&path, Some(&token)).await }
        })
        .await
    }

    /// Every package, offered or not, with how many partners are on each.
    pub async fn catalog(&self) -> CoreResult<Vec<CatalogPackage>> {
        self.require(Role::Operator, "manage the catalog").await?;
        self.authorized(|api, token| async move {
            api.get("/api/v1/operator/packages", Some(&token)).await
        })
        .await
    }

    /// Adds a package (offered to new partners at once).
    pub async fn add_package(&self, args: NewPackage) -> CoreResult<CatalogPackage> {
        self.require(Role::Operator, "manage the catalog").await?;
        let body = NewPackage {
            code: args.code.trim().to_lowercase(),
            name: args.name.trim().to_owned(),
            currency: args.currency.trim().to_uppercase(),
            ..args
        };
        self.authorized(|api, token| {
            let body = body.clone();
            async move {
                api.post("/api/v1/operator/packages", Some(&token), &body)
                    .await
            }
        })
        .await
    }

    /// Changes a package's name, price (from each partner's next invoice), limits,
    /// features, or whether it is offered.
    pub async fn change_package_terms(&self, args: PackageTermsArgs) -> CoreResult<CatalogPackage> {
        self.require(Role::Operator, "manage the catalog").await?;
        let path = format!("/api/v1/operator/packages/{}", args.id);
        let body = PackageChanges {
            name: args.changes.name.map(|n| n.trim().to_owned()),
            ..args.changes
        };
        self.authorized(|api, token| {
            let (path, body) = (path.clone(), body.clone());
            async move { api.patch(&path, Some(&token), &body).await }
        })
        .await
    }

    /// The lifecycle's next `days` days, day by day, and what is due already.
    pub async fn upcoming_lifecycle(&self, args: UpcomingArgs) -> CoreResult<Upcoming> {
        self.require(Role::Operator, "see the lifecycle").await?;
        let path = format!("/api/v1/operator/lifecycle/upcoming?days={}", args.days);
        self.authorized(|api, token| {
            let path = path.clone();
            async move { api.get(&path, Some(&token)).await }
        })
        .await
    }

    /// Runs a lifecycle pass on the server now.
    pub async fn run_lifecycle(&self) -> CoreResult<LifecycleRun> {
        self.require(Role::Operator, "run the lifecycle").await?;
        self.authorized(|api, token| async move {
            api.post(
                "/api/v1/operator/lifecycle/run",
                Some(&token),
                &serde_json::json!({}),
            )
            .await
        })
        .await
    }

    /// The outbox's messages of one state, newest first (100 a page).
    pub async fn deliveries(&self, args: DeliveriesArgs) -> CoreResult<Vec<Delivery>> {
        self.require(Role::Operator, "see deliveries").await?;
        let encoded =
            url::form_urlencoded::byte_serialize(args.state.as_bytes()).collect::<String>();
        let mut path = format!("/api/v1/operator/deliveries?limit=100&state={encoded}");
        if let Some(before) = args.before {
            path.push_str(&format!("&before={before}"));
        }
        self.authorized(|api, token| {
            let path = path.clone();
            async move { api.get(&path, Some(&token)).await }
        })
        .await
    }

    /// Sends a waiting message now instead of at its next attempt.
    pub async fn retry_delivery(&self, args: DeliveryArgs) -> CoreResult<Delivery> {
        self.require(Role::Operator, "retry deliveries").await?;
        let path = format!("/api/v1/operator/deliveries/{}/retry", args.id);
        self.authorized(|api, token| {
            let path = path.clone();
            async move { api.post(&path, Some(&token), &serde_json::json!({})).await }
        })
        .await
    }
}
