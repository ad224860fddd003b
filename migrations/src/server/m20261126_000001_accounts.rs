//! Packages, accounts, partners, sessions, login throttling, the message outbox,
//! the per-account change feed and the record of applied client mutations.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Packages {
    Table,
    Id,
    Code,
    Name,
    MonthlyPriceMinor,
    Currency,
    MaxSubscribers,
    MaxStreams,
    Features,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    Username,
    Role,
    PasswordHash,
    MustChangePassword,
    FeedSeq,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Partners {
    Table,
    AccountId,
    PackageId,
    Company,
    ContactPerson,
    Email,
    Phone,
    Country,
    CredentialChannel,
    OffersResellerServices,
    RegisteredAt,
    TrialEndsAt,
    PaidThrough,
    Version,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    AccountId,
    AccessHash,
    AccessExpiresAt,
    RefreshHash,
    RefreshExpiresAt,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Key,
    Failures,
    WindowStartedAt,
    BlockedUntil,
}

#[derive(DeriveIden)]
enum Messages {
    Table,
    Id,
    AccountId,
    Channel,
    Recipient,
    Subject,
    Body,
    State,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum ChangeFeed {
    Table,
    Id,
    AccountId,
    Seq,
    Entity,
    EntityId,
    Payload,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SyncClients {
    Table,
    ClientId,
    AccountId,
    LastMutationId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SyncMutations {
    Table,
    ClientId,
    MutationId,
    AccountId,
    Status,
    Code,
    Message,
    AppliedAt,
}

fn fk_account(
    table: impl IntoIden + 'static,
    col: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
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
                .table(Packages::Table)
                .col(big_pk_auto(Packages::Id))
                .col(string_uniq(Packages::Code))
                .col(string(Packages::Name))
                .col(big_integer(Packages::MonthlyPriceMinor))
                .col(string_len(Packages::Currency, 3))
                .col(integer(Packages::MaxSubscribers))
                .col(integer(Packages::MaxStreams))
                .col(text(Packages::Features))
                .col(boolean(Packages::Active))
                .col(timestamp_with_time_zone(Packages::CreatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Accounts::Table)
                .col(big_pk_auto(Accounts::Id))
                .col(string_uniq(Accounts::Username))
                .col(string_len(Accounts::Role, 16))
                .col(string(Accounts::PasswordHash))
                .col(boolean(Accounts::MustChangePassword))
                .col(big_integer(Accounts::FeedSeq).default(0))
                .col(timestamp_with_time_zone(Accounts::CreatedAt))
                .col(timestamp_with_time_zone(Accounts::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Partners::Table)
                .col(big_integer(Partners::AccountId).primary_key())
                .col(big_integer(Partners::PackageId))
                .col(string(Partners::Company))
                .col(string(Partners::ContactPerson))
                .col(string_uniq(Partners::Email))
                .col(string(Partners::Phone))
                .col(string_len(Partners::Country, 2))
                .col(string_len(Partners::CredentialChannel, 8))
                .col(boolean(Partners::OffersResellerServices))
                .col(timestamp_with_time_zone(Partners::RegisteredAt))
                .col(timestamp_with_time_zone(Partners::TrialEndsAt))
                .col(timestamp_with_time_zone_null(Partners::PaidThrough))
                .col(big_integer(Partners::Version))
                .foreign_key(&mut fk_account(Partners::Table, Partners::AccountId))
                .foreign_key(
                    ForeignKey::create()
                        .from(Partners::Table, Partners::PackageId)
                        .to(Packages::Table, Packages::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(big_pk_auto(Sessions::Id))
                .col(big_integer(Sessions::AccountId))
                .col(string_uniq(Sessions::AccessHash))
                .col(timestamp_with_time_zone(Sessions::AccessExpiresAt))
                .col(string_uniq(Sessions::RefreshHash))
                .col(timestamp_with_time_zone(Sessions::RefreshExpiresAt))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                .foreign_key(&mut fk_account(Sessions::Table, Sessions::AccountId))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LoginThrottle::Table)
                .col(string(LoginThrottle::Key).primary_key())
                .col(integer(LoginThrottle::Failures))
                .col(timestamp_with_time_zone(LoginThrottle::WindowStartedAt))
                .col(timestamp_with_time_zone_null(LoginThrottle::BlockedUntil))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Messages::Table)
                .col(big_pk_auto(Messages::Id))
                .col(big_integer_null(Messages::AccountId))
                .col(string_len(Messages::Channel, 8))
                .col(string(Messages::Recipient))
                .col(string(Messages::Subject))
                .col(text_null(Messages::Body))
                .col(string_len(Messages::State, 16))
                .col(integer(Messages::Attempts))
                .col(timestamp_with_time_zone(Messages::NextAttemptAt))
                .col(timestamp_with_time_zone_null(Messages::ClaimedUntil))
                .col(text_null(Messages::LastError))
                .col(timestamp_with_time_zone(Messages::CreatedAt))
                .col(timestamp_with_time_zone_null(Messages::SentAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Messages::Table, Messages::AccountId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("messages_due")
                .table(Messages::Table)
                .col(Messages::State)
                .col(Messages::NextAttemptAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ChangeFeed::Table)
                .col(big_pk_auto(ChangeFeed::Id))
                .col(big_integer(ChangeFeed::AccountId))
                .col(big_integer(ChangeFeed::Seq))
                .col(string_len(ChangeFeed::Entity, 32))
                .col(string(ChangeFeed::EntityId))
                .col(text(ChangeFeed::Payload))
                .col(timestamp_with_time_zone(ChangeFeed::CreatedAt))
                .foreign_key(&mut fk_account(ChangeFeed::Table, ChangeFeed::AccountId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("change_feed_account_seq")
                .table(ChangeFeed::Table)
                .col(ChangeFeed::AccountId)
                .col(ChangeFeed::Seq)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SyncClients::Table)
                .col(string(SyncClients::ClientId).primary_key())
                .col(big_integer(SyncClients::AccountId))
                .col(big_integer(SyncClients::LastMutationId))
                .col(timestamp_with_time_zone(SyncClients::UpdatedAt))
                .foreign_key(&mut fk_account(SyncClients::Table, SyncClients::AccountId))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SyncMutations::Table)
                .col(string(SyncMutations::ClientId))
                .col(big_integer(SyncMutations::MutationId))
                .col(big_integer(SyncMutations::AccountId))
                .col(string_len(SyncMutations::Status, 16))
                .col(string_null(SyncMutations::Code))
                .col(text_null(SyncMutations::Message))
                .col(timestamp_with_time_zone(SyncMutations::AppliedAt))
                .primary_key(
                    Index::create()
                        .col(SyncMutations::ClientId)
                        .col(SyncMutations::MutationId),
                )
                .foreign_key(&mut fk_account(
                    SyncMutations::Table,
                    SyncMutations::AccountId,
                ))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
