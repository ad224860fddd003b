//! The dealer network: dealers (each with its own login account) and subscribers.

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
enum Dealers {
    Table,
    Id,
    PartnerId,
    AccountId,
    DisplayName,
    ContactEmail,
    ContactPhone,
    Status,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Subscribers {
    Table,
    Id,
    PartnerId,
    DealerId,
    Name,
    LineUsername,
    Mac,
    ExpiresAt,
    Status,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Dealers::Table)
                .col(string_len(Dealers::Id, 36).primary_key())
                .col(big_integer(Dealers::PartnerId))
                .col(big_integer_uniq(Dealers::AccountId))
                .col(string(Dealers::DisplayName))
                .col(string_null(Dealers::ContactEmail))
                .col(string_null(Dealers::ContactPhone))
                .col(string_len(Dealers::Status, 16))
                .col(big_integer(Dealers::Version))
                .col(timestamp_with_time_zone(Dealers::CreatedAt))
                .col(timestamp_with_time_zone(Dealers::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Dealers::Table, Dealers::PartnerId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Dealers::Table, Dealers::AccountId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dealers_partner")
                .table(Dealers::Table)
                .col(Dealers::PartnerId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Subscribers::Table)
                .col(string_len(Subscribers::Id, 36).primary_key())
                .col(big_integer(Subscribers::PartnerId))
                .col(string_len_null(Subscribers::DealerId, 36))
                .col(string(Subscribers::Name))
                .col(string(Subscribers::LineUsername))
                .col(string_len(Subscribers::Mac, 17))
                .col(timestamp_with_time_zone(Subscribers::ExpiresAt))
                .col(string_len(Subscribers::Status, 16))
                .col(big_integer(Subscribers::Version))
                .col(timestamp_with_time_zone(Subscribers::CreatedAt))
                .col(timestamp_with_time_zone(Subscribers::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Subscribers::Table, Subscribers::PartnerId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Subscribers::Table, Subscribers::DealerId)
                        .to(Dealers::Table, Dealers::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("subscribers_partner_mac")
                .table(Subscribers::Table)
                .col(Subscribers::PartnerId)
                .col(Subscribers::Mac)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("subscribers_dealer")
                .table(Subscribers::Table)
                .col(Subscribers::DealerId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
