//! Every partner has an unlimited number of dealers (the seed), yet the first seeded
//! catalog advertised "Up to 5 dealers" on Starter: the text is corrected in catalogs
//! seeded before.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared(
                "UPDATE packages SET features = REPLACE(features, '\"Up to 5 dealers\"', '\"Unlimited dealers\"')",
            )
            .await
            .map(|_| ())
    }
}
