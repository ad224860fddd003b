//! Requests for Partner, reseller links, partner content and in-app notifications.

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
enum PartnerRequests {
    Table,
    Id,
    ResellerId,
    PartnerId,
    Message,
    State,
    Reason,
    CreatedAt,
    DecidedAt,
}

#[derive(DeriveIden)]
enum ResellerLinks {
    Table,
    PartnerId,
    ResellerId,
    RequestId,
    LinkedAt,
}

#[derive(DeriveIden)]
enum ContentStreams {
    Table,
    Id,
    PartnerId,
    Name,
    Category,
    StreamUrl,
    Version,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    AccountId,
    Kind,
    Title,
    Body,
    CreatedAt,
}

fn fk(table: impl IntoIden + 'static, col: impl IntoIden + 'static) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Accounts::Table, Accounts::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PartnerRequests::Table)
                .col(string_len(PartnerRequests::Id, 36).primary_key())
                .col(big_integer(PartnerRequests::ResellerId))
                .col(big_integer(PartnerRequests::PartnerId))
                .col(text(PartnerRequests::Message))
                .col(string_len(PartnerRequests::State, 16))
                .col(text_null(PartnerRequests::Reason))
                .col(timestamp_with_time_zone(PartnerRequests::CreatedAt))
                .col(timestamp_with_time_zone_null(PartnerRequests::DecidedAt))
                .foreign_key(&mut fk(PartnerRequests::Table, PartnerRequests::ResellerId))
                .foreign_key(&mut fk(PartnerRequests::Table, PartnerRequests::PartnerId))
                .to_owned(),
        )
        .await?;
        // One pending request per pair, enforced by the database itself.
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX partner_requests_one_pending ON partner_requests (reseller_id, partner_id) WHERE state = 'pending'",
            )
            .await?;
        m.create_table(
            Table::create()
                .table(ResellerLinks::Table)
                .col(big_integer(ResellerLinks::PartnerId))
                .col(big_integer(ResellerLinks::ResellerId))
                .col(string_len(ResellerLinks::RequestId, 36))
                .col(timestamp_with_time_zone(ResellerLinks::LinkedAt))
                .primary_key(
                    Index::create()
                        .col(ResellerLinks::PartnerId)
                        .col(ResellerLinks::ResellerId),
                )
                .foreign_key(&mut fk(ResellerLinks::Table, ResellerLinks::PartnerId))
                .foreign_key(&mut fk(ResellerLinks::Table, ResellerLinks::ResellerId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ContentStreams::Table)
                .col(string_len(ContentStreams::Id, 36).primary_key())
                .col(big_integer(ContentStreams::PartnerId))
                .col(string(ContentStreams::Name))
                .col(string(ContentStreams::Category))
                .col(string_len(ContentStreams::StreamUrl, 2048))
                .col(big_integer(ContentStreams::Version))
                .col(timestamp_with_time_zone(ContentStreams::CreatedAt))
                .foreign_key(&mut fk(ContentStreams::Table, ContentStreams::PartnerId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Notifications::Table)
                .col(big_pk_auto(Notifications::Id))
                .col(big_integer(Notifications::AccountId))
                .col(string_len(Notifications::Kind, 40))
                .col(string(Notifications::Title))
                .col(text(Notifications::Body))
                .col(timestamp_with_time_zone(Notifications::CreatedAt))
                .foreign_key(&mut fk(Notifications::Table, Notifications::AccountId))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
