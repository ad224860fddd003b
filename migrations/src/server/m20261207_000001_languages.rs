//! Each person's language (issue 13): the server writes credentials, notices, reminders
//! and invoices to an account in its language (`en`, `sr-Latn`, `sr-Cyrl`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Language,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .add_column(string_len(Accounts::Language, 8).default("en"))
                .to_owned(),
        )
        .await
    }
}
