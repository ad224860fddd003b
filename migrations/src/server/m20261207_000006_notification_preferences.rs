//! A partner's notification preferences (issue 15): for each topic, by e-mail, SMS and
//! in the app, as JSON; none until the partner chooses (the defaults follow how its
//! credentials came).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Partners {
    Table,
    NotificationPreferences,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Partners::Table)
                .add_column(string_len_null(Partners::NotificationPreferences, 400))
                .to_owned(),
        )
        .await
    }
}
