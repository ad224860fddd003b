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
    /// When the next lifecycle event falls due (`wpplay_domain::billing::next_due`);
    /// `None`: not known yet, the next pass looks. A pass reads only partners with
    /// `next_event_at` unknown or past.
    pub next_event_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    /// A new partner, or a changed trial end, paid-through date or anchor day, has its
    /// next lifecycle event unknown until a pass looks (which it does at once: a pass
    /// reads every partner whose `next_event_at` is unknown). Never a stale time that
    /// would hide an event: every write through an active model passes here.
    async fn before_save<C>(mut self, _db: &C, insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait,
    {
        let moved =
            self.trial_ends_at.is_set() || self.paid_through.is_set() || self.anchor_day.is_set();
        if (insert || moved) && !self.next_event_at.is_set() {
            self.next_event_at = sea_orm::ActiveValue::Set(None);
        }
        Ok(self)
    }
}
