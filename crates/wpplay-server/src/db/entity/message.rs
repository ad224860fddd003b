//! An e-mail or SMS in the delivery outbox.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub account_id: Option<i64>,
    /// `email` or `sms`.
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    /// Cleared once delivered: it may hold credentials.
    pub body: Option<String>,
    /// `pending`, `sent` or `failed` (gave up after the last retry).
    pub state: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    /// A worker holds the message until then; another worker may take it after.
    pub claimed_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    /// Rendered when sent: `invoice:<id>` attaches the invoice's PDF.
    pub attachment: Option<String>,
    /// Set while the message is an open digest that later notices are added to.
    pub digest_key: Option<String>,
    /// How many notices a digest holds.
    pub digest_items: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
