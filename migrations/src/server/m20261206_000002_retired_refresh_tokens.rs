//! Every refresh token a session rotated away from (its hash), so a stolen token used
//! after the real client moved on is recognised: the whole session is then ended
//! (`sessions.pair_used` says whether the newest pair was used yet: until then, the answer
//! that carried it may have been lost, and the previous token may retry). And
//! the refresh tokens of purged accounts (hashes only, nothing personal), so a desktop
//! that comes back is told `account_deleted` and removes its local copy.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RetiredRefreshTokens {
    Table,
    Hash,
    SessionId,
    RetiredAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    PairUsed,
}

#[derive(DeriveIden)]
enum DeletedAccountTokens {
    Table,
    Hash,
    DeletedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Sessions::Table)
                .add_column(boolean(Sessions::PairUsed).default(false))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RetiredRefreshTokens::Table)
                .col(string_len(RetiredRefreshTokens::Hash, 64).primary_key())
                .col(big_integer(RetiredRefreshTokens::SessionId))
                .col(timestamp_with_time_zone(RetiredRefreshTokens::RetiredAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_retired_refresh_tokens_session")
                .table(RetiredRefreshTokens::Table)
                .col(RetiredRefreshTokens::SessionId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_retired_refresh_tokens_retired_at")
                .table(RetiredRefreshTokens::Table)
                .col(RetiredRefreshTokens::RetiredAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DeletedAccountTokens::Table)
                .col(string_len(DeletedAccountTokens::Hash, 64).primary_key())
                .col(timestamp_with_time_zone(DeletedAccountTokens::DeletedAt))
                .to_owned(),
        )
        .await
    }
}
