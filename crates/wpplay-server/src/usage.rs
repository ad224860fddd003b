//! What a partner uses of its package: its subscriber lines and streams.

use crate::db::entity::{content_stream, subscriber};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

/// How many subscriber lines and streams a partner has: what a package must fit.
pub async fn lines_and_streams(
    db: &impl ConnectionTrait,
    partner_id: i64,
) -> Result<(u64, u64), DbErr> {
    let lines = subscriber::Entity::find()
        .filter(subscriber::Column::PartnerId.eq(partner_id))
        .count(db)
        .await?;
    let streams = content_stream::Entity::find()
        .filter(content_stream::Column::PartnerId.eq(partner_id))
        .count(db)
        .await?;
    Ok((lines, streams))
}
