//! Who pushed a mutation: the account, its role and the network it works in.

use crate::db::entity::dealer;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use wpplay_domain::actor::{Actor, Role};
use wpplay_domain::ids::AccountId;

/// Works out for whom an account acts: a dealer's partner and dealer id come from its
/// dealer row (none if the row is gone).
pub async fn load(
    db: &impl ConnectionTrait,
    account: AccountId,
    role: Role,
) -> Result<Actor, DbErr> {
    if role != Role::Dealer {
        return Ok(Actor::new(account, role));
    }
    let row = dealer::Entity::find()
        .filter(dealer::Column::AccountId.eq(account.0))
        .one(db)
        .await?;
    Ok(match row {
        Some(d) => Actor::dealer(account, AccountId(d.partner_id), d.id),
        None => Actor::new(account, role),
    })
}
