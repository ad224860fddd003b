//! Rations against abuse (issue 11): notification e-mails to one person are batched into
//! a digest (`messages.digest_key` marks the open one, `digest_items` counts what it
//! holds), and the counters behind the daily rations are read through indexes: SMS per
//! number and in all, refusals per account and code, Requests for Partner per reseller.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Messages {
    Table,
    DigestKey,
    DigestItems,
    Channel,
    Recipient,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SyncMutations {
    Table,
    AccountId,
    Code,
    AppliedAt,
}

#[derive(DeriveIden)]
enum PartnerRequests {
    Table,
    ResellerId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        m.alter_table(
            Table::alter()
                .table(Messages::Table)
                .add_column(string_len_null(Messages::DigestKey, 40))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Messages::Table)
                .add_column(integer(Messages::DigestItems).default(0))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_messages_channel_recipient_created")
                .table(Messages::Table)
                .col(Messages::Channel)
                .col(Messages::Recipient)
                .col(Messages::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_messages_channel_created")
                .table(Messages::Table)
                .col(Messages::Channel)
                .col(Messages::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_sync_mutations_account_code")
                .table(SyncMutations::Table)
                .col(SyncMutations::AccountId)
                .col(SyncMutations::Code)
                .col(SyncMutations::AppliedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_partner_requests_reseller_created")
                .table(PartnerRequests::Table)
                .col(PartnerRequests::ResellerId)
                .col(PartnerRequests::CreatedAt)
                .to_owned(),
        )
        .await
    }
}
