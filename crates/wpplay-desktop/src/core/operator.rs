//! The operator's desk: payments waiting for a person, read from the server (the
//! operator's records live there, never in a replica) and resolved there.

use super::Core;
use crate::commands::{
    DeliveriesArgs, DeliveryArgs, OperatorPartnerArgs, OperatorPartnersArgs, PackageTermsArgs,
    ResolvePaymentArgs, ReviewPaymentsArgs, UpcomingArgs,
};
use crate::error::CoreResult;
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wpplay_wire::auth::Role;
use wpplay_wire::billing::{
    OperatorPartner, OperatorPartnerDetail, RegisterPayment, RegisteredPayment, ResolvePayment,
    ReviewPayment, StatementReport, StatementUpload,
};
use wpplay_wire::operator::{
    CatalogPackage, Delivery, LifecycleRun, NewPackage, PackageChanges, Upcoming,
};

impl Core {
    /// As the signed-in operator (refused for any other role, saying what it was for):
    /// `method` on `path`, with `body` when there is one.
    pub(super) async fn as_operator<B, T>(
        &self,
        doing: &str,
        method: Method,
        path: &str,
        body: Option<B>,
    ) -> CoreResult<T>
    where
        B: Serialize + Clone,
        T: DeserializeOwned,
    {
        self.require(Role::Operator, doing).await?;
        self.authorized(|api, token| {
            let (method, body) = (method.clone(), body.clone());
            async move { api.call(method, path, Some(&token), body.as_ref()).await }
        })
        .await
    }

    /// [`Core::as_operator`] reading `path`.
    async fn operator_read<T: DeserializeOwned>(&self, doing: &str, path: &str) -> CoreResult<T> {
        self.as_operator::<(), T>(doing, Method::GET, path, None)
            .await
    }
    /// Payments waiting for review (or all), newest first; a page before `before`.
    pub async fn review_payments(
        &self,
        args: ReviewPaymentsArgs,
    ) -> CoreResult<Vec<ReviewPayment>> {
        let mut path = format!(
            "/api/v1/operator/payments?limit=100&status={}",
            if args.all { "all" } else { "review" }
        );
        if let Some(before) = args.before {
            path.push_str(&format!("&before={before}"));
        }
        self.operator_read("review payments", &path).await
    }

    /// Resolves payment `id`: assigned to an invoice, refunded, or not WP Play's, with a
    /// note for the record.
    pub async fn resolve_payment(&self, args: ResolvePaymentArgs) -> CoreResult<ReviewPayment> {
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
        self.as_operator("resolve payments", Method::POST, &path, Some(body))
            .await
    }

    /// Registers money received another way, matched by its reference (once per id).
    pub async fn register_payment(&self, args: RegisterPayment) -> CoreResult<RegisteredPayment> {
        let body = RegisterPayment {
            id: args.id.trim().to_owned(),
            reference: args.reference.trim().to_owned(),
            currency: args.currency.trim().to_uppercase(),
            ..args
        };
        let path = "/api/v1/operator/payments";
        self.as_operator("register payments", Method::POST, path, Some(body))
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
        self.as_operator("import bank statements", Method::POST, path, Some(args))
            .await
    }

    /// The partners for WP Play's operator: searched, by state, newest first (100 a page).
    pub async fn operator_partners(
        &self,
        args: OperatorPartnersArgs,
    ) -> CoreResult<Vec<OperatorPartner>> {
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
        self.operator_read("list the partners", &path).await
    }

    /// One partner: profile, package, invoices, payments and newest activity.
    pub async fn operator_partner(
        &self,
        args: OperatorPartnerArgs,
    ) -> CoreResult<OperatorPartnerDetail> {
        let path = format!("/api/v1/operator/partners/{}", args.id);
        self.operator_read("see a partner", &path).await
    }

    /// Every package, offered or not, with how many partners are on each.
    pub async fn catalog(&self) -> CoreResult<Vec<CatalogPackage>> {
        self.operator_read("manage the catalog", "/api/v1/operator/packages")
            .await
    }

    /// Adds a package (offered to new partners at once).
    pub async fn add_package(&self, args: NewPackage) -> CoreResult<CatalogPackage> {
        let body = NewPackage {
            code: args.code.trim().to_lowercase(),
            name: args.name.trim().to_owned(),
            currency: args.currency.trim().to_uppercase(),
            ..args
        };
        let path = "/api/v1/operator/packages";
        self.as_operator("manage the catalog", Method::POST, path, Some(body))
            .await
    }

    /// Changes a package's name, price (from each partner's next invoice), limits,
    /// features, or whether it is offered.
    pub async fn change_package_terms(&self, args: PackageTermsArgs) -> CoreResult<CatalogPackage> {
        let path = format!("/api/v1/operator/packages/{}", args.id);
        let body = PackageChanges {
            name: args.changes.name.map(|n| n.trim().to_owned()),
            ..args.changes
        };
        self.as_operator("manage the catalog", Method::PATCH, &path, Some(body))
            .await
    }

    /// The lifecycle's next `days` days, day by day, and what is due already.
    pub async fn upcoming_lifecycle(&self, args: UpcomingArgs) -> CoreResult<Upcoming> {
        let path = format!("/api/v1/operator/lifecycle/upcoming?days={}", args.days);
        self.operator_read("see the lifecycle", &path).await
    }

    /// Runs a lifecycle pass on the server now.
    pub async fn run_lifecycle(&self) -> CoreResult<LifecycleRun> {
        let path = "/api/v1/operator/lifecycle/run";
        self.as_operator(
            "run the lifecycle",
            Method::POST,
            path,
            Some(serde_json::json!({})),
        )
        .await
    }

    /// The outbox's messages of one state, newest first (100 a page).
    pub async fn deliveries(&self, args: DeliveriesArgs) -> CoreResult<Vec<Delivery>> {
        let encoded =
            url::form_urlencoded::byte_serialize(args.state.as_bytes()).collect::<String>();
        let mut path = format!("/api/v1/operator/deliveries?limit=100&state={encoded}");
        if let Some(before) = args.before {
            path.push_str(&format!("&before={before}"));
        }
        self.operator_read("see deliveries", &path).await
    }

    /// Sends a waiting message now instead of at its next attempt.
    pub async fn retry_delivery(&self, args: DeliveryArgs) -> CoreResult<Delivery> {
        let path = format!("/api/v1/operator/deliveries/{}/retry", args.id);
        let empty = Some(serde_json::json!({}));
        self.as_operator("retry deliveries", Method::POST, &path, empty)
            .await
    }
}
