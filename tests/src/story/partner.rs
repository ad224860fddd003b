//! The partner of the stories, Desk Media d.o.o. (Business, in its 14-day trial), and the
//! app signed in as it on the dashboard: the starting point of every scenario but the one
//! that registers through the app.

use super::api::{Account, account_with_password};
use super::ui::{sign_in_as, text_of};
use super::world::World;
use crate::webdriver::Session;

/// The e-mail address Desk Media registers with (and its credentials are sent to).
pub const EMAIL: &str = "jelena@deskmedia.rs";
/// The password Desk Media's Jelena chooses instead of the generated one.
pub const PASSWORD: &str = "Jelena-Desk-2026";
/// The default catalog's Business package (`wpplay_domain::package::default_catalog`).
const BUSINESS_PACKAGE_ID: i64 = 2;

/// Desk Media registered over the API, as the registration scenario does in the app (the
/// same form: Business, e-mail delivery), with its password changed to [`PASSWORD`].
pub async fn desk_media(world: &World) -> Account {
    account_with_password(
        world,
        serde_json::json!({"package_id": BUSINESS_PACKAGE_ID, "company": "Desk Media d.o.o.",
            "contact_person": "Jelena Jović", "email": EMAIL, "phone": "+381 63 555 1234",
            "country": "RS", "credential_delivery": "email"}),
        PASSWORD,
    )
    .await
}

/// The app started and signed in as Desk Media (registered here), on its dashboard.
pub async fn on_dashboard(world: &World) -> (Session, Account) {
    // The app starts while the account is made: neither needs the other yet.
    let (partner, app) = tokio::join!(desk_media(world), world.open_app());
    sign_in_as(&app, &partner.username, PASSWORD).await;
    text_of(&app, "[data-testid=days-left]", "14 days left").await;
    text_of(&app, "[data-testid=package-name]", "Business").await;
    (app, partner)
}
