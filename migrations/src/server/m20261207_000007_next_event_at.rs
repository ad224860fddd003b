//! When a partner's next lifecycle event falls due (issue 16), kept with the partner and
//! indexed, so a lifecycle pass reads only the partners with something due. `NULL` means
//! "not known yet": a pass looks at the partner and fills it in (every partner after this
//! migration, and every partner whose trial, paid-through date or anchor changed since).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Partners {
    Table,
    NextEventAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Partners::Table)
                .add_column(timestamp_with_time_zone_null(Partners::NextEventAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("partners_next_event_at")
                .table(Partners::Table)
                .col(Partners::NextEventAt)
                .to_owned(),
        )
        .await
    }
}
