//! Typed replica tables for the dealer network, so large lists can be queried and counted.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReplicaDealers {
    Table,
    Id,
    Data,
    DisplayName,
    Status,
    Version,
}

#[derive(DeriveIden)]
enum ReplicaSubscribers {
    Table,
    Id,
    DealerId,
    Data,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ReplicaDealers::Table)
                .col(string(ReplicaDealers::Id).primary_key())
                .col(text(ReplicaDealers::Data))
                .col(string(ReplicaDealers::DisplayName))
                .col(string_len(ReplicaDealers::Status, 16))
                .col(big_integer(ReplicaDealers::Version))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ReplicaSubscribers::Table)
                .col(string(ReplicaSubscribers::Id).primary_key())
                .col(string_null(ReplicaSubscribers::DealerId))
                .col(text(ReplicaSubscribers::Data))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("replica_subscribers_dealer")
                .table(ReplicaSubscribers::Table)
                .col(ReplicaSubscribers::DealerId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
