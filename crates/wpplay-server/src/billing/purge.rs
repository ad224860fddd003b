//! The purge: 30 days after locking, everything a partner entered is deleted in one
//! transaction. What stays: the operator's accounting records (invoices, payments) and
//! one audit entry naming only the account id. Linked resellers are told, and their own
//! feeds keep no trace of the partner beyond a final "former partner" copy of their
//! requests.

use crate::db::entity::{
    account, audit, change_feed, content_stream, dealer, deleted_account_token, lifecycle_event,
    login_throttle, message, notification, partner, partner_contact, partner_request, reseller,
    reseller_link, retired_refresh_token, session, subscriber, sync_client, sync_mutation,
};
use crate::feed;
use crate::mutations::links::{Notice, notify};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QuerySelect, QueryTrait, Set,
};
use std::collections::HashMap;
use wpplay_domain::ids::AccountId;
use wpplay_domain::requests::RequestState;
use wpplay_i18n::{Args, Lang};
use wpplay_wire::resellers::{LinkEnded, Notification, PartnerRequest, RequestStatus};
use wpplay_wire::sync::Entity;

/// What a reseller reads of a purged partner, in the reseller's language: the name it
/// gets instead of its own, the end of the link, and what replaces what it wrote.
struct Words {
    /// "a former partner", as it reads inside a sentence.
    former: String,
    closed: String,
    withdrawn: String,
}

impl Words {
    fn of(lang: Lang) -> Self {
        let say = |id| wpplay_i18n::text(lang, id, None);
        Self {
            former: say("purge-former-partner"),
            closed: say("purge-closed"),
            withdrawn: say("purge-withdrawn"),
        }
    }

    /// "A former partner", as a name.
    fn former_name(&self) -> String {
        capitalized(&self.former)
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The words of each reseller's language, read once per account.
#[derive(Default)]
struct Languages(HashMap<i64, Lang>);

impl Languages {
    async fn words(&mut self, db: &impl ConnectionTrait, account: i64) -> Result<Words, DbErr> {
        let lang = match self.0.get(&account) {
            Some(l) => *l,
            None => {
                let l = crate::account::lang(db, account).await?;
                self.0.insert(account, l);
                l
            }
        };
        Ok(Words::of(lang))
    }
}

/// Deletes partner `p` and everything it entered. Runs inside the caller's transaction.
pub async fn purge(
    db: &impl ConnectionTrait,
    p: &partner::Model,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let pid = p.account_id;
    let dealers = dealer::Entity::find()
        .filter(dealer::Column::PartnerId.eq(pid))
        .all(db)
        .await?;
    let mut accounts: Vec<i64> = dealers.iter().map(|d| d.account_id).collect();
    accounts.push(pid);
    let usernames: Vec<String> = account::Entity::find()
        .filter(account::Column::Id.is_in(accounts.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| format!("account:{}", a.username.to_lowercase()))
        .chain([
            crate::auth::throttle::Key::recipient(&p.email).key,
            crate::auth::throttle::Key::recipient(&p.phone).key,
        ])
        .collect();

    // Resellers: links end (and are announced), requests close, and their feeds keep only
    // an anonymous final copy.
    let links = reseller_link::Entity::find()
        .filter(reseller_link::Column::PartnerId.eq(pid))
        .all(db)
        .await?;
    let requests = partner_request::Entity::find()
        .filter(partner_request::Column::PartnerId.eq(pid))
        .all(db)
        .await?;
    // Links that ended before (Remove My Reseller) left no row, only the resellers' feed
    // entries: `{partner}-{reseller}` keys, with the reason the partner wrote.
    let link_prefix = format!("{pid}-");
    let old_links = change_feed::Entity::find()
        .filter(change_feed::Column::EntityId.starts_with(link_prefix.as_str()))
        .filter(change_feed::Column::Entity.is_in(["link", "link_ended"]))
        .filter(change_feed::Column::AccountId.ne(pid))
        .all(db)
        .await?;
    // What the partner wrote to resellers: its reasons for rejecting and removing them.
    let mut written: Vec<String> = requests.iter().filter_map(|r| r.reason.clone()).collect();
    for row in &old_links {
        if let Ok(Entity::LinkEnded(ended)) = serde_json::from_str::<Entity>(&row.payload) {
            written.push(ended.reason);
        }
    }
    let ended_before: Vec<i64> = old_links
        .iter()
        .map(|row| row.account_id)
        .filter(|a| !links.iter().any(|l| l.reseller_id == *a))
        .collect();
    let mut reseller_ids: Vec<i64> = requests
        .iter()
        .map(|r| r.reseller_id)
        .chain(links.iter().map(|l| l.reseller_id))
        .chain(ended_before.iter().copied())
        .collect();
    reseller_ids.sort_unstable();
    reseller_ids.dedup();
    let request_ids: Vec<String> = requests.iter().map(|r| r.id.clone()).collect();
    change_feed::Entity::delete_many()
        .filter(change_feed::Column::AccountId.is_in(reseller_ids.clone()))
        .filter(
            Condition::any()
                .add(change_feed::Column::EntityId.is_in(request_ids))
                .add(
                    Condition::all()
                        .add(change_feed::Column::EntityId.starts_with(link_prefix.as_str()))
                        .add(change_feed::Column::Entity.is_in(["link", "link_ended"])),
                ),
        )
        .exec(db)
        .await?;
    // Resellers removed earlier keep an anonymous end of the link, without the reason.
    let mut told: Vec<i64> = Vec::new();
    let mut languages = Languages::default();
    for reseller in ended_before {
        if told.contains(&reseller) {
            continue;
        }
        told.push(reseller);
        feed::append(
            db,
            AccountId(reseller),
            &Entity::LinkEnded(LinkEnded {
                partner_id: pid,
                reseller_id: reseller,
                reason: languages.words(db, reseller).await?.closed,
            }),
            now,
        )
        .await?;
    }
    for req in &requests {
        let Some(r) = reseller::Entity::find_by_id(req.reseller_id)
            .one(db)
            .await?
        else {
            continue;
        };
        let state = RequestState::parse(&req.state).unwrap_or(RequestState::Cancelled);
        let status = if state == RequestState::Pending {
            RequestStatus::Cancelled
        } else {
            state.into()
        };
        feed::append(
            db,
            AccountId(r.account_id),
            &Entity::PartnerRequest(PartnerRequest {
                id: req.id.clone(),
                reseller_id: r.account_id,
                reseller_company: r.company.clone(),
                partner_id: pid,
                partner_company: languages.words(db, r.account_id).await?.former_name(),
                message: String::new(),
                status,
                reason: None,
                created_at: req.created_at,
            }),
            now,
        )
        .await?;
    }
    for link in &links {
        let Some(r) = reseller::Entity::find_by_id(link.reseller_id)
            .one(db)
            .await?
        else {
            continue;
        };
        feed::append(
            db,
            AccountId(r.account_id),
            &Entity::LinkEnded(LinkEnded {
                partner_id: pid,
                reseller_id: r.account_id,
                reason: languages.words(db, r.account_id).await?.closed,
            }),
            now,
        )
        .await?;
        // Not named: nothing of a purged partner is kept, not even in others' inboxes.
        let notice = Notice::new("partner_purged", "partner-purged", Args::new());
        notify(db, AccountId(r.account_id), &r.email, &notice, now).await?;
    }
    scrub(db, &reseller_ids, &p.company, &written, &mut languages, now).await?;
    reseller_link::Entity::delete_many()
        .filter(reseller_link::Column::PartnerId.eq(pid))
        .exec(db)
        .await?;
    partner_request::Entity::delete_many()
        .filter(partner_request::Column::PartnerId.eq(pid))
        .exec(db)
        .await?;

    // Everything the partner and its dealers entered, and every trace of their accounts.
    subscriber::Entity::delete_many()
        .filter(subscriber::Column::PartnerId.eq(pid))
        .exec(db)
        .await?;
    dealer::Entity::delete_many()
        .filter(dealer::Column::PartnerId.eq(pid))
        .exec(db)
        .await?;
    content_stream::Entity::delete_many()
        .filter(content_stream::Column::PartnerId.eq(pid))
        .exec(db)
        .await?;
    partner_contact::Entity::delete_many()
        .filter(partner_contact::Column::AccountId.eq(pid))
        .exec(db)
        .await?;
    notification::Entity::delete_many()
        .filter(notification::Column::AccountId.is_in(accounts.clone()))
        .exec(db)
        .await?;
    // Their refresh tokens are remembered (hashes only), so a desktop that comes back is
    // told the account is gone and removes its local copy.
    let sessions = session::Entity::find()
        .filter(session::Column::AccountId.is_in(accounts.clone()))
        .all(db)
        .await?;
    let tombstones: Vec<String> = sessions
        .iter()
        .flat_map(|s| {
            [
                Some(s.refresh_hash.clone()),
                s.previous_refresh_hash.clone(),
            ]
        })
        .flatten()
        .collect();
    if !tombstones.is_empty() {
        deleted_account_token::Entity::insert_many(tombstones.into_iter().map(|hash| {
            deleted_account_token::ActiveModel {
                hash: Set(hash),
                deleted_at: Set(now),
            }
        }))
        .on_conflict_do_nothing_on([deleted_account_token::Column::Hash])
        .exec_without_returning(db)
        .await?;
    }
    retired_refresh_token::Entity::delete_many()
        .filter(
            retired_refresh_token::Column::SessionId.in_subquery(
                session::Entity::find()
                    .select_only()
                    .column(session::Column::Id)
                    .filter(session::Column::AccountId.is_in(accounts.clone()))
                    .into_query(),
            ),
        )
        .exec(db)
        .await?;
    session::Entity::delete_many()
        .filter(session::Column::AccountId.is_in(accounts.clone()))
        .exec(db)
        .await?;
    change_feed::Entity::delete_many()
        .filter(change_feed::Column::AccountId.is_in(accounts.clone()))
        .exec(db)
        .await?;
    sync_mutation::Entity::delete_many()
        .filter(sync_mutation::Column::AccountId.is_in(accounts.clone()))
        .exec(db)
        .await?;
    sync_client::Entity::delete_many()
        .filter(sync_client::Column::AccountId.is_in(accounts.clone()))
        .exec(db)
        .await?;
    message::Entity::delete_many()
        .filter(message::Column::AccountId.is_in(accounts.clone()))
        .exec(db)
        .await?;
    login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::Key.is_in(usernames))
        .exec(db)
        .await?;
    audit::Entity::delete_many()
        .filter(
            Condition::any()
                .add(audit::Column::PartnerId.eq(pid))
                .add(audit::Column::ActorId.is_in(accounts.clone())),
        )
        .exec(db)
        .await?;
    lifecycle_event::Entity::delete_many()
        .filter(lifecycle_event::Column::PartnerId.eq(pid))
        .exec(db)
        .await?;
    partner::Entity::delete_by_id(pid).exec(db).await?;
    account::Entity::delete_many()
        .filter(account::Column::Id.is_in(accounts))
        .exec(db)
        .await?;
    // What stays of the partner in the log: that it was purged, and when; no name.
    let entry = crate::audit_log::Entry {
        by: crate::audit_log::By::System,
        partner_id: Some(pid),
        action: "purge_partner",
        entity: "partner",
        entity_id: pid.to_string(),
        after: None,
    };
    crate::audit_log::write(db, entry, now).await?;
    Ok(())
}

/// The partner's name becomes "a former partner", and what it wrote to resellers is
/// withdrawn, in the resellers' notifications, unsent messages and refusal messages;
/// their feeds carry the rewritten notification instead of the old one.
async fn scrub(
    db: &impl ConnectionTrait,
    reseller_ids: &[i64],
    company: &str,
    written: &[String],
    languages: &mut Languages,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let written: Vec<&str> = written
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    let rewrite = |text: &str, words: &Words| {
        let mut t = text.replace(company, &words.former);
        for w in &written {
            t = t.replace(w, &words.withdrawn);
        }
        match t.strip_prefix(words.former.as_str()) {
            Some(rest) => format!("{}{rest}", words.former_name()),
            None => t,
        }
    };
    let mentions = |title: notification::Column, body: notification::Column| {
        written.iter().fold(
            Condition::any()
                .add(title.contains(company))
                .add(body.contains(company)),
            |c, w| c.add(title.contains(*w)).add(body.contains(*w)),
        )
    };
    let touched = notification::Entity::find()
        .filter(notification::Column::AccountId.is_in(reseller_ids.to_vec()))
        .filter(mentions(
            notification::Column::Title,
            notification::Column::Body,
        ))
        .all(db)
        .await?;
    for n in touched {
        let words = languages.words(db, n.account_id).await?;
        let n = notification::ActiveModel {
            id: Set(n.id),
            title: Set(rewrite(&n.title, &words)),
            body: Set(rewrite(&n.body, &words)),
            ..Default::default()
        }
        .update(db)
        .await?;
        change_feed::Entity::delete_many()
            .filter(change_feed::Column::AccountId.eq(n.account_id))
            .filter(change_feed::Column::Entity.eq("notification"))
            .filter(change_feed::Column::EntityId.eq(n.id.to_string()))
            .exec(db)
            .await?;
        feed::append(
            db,
            AccountId(n.account_id),
            &Entity::Notification(Notification {
                id: n.id,
                kind: n.kind,
                title: n.title,
                body: n.body,
                created_at: n.created_at,
            }),
            now,
        )
        .await?;
    }
    let in_message = written.iter().fold(
        Condition::any()
            .add(message::Column::Subject.contains(company))
            .add(message::Column::Body.contains(company)),
        |c, w| {
            c.add(message::Column::Subject.contains(*w))
                .add(message::Column::Body.contains(*w))
        },
    );
    let unsent = message::Entity::find()
        .filter(message::Column::AccountId.is_in(reseller_ids.to_vec()))
        .filter(in_message)
        .all(db)
        .await?;
    for m in unsent {
        let words = match m.account_id {
            Some(account) => languages.words(db, account).await?,
            None => Words::of(Lang::En),
        };
        message::ActiveModel {
            id: Set(m.id),
            subject: Set(rewrite(&m.subject, &words)),
            body: Set(m.body.as_deref().map(|b| rewrite(b, &words))),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
    // Refusals the resellers' devices were given ("A request to … is already waiting").
    let in_refusal = written.iter().fold(
        Condition::any().add(sync_mutation::Column::Message.contains(company)),
        |c, w| c.add(sync_mutation::Column::Message.contains(*w)),
    );
    let refusals = sync_mutation::Entity::find()
        .filter(sync_mutation::Column::AccountId.is_in(reseller_ids.to_vec()))
        .filter(in_refusal)
        .all(db)
        .await?;
    for r in refusals {
        sync_mutation::Entity::update_many()
            .col_expr(
                sync_mutation::Column::Message,
                sea_orm::sea_query::Expr::value(
                    r.message
                        .as_deref()
                        .map(|m| rewrite(m, &Words::of(Lang::En))),
                ),
            )
            .filter(sync_mutation::Column::ClientId.eq(r.client_id))
            .filter(sync_mutation::Column::MutationId.eq(r.mutation_id))
            .exec(db)
            .await?;
    }
    Ok(())
}
