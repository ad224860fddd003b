//! Real bank statements (issue 15): a payment keeps who paid it as the bank says (name,
//! account) and the remittance text, so a credit without a usable reference can be
//! resolved by a person; the bank's references of its transaction, by which a later
//! reversal or return names it; and what the payment did to the partner's paid-through
//! date (from, to), so a reversal can take exactly that back.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Payments {
    Table,
    Id,
    PayerName,
    PayerAccount,
    Remittance,
    ExtendedFrom,
    ExtendedTo,
}

#[derive(DeriveIden)]
enum PaymentBankRefs {
    Table,
    Reference,
    PaymentId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite alters one at a time.
        for column in [
            string_len_null(Payments::PayerName, 140),
            string_len_null(Payments::PayerAccount, 64),
            string_len_null(Payments::Remittance, 500),
            timestamp_with_time_zone_null(Payments::ExtendedFrom),
            timestamp_with_time_zone_null(Payments::ExtendedTo),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Payments::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(PaymentBankRefs::Table)
                .col(string_len(PaymentBankRefs::Reference, 128))
                .col(big_integer(PaymentBankRefs::PaymentId))
                .primary_key(
                    Index::create()
                        .col(PaymentBankRefs::Reference)
                        .col(PaymentBankRefs::PaymentId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(PaymentBankRefs::Table, PaymentBankRefs::PaymentId)
                        .to(Payments::Table, Payments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }
}
