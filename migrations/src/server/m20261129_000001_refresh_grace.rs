//! The refresh token a session had before its last rotation, and when it rotated: an
//! answer to a refresh can be lost on the way (a dropped connection), and the client
//! then retries with the token it still has. For a short while that token rotates the
//! session again instead of signing the user out.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Sessions {
    Table,
    PreviousRefreshHash,
    RotatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        m.alter_table(
            Table::alter()
                .table(Sessions::Table)
                .add_column(string_len_null(Sessions::PreviousRefreshHash, 64))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Sessions::Table)
                .add_column(timestamp_with_time_zone_null(Sessions::RotatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_sessions_previous_refresh_hash")
                .table(Sessions::Table)
                .col(Sessions::PreviousRefreshHash)
                .to_owned(),
        )
        .await
    }
}
