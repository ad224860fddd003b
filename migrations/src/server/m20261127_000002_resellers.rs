//! The reseller network: reseller profiles and each partner's contact settings.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Resellers {
    Table,
    AccountId,
    Company,
    ContactPerson,
    Email,
    Phone,
    Country,
    CredentialChannel,
    RegisteredAt,
}

#[derive(DeriveIden)]
enum PartnerContacts {
    Table,
    AccountId,
    Website,
    Messenger,
    Address,
    Note,
    ShowEmail,
    ShowPhone,
    ShowWebsite,
    ShowMessenger,
    ShowAddress,
    ShowNote,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Resellers::Table)
                .col(big_integer(Resellers::AccountId).primary_key())
                .col(string(Resellers::Company))
                .col(string(Resellers::ContactPerson))
                .col(string_uniq(Resellers::Email))
                .col(string(Resellers::Phone))
                .col(string_len(Resellers::Country, 2))
                .col(string_len(Resellers::CredentialChannel, 8))
                .col(timestamp_with_time_zone(Resellers::RegisteredAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Resellers::Table, Resellers::AccountId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PartnerContacts::Table)
                .col(big_integer(PartnerContacts::AccountId).primary_key())
                .col(string_null(PartnerContacts::Website))
                .col(string_null(PartnerContacts::Messenger))
                .col(string_null(PartnerContacts::Address))
                .col(text_null(PartnerContacts::Note))
                .col(boolean(PartnerContacts::ShowEmail))
                .col(boolean(PartnerContacts::ShowPhone))
                .col(boolean(PartnerContacts::ShowWebsite))
                .col(boolean(PartnerContacts::ShowMessenger))
                .col(boolean(PartnerContacts::ShowAddress))
                .col(boolean(PartnerContacts::ShowNote))
                .col(big_integer(PartnerContacts::Version))
                .foreign_key(
                    ForeignKey::create()
                        .from(PartnerContacts::Table, PartnerContacts::AccountId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
