//! The append-only audit log.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorId,
    ActorRole,
    ActorName,
    PartnerId,
    Action,
    Entity,
    EntityId,
    Before,
    After,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // No foreign keys: the log outlives the accounts it names.
        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .col(big_pk_auto(AuditLog::Id))
                .col(timestamp_with_time_zone(AuditLog::At))
                .col(big_integer(AuditLog::ActorId))
                .col(string_len(AuditLog::ActorRole, 16))
                .col(string(AuditLog::ActorName))
                .col(big_integer_null(AuditLog::PartnerId))
                .col(string_len(AuditLog::Action, 40))
                .col(string_len(AuditLog::Entity, 32))
                .col(string(AuditLog::EntityId))
                .col(text_null(AuditLog::Before))
                .col(text_null(AuditLog::After))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("audit_partner")
                .table(AuditLog::Table)
                .col(AuditLog::PartnerId)
                .col(AuditLog::Id)
                .to_owned(),
        )
        .await
    }
}
