//! A partner's profile and lifecycle facts (one per partner account).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partners")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: i64,
    pub package_id: i64,
    pub company: String,
    pub contact_person: String,
    pub email: String,
    pub phone: String,
    pub country: String,
    pub credential_channel: String,
    pub offers_reseller_services: bool,
    pub registered_at: DateTimeUtc,
    pub trial_ends_at: DateTimeUtc,
    pub paid_through: Option<DateTimeUtc>,
    pub version: i64,
    /// The day of month the current run of paid periods keeps (`None`: the trial end's).
    pub anchor_day: Option<i32>,
    /// A cheaper package chosen during a paid period: it applies from the next period.
    pub pending_package_id: Option<i64>,
    /// The partner requires its dealers to sign in with a second factor.
    pub dealers_need_second_factor: bool,
    /// Which news the partner wants and how (JSON of
    /// `wpplay_domain::notify::NotificationPreferences`); none: the defaults.
    pub notification_preferences: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
