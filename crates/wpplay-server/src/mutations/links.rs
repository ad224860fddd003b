//! Connecting resellers to partners: Request for Partner, the partner's answer, the
//! reseller withdrawing, Remove My Reseller, and the notifications of each step.

use super::outcome::{Applied, Refusal, check_id, refuse};
use crate::db::entity::{notification, partner, partner_request, reseller, reseller_link};
use crate::delivery::{self, Channel, NewMessage};
use crate::feed::publish;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QuerySelect, Set,
};
use wpplay_domain::Code;
use wpplay_domain::actor::Actor;
use wpplay_domain::error::ErrorCode;
use wpplay_domain::ids::AccountId;
use wpplay_domain::lifecycle::{LifecycleFacts, PartnerState};
use wpplay_domain::requests::{
    MAX_REQUESTS_PER_DAY, MAX_REQUESTS_TO_ONE_PARTNER_PER_DAY, RequestAction, RequestState,
    transition,
};
use wpplay_domain::validate;
use wpplay_i18n::{Args, Lang, args};
use wpplay_wire::resellers::{Link, LinkEnded, Notification, PartnerRequest};
use wpplay_wire::sync::Entity;

pub async fn request(
    db: &impl ConnectionTrait,
    actor: &Actor,
    request_id: &str,
    partner_id: i64,
    message: &str,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    if let Err(r) = check_id("request_id", request_id) {
        return Ok(Err(r));
    }
    let message = match text("message", message, true) {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    let Some(r) = reseller::Entity::find_by_id(actor.account.0)
        .one(db)
        .await?
    else {
        return Ok(Err((
            Code::Forbidden,
            "Only resellers send Requests for Partner.".to_owned(),
        )));
    };
    let Some(p) = partner::Entity::find_by_id(partner_id)
        .lock_exclusive()
        .one(db)
        .await?
    else {
        return Ok(Err(not_listed()));
    };
    let locked = LifecycleFacts {
        trial_ends_at: p.trial_ends_at,
        paid_through: p.paid_through,
    }
    .state_at(now)
        == PartnerState::Locked;
    if !p.offers_reseller_services || locked {
        return Ok(Err(not_listed()));
    }
    let linked = reseller_link::Entity::find_by_id((p.account_id, r.account_id))
        .count(db)
        .await?
        > 0;
    if linked {
        return Ok(Err((
            Code::AlreadyLinked,
            format!("You already work with {}.", p.company),
        )));
    }
    let pending = partner_request::Entity::find()
        .filter(partner_request::Column::ResellerId.eq(r.account_id))
        .filter(partner_request::Column::PartnerId.eq(p.account_id))
        .filter(partner_request::Column::State.eq(RequestState::Pending.as_str()))
        .count(db)
        .await?;
    if pending > 0 {
        return Ok(Err((
            Code::RequestPending,
            format!(
                "A request to {} is already waiting for an answer.",
                p.company
            ),
        )));
    }
    if let Err(r) = request_ration(db, r.account_id, &p, now).await? {
        return Ok(Err(r));
    }
    if partner_request::Entity::find_by_id(request_id.to_owned())
        .count(db)
        .await?
        > 0
    {
        return Ok(Err((
            Code::RequestExists,
            "A request with this id exists already.".to_owned(),
        )));
    }
    let req = partner_request::ActiveModel {
        id: Set(request_id.to_owned()),
        reseller_id: Set(r.account_id),
        partner_id: Set(p.account_id),
        message: Set(message),
        state: Set(RequestState::Pending.as_str().to_owned()),
        reason: Set(None),
        created_at: Set(now),
        decided_at: Set(None),
    }
    .insert(db)
    .await?;
    announce(db, &req, &p, &r, now).await?;
    let notice = Notice::new(
        "request_received",
        "request-received",
        args! {"reseller" => r.company.as_str(), "message" => req.message.as_str()},
    );
    notify_in_digest(db, AccountId(p.account_id), &p.email, notice, now).await?;
    Ok(Ok(()))
}

/// Each Request for Partner e-mails a partner: a reseller sends at most
/// [`MAX_REQUESTS_PER_DAY`] in 24 hours, and at most
/// [`MAX_REQUESTS_TO_ONE_PARTNER_PER_DAY`] to the same partner.
async fn request_ration(
    db: &impl ConnectionTrait,
    reseller: i64,
    p: &partner::Model,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let since = now - chrono::Duration::hours(24);
    let sent = |to: Option<i64>| {
        let mut q = partner_request::Entity::find()
            .filter(partner_request::Column::ResellerId.eq(reseller))
            .filter(partner_request::Column::CreatedAt.gt(since));
        if let Some(to) = to {
            q = q.filter(partner_request::Column::PartnerId.eq(to));
        }
        q.count(db)
    };
    if sent(Some(p.account_id)).await? >= MAX_REQUESTS_TO_ONE_PARTNER_PER_DAY {
        return Ok(Err((
            Code::TooManyRequests,
            format!(
                "You sent {} {MAX_REQUESTS_TO_ONE_PARTNER_PER_DAY} Requests for Partner in the last 24 hours; ask again tomorrow.",
                p.company
            ),
        )));
    }
    if sent(None).await? >= MAX_REQUESTS_PER_DAY {
        return Ok(Err((
            Code::TooManyRequests,
            format!(
                "You sent {MAX_REQUESTS_PER_DAY} Requests for Partner in the last 24 hours; send more tomorrow."
            ),
        )));
    }
    Ok(Ok(()))
}

pub async fn withdraw(
    db: &impl ConnectionTrait,
    actor: &Actor,
    request_id: &str,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let Some(req) = find(db, request_id)
        .await?
        .filter(|q| q.reseller_id == actor.account.0)
    else {
        return Ok(Err(missing()));
    };
    let req = match decide(db, req, RequestAction::Withdraw, None, now).await? {
        Ok(q) => q,
        Err(r) => return Ok(Err(r)),
    };
    let (p, r) = parties(db, &req).await?;
    announce(db, &req, &p, &r, now).await?;
    let notice = Notice::new(
        "request_withdrawn",
        "request-withdrawn",
        args! {"reseller" => r.company.as_str()},
    );
    notify_in_digest(db, AccountId(p.account_id), &p.email, notice, now).await?;
    Ok(Ok(()))
}

pub async fn answer(
    db: &impl ConnectionTrait,
    partner_id: AccountId,
    request_id: &str,
    accept: bool,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let reason = match reason.map(|r| text("reason", r, false)).transpose() {
        Ok(r) => r.filter(|r| !r.is_empty()),
        Err(r) => return Ok(Err(r)),
    };
    let Some(req) = find(db, request_id)
        .await?
        .filter(|q| q.partner_id == partner_id.0)
    else {
        return Ok(Err(missing()));
    };
    let action = if accept {
        RequestAction::Accept
    } else {
        RequestAction::Reject
    };
    let req = match decide(db, req, action, reason.clone(), now).await? {
        Ok(q) => q,
        Err(r) => return Ok(Err(r)),
    };
    let (p, r) = parties(db, &req).await?;
    announce(db, &req, &p, &r, now).await?;
    if accept {
        // Already linked (it cannot happen under the partner's lock, but a link is a fact,
        // not something to fail on): keep the existing one.
        reseller_link::Entity::insert(reseller_link::ActiveModel {
            partner_id: Set(p.account_id),
            reseller_id: Set(r.account_id),
            request_id: Set(req.id.clone()),
            linked_at: Set(now),
        })
        .on_conflict_do_nothing_on([
            reseller_link::Column::PartnerId,
            reseller_link::Column::ResellerId,
        ])
        .exec_without_returning(db)
        .await?;
        let link = reseller_link::Entity::find_by_id((p.account_id, r.account_id))
            .one(db)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("link".into()))?;
        let entity = Entity::Link(Link {
            partner_id: p.account_id,
            partner_company: p.company.clone(),
            reseller_id: r.account_id,
            reseller_company: r.company.clone(),
            linked_at: link.linked_at,
        });
        publish(
            db,
            &[AccountId(p.account_id), AccountId(r.account_id)],
            &entity,
            now,
        )
        .await?;
        let notice = Notice::new(
            "request_accepted",
            "request-accepted",
            args! {"partner" => p.company.as_str()},
        );
        notify_in_digest(db, AccountId(r.account_id), &r.email, notice, now).await?;
    } else {
        let mut notice = Notice::new(
            "request_rejected",
            "request-rejected",
            args! {"partner" => p.company.as_str(), "reason" => reason.clone().unwrap_or_default()},
        );
        if reason.is_some() {
            notice.body = "request-rejected-reason";
        }
        notify_in_digest(db, AccountId(r.account_id), &r.email, notice, now).await?;
    }
    Ok(Ok(()))
}

/// Remove My Reseller: the link and the reseller's access to the content end together.
pub async fn remove(
    db: &impl ConnectionTrait,
    partner_id: AccountId,
    reseller_id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let reason = match text("reason", reason, true) {
        Ok(r) => r,
        Err(r) => return Ok(Err(r)),
    };
    let Some(link) = reseller_link::Entity::find_by_id((partner_id.0, reseller_id))
        .lock_exclusive()
        .one(db)
        .await?
    else {
        return Ok(Err((
            Code::NotLinked,
            "This reseller is not in your list any more.".to_owned(),
        )));
    };
    reseller_link::Entity::delete_by_id((link.partner_id, link.reseller_id))
        .exec(db)
        .await?;
    let p = partner::Entity::find_by_id(link.partner_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("partner".into()))?;
    let r = reseller::Entity::find_by_id(link.reseller_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("reseller".into()))?;
    let ended = Entity::LinkEnded(LinkEnded {
        partner_id: p.account_id,
        reseller_id: r.account_id,
        reason: reason.clone(),
    });
    publish(
        db,
        &[AccountId(p.account_id), AccountId(r.account_id)],
        &ended,
        now,
    )
    .await?;
    let to_reseller = Notice::new(
        "reseller_removed",
        "reseller-removed-by-partner",
        args! {"partner" => p.company.as_str(), "reason" => reason.as_str()},
    );
    notify_in_digest(db, AccountId(r.account_id), &r.email, to_reseller, now).await?;
    let to_partner = Notice::new(
        "reseller_removed",
        "reseller-removed",
        args! {"reseller" => r.company.as_str(), "reason" => reason.as_str()},
    );
    notify_in_digest(db, AccountId(p.account_id), &p.email, to_partner, now).await?;
    Ok(Ok(()))
}

/// Why a partner's pending requests were cancelled.
#[derive(Debug, Clone, Copy)]
pub enum Cancelled {
    /// It stopped serving resellers.
    OptedOut,
    /// Its account was locked for want of a payment.
    Locked,
}

/// Cancels a partner's pending requests and tells each reseller why.
pub async fn cancel_pending(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    why: Cancelled,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let pending = partner_request::Entity::find()
        .filter(partner_request::Column::PartnerId.eq(p.account_id))
        .filter(partner_request::Column::State.eq(RequestState::Pending.as_str()))
        .lock_exclusive()
        .all(db)
        .await?;
    for req in pending {
        if let Ok(req) = decide(db, req, RequestAction::Cancel, None, now).await? {
            let (p, r) = parties(db, &req).await?;
            announce(db, &req, &p, &r, now).await?;
            let mut notice = Notice::new(
                "request_cancelled",
                "request-cancelled",
                args! {"partner" => p.company.as_str()},
            );
            notice.body = match why {
                Cancelled::OptedOut => "request-cancelled-opted-out",
                Cancelled::Locked => "request-cancelled-locked",
            };
            notify_in_digest(db, AccountId(r.account_id), &r.email, notice, now).await?;
        }
    }
    Ok(())
}

async fn decide(
    db: &impl ConnectionTrait,
    req: partner_request::Model,
    action: RequestAction,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<Result<partner_request::Model, Refusal>, DbErr> {
    let from = RequestState::parse(&req.state).unwrap_or(RequestState::Cancelled);
    let to = match transition(from, action) {
        Ok(to) => to,
        Err(e) => return Ok(Err(refuse(&e))),
    };
    let req = partner_request::ActiveModel {
        state: Set(to.as_str().to_owned()),
        reason: Set(reason),
        decided_at: Set(Some(now)),
        ..req.into()
    }
    .update(db)
    .await?;
    Ok(Ok(req))
}

/// The request, locked. Locks are always taken partner row first, then request, as the
/// partner's own changes (answering, opting out) do, so two sides never deadlock.
async fn find(
    db: &impl ConnectionTrait,
    id: &str,
) -> Result<Option<partner_request::Model>, DbErr> {
    let Some(seen) = partner_request::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    partner::Entity::find_by_id(seen.partner_id)
        .lock_exclusive()
        .one(db)
        .await?;
    partner_request::Entity::find_by_id(id.to_owned())
        .lock_exclusive()
        .one(db)
        .await
}

async fn parties(
    db: &impl ConnectionTrait,
    req: &partner_request::Model,
) -> Result<(partner::Model, reseller::Model), DbErr> {
    let p = partner::Entity::find_by_id(req.partner_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("partner".into()))?;
    let r = reseller::Entity::find_by_id(req.reseller_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("reseller".into()))?;
    Ok((p, r))
}

/// Publishes a request to both sides' feeds.
async fn announce(
    db: &impl ConnectionTrait,
    req: &partner_request::Model,
    p: &partner::Model,
    r: &reseller::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let entity = Entity::PartnerRequest(PartnerRequest {
        id: req.id.clone(),
        reseller_id: r.account_id,
        reseller_company: r.company.clone(),
        partner_id: p.account_id,
        partner_company: p.company.clone(),
        message: req.message.clone(),
        status: RequestState::parse(&req.state)
            .unwrap_or(RequestState::Cancelled)
            .into(),
        reason: req.reason.clone(),
        created_at: req.created_at,
    });
    publish(
        db,
        &[AccountId(p.account_id), AccountId(r.account_id)],
        &entity,
        now,
    )
    .await
}

/// A notice to one person: the catalog message whose `.title` it shows and the one whose
/// text is its body (`<id>.body` unless set otherwise), with their arguments, written in
/// the recipient's language.
pub(crate) struct Notice {
    /// The notification's kind in the app (`request_received`…).
    pub kind: &'static str,
    pub id: &'static str,
    /// The message of the body: `<id>.body` when empty.
    pub body: &'static str,
    pub args: Args,
}

impl Notice {
    pub fn new(kind: &'static str, id: &'static str, args: Args) -> Self {
        Notice {
            kind,
            id,
            body: "",
            args,
        }
    }

    /// Its title and body in `lang`.
    pub fn render(&self, lang: Lang) -> (String, String) {
        let title = wpplay_i18n::text(lang, &format!("{}.title", self.id), Some(&self.args));
        let body = if self.body.is_empty() {
            format!("{}.body", self.id)
        } else {
            self.body.to_owned()
        };
        (title, wpplay_i18n::text(lang, &body, Some(&self.args)))
    }
}

/// An in-app notification (through the feed) and the same news by e-mail, in the
/// recipient's language; returns its title and body as written.
pub(crate) async fn notify(
    db: &impl ConnectionTrait,
    to: AccountId,
    email: &str,
    notice: &Notice,
    now: DateTime<Utc>,
) -> Result<(String, String), DbErr> {
    let lang = crate::account::lang(db, to.0).await?;
    let (title, body) = notice.render(lang);
    in_app(db, to, notice.kind, &title, &body, now).await?;
    let (preferences, phone) = crate::account::news_ways(db, to.0).await?;
    let ways = preferences.for_kind(notice.kind);
    if ways.email {
        let message = NewMessage {
            account_id: Some(to.0),
            channel: Channel::Email,
            recipient: email.to_owned(),
            subject: wpplay_i18n::text(
                lang,
                "notice-email-subject",
                Some(&args! {"title" => title.as_str()}),
            ),
            body: format!("{body}{}", delivery::notice_footer(lang)),
        };
        delivery::enqueue(db, message, now).await?;
    }
    if ways.sms
        && let Some(phone) = phone
    {
        sms_notice(db, to, &phone, lang, &title, &body, now).await?;
    }
    Ok((title, body))
}

/// A notice as a text message (its title and body, cut to an SMS's room).
pub(crate) async fn sms_notice(
    db: &impl ConnectionTrait,
    to: AccountId,
    phone: &str,
    lang: wpplay_i18n::Lang,
    title: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let text = wpplay_i18n::text(
        lang,
        "notice-sms",
        Some(&args! {"title" => title, "body" => body}),
    );
    delivery::enqueue(
        db,
        NewMessage {
            account_id: Some(to.0),
            channel: Channel::Sms,
            recipient: phone.to_owned(),
            subject: String::new(),
            body: text.chars().take(300).collect(),
        },
        now,
    )
    .await
    .map(|_| ())
}

/// A notice about the partner network: in the app at once, by e-mail in the person's
/// digest (one e-mail for a burst of events, see [`delivery::enqueue_digest`]).
pub(crate) async fn notify_in_digest(
    db: &impl ConnectionTrait,
    to: AccountId,
    email: &str,
    notice: Notice,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let lang = crate::account::lang(db, to.0).await?;
    let (title, body) = notice.render(lang);
    in_app(db, to, notice.kind, &title, &body, now).await?;
    let (preferences, phone) = crate::account::news_ways(db, to.0).await?;
    let ways = preferences.for_kind(notice.kind);
    if ways.sms
        && let Some(phone) = phone
    {
        sms_notice(db, to, &phone, lang, &title, &body, now).await?;
    }
    if !ways.email {
        return Ok(());
    }
    delivery::enqueue_digest(db, to.0, email, lang, &title, &body, now).await
}

/// An in-app notification, through the feed.
pub(crate) async fn in_app(
    db: &impl ConnectionTrait,
    to: AccountId,
    kind: &str,
    title: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let row = notification::ActiveModel {
        account_id: Set(to.0),
        kind: Set(kind.to_owned()),
        title: Set(title.to_owned()),
        body: Set(body.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let entity = Entity::Notification(Notification {
        id: row.id,
        kind: row.kind,
        title: row.title,
        body: row.body,
        created_at: row.created_at,
    });
    publish(db, &[to], &entity, now).await?;
    Ok(())
}

/// A message or reason: the domain's rule for text one person writes to another.
fn text(field: &'static str, value: &str, required: bool) -> Result<String, Refusal> {
    let v = validate::lines(field, value, validate::MAX_MESSAGE_LEN)
        .map_err(|e| (e.code(), e.message().to_owned()))?;
    if required && v.is_empty() {
        return Err((Code::MissingField, format!("{field} must not be empty")));
    }
    Ok(v)
}

fn not_listed() -> Refusal {
    (
        Code::PartnerUnavailable,
        "This partner does not take resellers at the moment.".to_owned(),
    )
}

fn missing() -> Refusal {
    (
        Code::RequestNotFound,
        "This request no longer exists.".to_owned(),
    )
}
