//! Devices and sessions (issue 14): each session names the device it was opened on (as
//! the app tells it), the address it was last used from and when, so a person can see
//! where they are signed in and end what they do not recognise.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Sessions {
    Table,
    DeviceName,
    Platform,
    AppVersion,
    LastIp,
    LastSeenAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite alters one at a time.
        for column in [
            string_len_null(Sessions::DeviceName, 100),
            string_len_null(Sessions::Platform, 32),
            string_len_null(Sessions::AppVersion, 32),
            string_len_null(Sessions::LastIp, 45),
            timestamp_with_time_zone_null(Sessions::LastSeenAt),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
