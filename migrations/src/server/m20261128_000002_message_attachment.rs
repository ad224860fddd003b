//! What an e-mail carries as an attachment, rendered when it is sent (`invoice:<id>`:
//! the invoice's PDF), so the outbox never stores documents.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Messages {
    Table,
    Attachment,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Messages::Table)
                .add_column(string_len_null(Messages::Attachment, 64))
                .to_owned(),
        )
        .await
    }
}
