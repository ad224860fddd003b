//! Applied edits stay in the outbox until a pull brings the server's version of them, so
//! the app never shows a row without an edit the server already has.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    AppliedCursor,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Outbox::Table)
                .add_column(big_integer_null(Outbox::AppliedCursor))
                .to_owned(),
        )
        .await
    }
}
