//! Lifecycle and billing: the period anchor and a pending package on partners; invoices
//! with their yearly counter; payments; and the record of lifecycle events that makes
//! each reminder, invoice, lock and purge happen once.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Partners {
    Table,
    AnchorDay,
    PendingPackageId,
}

#[derive(DeriveIden)]
enum InvoiceCounters {
    Table,
    Year,
    LastSeq,
}

#[derive(DeriveIden)]
enum Invoices {
    Table,
    Id,
    Number,
    PartnerId,
    Kind,
    PackageId,
    PackageName,
    PeriodStart,
    PeriodEnd,
    AmountMinor,
    Currency,
    Reference,
    ReferenceKey,
    PartnerCompany,
    PartnerEmail,
    PartnerCountry,
    IssuedAt,
    PaidMinor,
    PaidAt,
}

#[derive(DeriveIden)]
enum Payments {
    Table,
    Id,
    Source,
    ExternalId,
    PartnerId,
    InvoiceId,
    AmountMinor,
    Currency,
    Reference,
    ReceivedAt,
    RecordedAt,
    Status,
    Note,
}

#[derive(DeriveIden)]
enum LifecycleEvents {
    Table,
    PartnerId,
    Kind,
    KeyAt,
    Sent,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Partners::Table)
                .add_column(integer_null(Partners::AnchorDay))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Partners::Table)
                .add_column(big_integer_null(Partners::PendingPackageId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(InvoiceCounters::Table)
                .col(integer(InvoiceCounters::Year).primary_key())
                .col(big_integer(InvoiceCounters::LastSeq))
                .to_owned(),
        )
        .await?;
        // Accounting records: no foreign key to the partner, they outlive its purge.
        m.create_table(
            Table::create()
                .table(Invoices::Table)
                .col(big_pk_auto(Invoices::Id))
                .col(string_len(Invoices::Number, 16).unique_key())
                .col(big_integer(Invoices::PartnerId))
                .col(string_len(Invoices::Kind, 16))
                .col(big_integer(Invoices::PackageId))
                .col(string(Invoices::PackageName))
                .col(timestamp_with_time_zone(Invoices::PeriodStart))
                .col(timestamp_with_time_zone(Invoices::PeriodEnd))
                .col(big_integer(Invoices::AmountMinor))
                .col(string_len(Invoices::Currency, 3))
                .col(string_len(Invoices::Reference, 40))
                .col(string_len(Invoices::ReferenceKey, 40).unique_key())
                .col(string(Invoices::PartnerCompany))
                .col(string(Invoices::PartnerEmail))
                .col(string_len(Invoices::PartnerCountry, 2))
                .col(timestamp_with_time_zone(Invoices::IssuedAt))
                .col(big_integer(Invoices::PaidMinor).default(0))
                .col(timestamp_with_time_zone_null(Invoices::PaidAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("invoices_partner")
                .table(Invoices::Table)
                .col(Invoices::PartnerId)
                .col(Invoices::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Payments::Table)
                .col(big_pk_auto(Payments::Id))
                .col(string_len(Payments::Source, 16))
                .col(string_len(Payments::ExternalId, 128))
                .col(big_integer_null(Payments::PartnerId))
                .col(big_integer_null(Payments::InvoiceId))
                .col(big_integer(Payments::AmountMinor))
                .col(string_len(Payments::Currency, 3))
                .col(string_len(Payments::Reference, 64))
                .col(timestamp_with_time_zone(Payments::ReceivedAt))
                .col(timestamp_with_time_zone(Payments::RecordedAt))
                .col(string_len(Payments::Status, 16))
                .col(text_null(Payments::Note))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("payments_source_external")
                .table(Payments::Table)
                .col(Payments::Source)
                .col(Payments::ExternalId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LifecycleEvents::Table)
                .col(big_integer(LifecycleEvents::PartnerId))
                .col(string_len(LifecycleEvents::Kind, 24))
                .col(timestamp_with_time_zone(LifecycleEvents::KeyAt))
                .col(boolean(LifecycleEvents::Sent))
                .col(timestamp_with_time_zone(LifecycleEvents::At))
                .primary_key(
                    Index::create()
                        .col(LifecycleEvents::PartnerId)
                        .col(LifecycleEvents::Kind)
                        .col(LifecycleEvents::KeyAt),
                )
                .to_owned(),
        )
        .await
    }
}
