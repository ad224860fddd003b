//! Delivery of e-mail and SMS through a durable outbox.
//!
//! A message is written to the `messages` table in the same transaction as the change
//! that caused it, so it is never lost. A worker claims due messages (a time-limited claim,
//! so several server processes can share the table), sends them, and either marks them
//! sent (clearing the body, which may hold credentials) or schedules a retry with
//! exponential back-off. Message bodies are never logged.

mod transport;

pub use transport::{EmailTransport, SmsTransport};

use crate::db::entity::message;
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::sync::Arc;
use tokio::sync::{Notify, watch};
use wpplay_domain::clock::Clock;
use wpplay_i18n::Lang;

/// How long a worker may hold a claimed message before another may take it.
const CLAIM: Duration = Duration::seconds(120);

/// A message to queue.
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub account_id: Option<i64>,
    pub channel: Channel,
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

/// Queues an e-mail with the PDF of an invoice attached (rendered when it is sent).
pub async fn enqueue_with_invoice(
    db: &impl ConnectionTrait,
    msg: NewMessage,
    invoice_id: i64,
    now: DateTime<Utc>,
) -> Result<i64, DbErr> {
    let id = enqueue(db, msg, now).await?;
    message::ActiveModel {
        id: Set(id),
        attachment: Set(Some(format!("invoice:{invoice_id}"))),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(id)
}

/// The two delivery channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms => "sms",
        }
    }
}

/// Queues a message inside the caller's transaction.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    msg: NewMessage,
    now: DateTime<Utc>,
) -> Result<i64, DbErr> {
    let row = message::ActiveModel {
        account_id: Set(msg.account_id),
        channel: Set(msg.channel.as_str().to_owned()),
        recipient: Set(msg.recipient),
        subject: Set(msg.subject),
        body: Set(Some(msg.body)),
        state: Set("pending".to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        claimed_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// How long a notice waits for others to the same person, to leave in one e-mail.
pub const DIGEST_WINDOW_MINUTES: i64 = 10;

/// How every notice e-mail ends, in the recipient's language.
pub fn notice_footer(lang: Lang) -> String {
    format!(
        "\n\n{}\n\nWP Play\n",
        wpplay_i18n::text(lang, "notice-footer", None)
    )
}

/// Queues a notice e-mail to `to` in its open digest: the first notice opens one that
/// leaves [`DIGEST_WINDOW_MINUTES`] later, and each notice until then joins it, so a
/// burst of events (a reseller asking and withdrawing over and over) is one e-mail.
pub async fn enqueue_digest(
    db: &impl ConnectionTrait,
    to: i64,
    recipient: &str,
    lang: Lang,
    title: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    let footer = notice_footer(lang);
    use sea_orm::{ColumnTrait, QueryFilter};
    const KEY: &str = "notices";
    let item = format!("{title}: {body}");
    let open = message::Entity::find()
        .filter(message::Column::AccountId.eq(to))
        .filter(message::Column::Recipient.eq(recipient))
        .filter(message::Column::DigestKey.eq(KEY))
        .filter(message::Column::State.eq("pending"))
        .filter(message::Column::Attempts.eq(0))
        .filter(message::Column::ClaimedUntil.is_null())
        .filter(message::Column::NextAttemptAt.gt(now))
        .one(db)
        .await?;
    if let Some(open) = open {
        let items = open.digest_items + 1;
        let kept = open.body.as_deref().unwrap_or_default();
        let kept = kept.strip_suffix(footer.as_str()).unwrap_or(kept);
        // Only while no worker has taken it: otherwise a new digest starts below.
        let joined = message::Entity::update_many()
            .col_expr(
                message::Column::Body,
                Expr::value(Some(format!("{kept}\n\n{item}{footer}"))),
            )
            .col_expr(message::Column::DigestItems, Expr::value(items))
            .col_expr(
                message::Column::Subject,
                Expr::value(wpplay_i18n::text(
                    lang,
                    "notice-digest-subject",
                    Some(&wpplay_i18n::args! {"count" => items}),
                )),
            )
            .filter(message::Column::Id.eq(open.id))
            .filter(message::Column::ClaimedUntil.is_null())
            .filter(message::Column::Attempts.eq(0))
            .exec(db)
            .await?;
        if joined.rows_affected == 1 {
            return Ok(());
        }
    }
    message::ActiveModel {
        account_id: Set(Some(to)),
        channel: Set(Channel::Email.as_str().to_owned()),
        recipient: Set(recipient.to_owned()),
        subject: Set(wpplay_i18n::text(
            lang,
            "notice-email-subject",
            Some(&wpplay_i18n::args! {"title" => title}),
        )),
        body: Set(Some(format!("{item}{footer}"))),
        state: Set("pending".to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now + Duration::minutes(DIGEST_WINDOW_MINUTES)),
        claimed_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        digest_key: Set(Some(KEY.to_owned())),
        digest_items: Set(1),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Why an SMS to `phone` may not go out now, if it may not: a country outside the
/// allowed calling codes, or the daily cap for that number or in all reached. Counts the
/// SMS sent in the last 24 hours, and with `waiting` also those queued (registration
/// asks before it queues one).
pub async fn sms_refusal(
    db: &impl ConnectionTrait,
    limits: &crate::settings::Limits,
    phone: &str,
    waiting: bool,
    now: DateTime<Utc>,
) -> Result<Option<String>, DbErr> {
    use sea_orm::Condition;
    let digits = phone.trim_start_matches('+');
    if !limits.sms_country_codes.is_empty()
        && !limits
            .sms_country_codes
            .iter()
            .any(|c| digits.starts_with(c.as_str()))
    {
        let codes: Vec<String> = limits
            .sms_country_codes
            .iter()
            .map(|c| format!("+{c}"))
            .collect();
        // The message of an error (`sms_unavailable`), worded by its code in the app
        // (not translated).
        return Ok(Some(format!(
            "SMS go only to numbers starting with {}.",
            codes.join(", ")
        )));
    }
    let since = now - Duration::hours(24);
    let counted = || {
        let mut states = Condition::any().add(message::Column::State.eq("sent"));
        if waiting {
            states = states.add(message::Column::State.eq("pending"));
        }
        message::Entity::find()
            .filter(message::Column::Channel.eq(Channel::Sms.as_str()))
            .filter(message::Column::CreatedAt.gt(since))
            .filter(states)
    };
    let to_number = counted()
        .filter(message::Column::Recipient.eq(phone))
        .count(db)
        .await?;
    if to_number >= limits.max_sms_per_number_per_day {
        // An error's message (not translated).
        return Ok(Some(format!(
            "{to_number} SMS went to this number in the last 24 hours, as many as we send to one number."
        )));
    }
    if counted().count(db).await? >= limits.max_sms_per_day {
        // An error's message (not translated).
        return Ok(Some(
            "Today's SMS allowance of the whole service is used up.".to_owned(),
        ));
    }
    Ok(None)
}

/// The wait before retry number `attempts` (1-based): 30 s, 1 min, 2 min, … at most 1 h.
pub fn backoff(attempts: i32) -> Duration {
    let exp = u32::try_from(attempts.saturating_sub(1))
        .unwrap_or(0)
        .min(7);
    Duration::seconds(30 * 2_i64.pow(exp)).min(Duration::hours(1))
}

/// Every message, newest first, for `wpplay-server outbox list`.
pub async fn list(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<message::Model>, DbErr> {
    message::Entity::find()
        .order_by_desc(message::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Which messages the operator looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// Those a person should see: given up on, or waiting after a failed attempt.
    Trouble,
    Pending,
    Sent,
    All,
}

/// Messages for the operator's Deliveries page, newest first, those before id `before`.
pub async fn for_operator(
    db: &impl ConnectionTrait,
    which: Which,
    before: Option<i64>,
    limit: u64,
) -> Result<Vec<message::Model>, DbErr> {
    use message::Column as C;
    let mut q = message::Entity::find().order_by_desc(C::Id).limit(limit);
    q = match which {
        Which::Trouble => q.filter(
            sea_orm::Condition::any().add(C::State.eq("failed")).add(
                sea_orm::Condition::all()
                    .add(C::State.eq("pending"))
                    .add(C::Attempts.gt(0)),
            ),
        ),
        Which::Pending => q.filter(C::State.eq("pending")),
        Which::Sent => q.filter(C::State.eq("sent")),
        Which::All => q,
    };
    if let Some(before) = before {
        q = q.filter(C::Id.lt(before));
    }
    q.all(db).await
}

/// Why a message cannot be sent again now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRetried {
    NotFound,
    /// Delivered, or given up on (its text is forgotten).
    Done,
}

/// A waiting message's next attempt is now (the worker is woken by the caller); in the
/// audit log under `by`.
pub async fn retry_now(
    db: &DatabaseConnection,
    id: i64,
    by: crate::audit_log::By,
    now: DateTime<Utc>,
) -> Result<Result<message::Model, NotRetried>, DbErr> {
    let txn = crate::db::txn::write_txn(db).await?;
    let Some(msg) = message::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(Err(NotRetried::NotFound));
    };
    if msg.state != "pending" {
        return Ok(Err(NotRetried::Done));
    }
    let updated = message::Entity::update_many()
        .col_expr(
            message::Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(message::Column::Id.eq(id))
        .filter(message::Column::State.eq("pending"))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(Err(NotRetried::Done));
    }
    let entry = crate::audit_log::Entry {
        by,
        partner_id: None,
        action: "delivery_retried",
        entity: "message",
        entity_id: id.to_string(),
        after: Some(serde_json::json!({ "channel": msg.channel, "attempts": msg.attempts })),
    };
    crate::audit_log::write(&txn, entry, now).await?;
    txn.commit().await?;
    Ok(Ok(message::Model {
        next_attempt_at: now,
        ..msg
    }))
}

/// How many messages wait to be delivered, and how long the oldest has waited at `now`.
pub async fn backlog(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<crate::metrics::OutboxBacklog, DbErr> {
    let pending = || message::Entity::find().filter(message::Column::State.eq("pending"));
    let depth = pending().count(db).await?;
    let oldest = pending()
        .order_by_asc(message::Column::CreatedAt)
        .limit(1)
        .one(db)
        .await?
        .map(|m| m.created_at);
    Ok(crate::metrics::OutboxBacklog {
        depth,
        oldest_age_secs: oldest
            .map_or(0.0, |t| (now - t).num_milliseconds().max(0) as f64 / 1000.0),
    })
}

/// The delivery worker.
pub struct Deliverer {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    wake: Arc<Notify>,
    email: Arc<EmailTransport>,
    sms: Arc<SmsTransport>,
    from: Arc<str>,
    issuer: Arc<crate::billing::pdf::Issuer>,
    tz: chrono_tz::Tz,
    limits: crate::settings::Limits,
}

impl Deliverer {
    pub fn from_state(state: &AppState) -> anyhow::Result<Self> {
        let s = &state.settings;
        Ok(Self {
            db: state.db.clone(),
            clock: state.clock.clone(),
            wake: state.outbox_wake.clone(),
            email: Arc::new(EmailTransport::from_settings(
                s.smtp_url.as_ref(),
                s.outbox_dir(),
            )?),
            sms: Arc::new(SmsTransport::from_settings(
                s.sms_gateway_url.as_ref(),
                s.outbox_dir(),
            )?),
            from: Arc::from(s.mail_from.as_str()),
            issuer: Arc::new(crate::billing::pdf::Issuer::from_settings(s)),
            tz: s.time_zone,
            limits: s.limits.clone(),
        })
    }

    /// Delivers due messages until `stop` turns true; wakes on new messages and every 5 s.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        loop {
            if let Err(e) = self.deliver_due().await {
                tracing::warn!(error = %e, "delivery pass failed; will retry");
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(std::time::Duration::from_secs(5)) => {}
                _ = stop.changed() => return,
            }
        }
    }

    /// One pass: claim and send every due message.
    pub async fn deliver_due(&self) -> Result<(), DbErr> {
        let now = self.clock.now();
        let due = message::Entity::find()
            .filter(message::Column::State.eq("pending"))
            .filter(message::Column::NextAttemptAt.lte(now))
            .order_by_asc(message::Column::Id)
            .limit(50)
            .all(&self.db)
            .await?;
        for msg in due {
            if !self.claim(&msg, now).await? {
                continue;
            }
            let attempts = msg.attempts + 1;
            let mut update: message::ActiveModel = msg.clone().into();
            update.attempts = Set(attempts);
            update.claimed_until = Set(None);
            if msg.channel == Channel::Sms.as_str()
                && let Some(why) =
                    sms_refusal(&self.db, &self.limits, &msg.recipient, false, now).await?
            {
                // Not sent, and never will be: what it held is forgotten.
                update.state = Set("failed".to_owned());
                update.body = Set(None);
                update.last_error = Set(Some(format!("not sent: {why}")));
                tracing::warn!(id = msg.id, reason = %why, "an SMS was not sent");
                update.update(&self.db).await?;
                continue;
            }
            let result = self.send(msg.clone()).await;
            match result {
                Ok(()) => {
                    update.state = Set("sent".to_owned());
                    update.sent_at = Set(Some(self.clock.now()));
                    update.body = Set(None);
                    update.last_error = Set(None);
                    tracing::info!(id = msg.id, channel = %msg.channel, "message delivered");
                }
                Err(e) => {
                    let retry_at = self.clock.now() + backoff(attempts);
                    update.next_attempt_at = Set(retry_at);
                    update.last_error = Set(Some(format!("{e:#}")));
                    tracing::warn!(id = msg.id, channel = %msg.channel, attempts, %retry_at, error = %format!("{e:#}"), "delivery failed; will retry");
                }
            }
            update.update(&self.db).await?;
        }
        Ok(())
    }

    /// Sends in a task of its own, so even a panic in a transport is only a failed attempt.
    async fn send(&self, msg: message::Model) -> anyhow::Result<()> {
        let attachment = self.attachment(&msg).await?;
        let (email, sms, from) = (self.email.clone(), self.sms.clone(), self.from.clone());
        tokio::spawn(async move {
            match msg.channel.as_str() {
                "sms" => sms.send(&msg).await,
                _ => email.send(&msg, &from, attachment).await,
            }
        })
        .await
        .unwrap_or_else(|e| Err(anyhow::anyhow!("the transport failed unexpectedly: {e}")))
    }

    /// The file a message carries, rendered now: `(file name, PDF bytes)`.
    async fn attachment(&self, msg: &message::Model) -> anyhow::Result<Option<(String, Vec<u8>)>> {
        let Some(id) = msg
            .attachment
            .as_deref()
            .and_then(|a| a.strip_prefix("invoice:"))
            .and_then(|id| id.parse::<i64>().ok())
        else {
            return Ok(None);
        };
        let inv = crate::db::entity::invoice::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("invoice {id} of message {} is gone", msg.id))?;
        let lang = crate::account::lang(&self.db, inv.partner_id).await?;
        let pdf = crate::billing::pdf::render(&inv, &self.issuer, self.tz, lang)
            .ok_or_else(|| anyhow::anyhow!("the invoice's font could not be embedded"))?;
        Ok(Some((crate::billing::pdf::file_name(&inv, lang), pdf)))
    }

    /// Takes a message for this worker, unless another holds it.
    async fn claim(&self, msg: &message::Model, now: DateTime<Utc>) -> Result<bool, DbErr> {
        let res = message::Entity::update_many()
            .col_expr(
                message::Column::ClaimedUntil,
                sea_orm::sea_query::Expr::value(now + CLAIM),
            )
            .filter(message::Column::Id.eq(msg.id))
            .filter(message::Column::State.eq("pending"))
            .filter(message::Column::Attempts.eq(msg.attempts))
            .filter(
                sea_orm::Condition::any()
                    .add(message::Column::ClaimedUntil.is_null())
                    .add(message::Column::ClaimedUntil.lt(now)),
            )
            .exec(&self.db)
            .await?;
        Ok(res.rows_affected == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let secs: Vec<i64> = (1..=10).map(|a| backoff(a).num_seconds()).collect();
        assert_eq!(secs, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    }
}
