//! Small facts the replica keeps about itself, e.g. which notifications were raised.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReplicaMeta {
    Table,
    Key,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ReplicaMeta::Table)
                .col(string(ReplicaMeta::Key).primary_key())
                .col(text(ReplicaMeta::Value))
                .to_owned(),
        )
        .await
    }
}
