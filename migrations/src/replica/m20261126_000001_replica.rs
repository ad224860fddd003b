//! The desktop replica: entities pulled from the feed, the sync cursor and the outbox.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReplicaEntities {
    Table,
    Entity,
    EntityId,
    Data,
    Seq,
}

#[derive(DeriveIden)]
enum SyncState {
    Table,
    Id,
    ClientId,
    Cursor,
    NextMutationId,
    LastSyncAt,
    LastErrorCode,
    LastErrorMessage,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    MutationId,
    Payload,
    Summary,
    State,
    RejectCode,
    RejectMessage,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ReplicaEntities::Table)
                .col(string_len(ReplicaEntities::Entity, 32))
                .col(string(ReplicaEntities::EntityId))
                .col(text(ReplicaEntities::Data))
                .col(big_integer(ReplicaEntities::Seq))
                .primary_key(
                    Index::create()
                        .col(ReplicaEntities::Entity)
                        .col(ReplicaEntities::EntityId),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SyncState::Table)
                .col(integer(SyncState::Id).primary_key())
                .col(string(SyncState::ClientId))
                .col(big_integer(SyncState::Cursor))
                .col(big_integer(SyncState::NextMutationId))
                .col(timestamp_with_time_zone_null(SyncState::LastSyncAt))
                .col(string_null(SyncState::LastErrorCode))
                .col(text_null(SyncState::LastErrorMessage))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(big_integer(Outbox::MutationId).primary_key())
                .col(text(Outbox::Payload))
                .col(string(Outbox::Summary))
                .col(string_len(Outbox::State, 16))
                .col(string_null(Outbox::RejectCode))
                .col(text_null(Outbox::RejectMessage))
                .col(timestamp_with_time_zone(Outbox::CreatedAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
