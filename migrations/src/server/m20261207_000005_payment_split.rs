//! A payment a person splits across several invoices (issue 15): each part is a payment
//! of its own, applied to its invoice, that names the payment it was split from, so a
//! later reversal of the whole takes every part back.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Payments {
    Table,
    SplitOf,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Payments::Table)
                .add_column(big_integer_null(Payments::SplitOf))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("payments_split_of")
                .table(Payments::Table)
                .col(Payments::SplitOf)
                .to_owned(),
        )
        .await
    }
}
