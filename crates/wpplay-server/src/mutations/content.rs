//! A partner's content: its IP streams catalog.

use super::allowance::package_room;
use super::outcome::{Applied, check_id, refuse};
use crate::db::entity::content_stream;
use crate::feed::publish;
use crate::wire_form;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};
use wpplay_domain::Code;
use wpplay_domain::ids::AccountId;
use wpplay_domain::package::Limited;
use wpplay_domain::validate;
use wpplay_wire::dealers::Removed;
use wpplay_wire::sync::Entity;

pub async fn add(
    db: &impl ConnectionTrait,
    partner: AccountId,
    id: &str,
    name: &str,
    category: &str,
    url: &str,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    if let Err(r) = check_id("stream_id", id) {
        return Ok(Err(r));
    }
    let (name, category) = match (
        validate::text("name", name),
        validate::text("category", category),
    ) {
        (Ok(n), Ok(c)) => (n, c),
        (Err(e), _) | (_, Err(e)) => return Ok(Err(refuse(&e))),
    };
    let url = match validate::stream_url(url) {
        Ok(u) => u,
        Err(e) => {
            return Ok(Err((
                wpplay_domain::ErrorCode::code(&e),
                e.message().to_owned(),
            )));
        }
    };
    if content_stream::Entity::find_by_id(id.to_owned())
        .count(db)
        .await?
        > 0
    {
        return Ok(Err((
            Code::StreamExists,
            "A stream with this id exists already.".to_owned(),
        )));
    }
    if let Err(r) = package_room(db, partner, Limited::Streams).await? {
        return Ok(Err(r));
    }
    let s = content_stream::ActiveModel {
        id: Set(id.to_owned()),
        partner_id: Set(partner.0),
        name: Set(name),
        category: Set(category),
        stream_url: Set(url.to_owned()),
        version: Set(1),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    publish(db, &[partner], &Entity::Stream(wire_form::stream(&s)), now).await?;
    Ok(Ok(()))
}

pub async fn remove(
    db: &impl ConnectionTrait,
    partner: AccountId,
    id: &str,
    now: DateTime<Utc>,
) -> Result<Applied, DbErr> {
    let gone = content_stream::Entity::delete_many()
        .filter(content_stream::Column::Id.eq(id))
        .filter(content_stream::Column::PartnerId.eq(partner.0))
        .exec(db)
        .await?;
    if gone.rows_affected == 0 {
        return Ok(Err((
            Code::StreamNotFound,
            "This stream no longer exists.".to_owned(),
        )));
    }
    publish(
        db,
        &[partner],
        &Entity::StreamRemoved(Removed { id: id.to_owned() }),
        now,
    )
    .await?;
    Ok(Ok(()))
}
