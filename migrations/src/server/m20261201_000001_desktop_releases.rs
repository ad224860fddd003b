//! Desktop app releases the server offers to the updater: one row per target (e.g.
//! `linux-x86_64-deb`) and version, naming the file in `DATA_DIR/releases/` and its
//! minisign signature.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DesktopReleases {
    Table,
    Id,
    Target,
    Version,
    FileName,
    Signature,
    Notes,
    SizeBytes,
    Sha256,
    PublishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(DesktopReleases::Table)
                .col(big_pk_auto(DesktopReleases::Id))
                .col(string_len(DesktopReleases::Target, 64))
                .col(string_len(DesktopReleases::Version, 64))
                .col(string_len(DesktopReleases::FileName, 255))
                .col(text(DesktopReleases::Signature))
                .col(text(DesktopReleases::Notes))
                .col(big_integer(DesktopReleases::SizeBytes))
                .col(string_len(DesktopReleases::Sha256, 64))
                .col(timestamp_with_time_zone(DesktopReleases::PublishedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_desktop_releases_target_version")
                .table(DesktopReleases::Table)
                .col(DesktopReleases::Target)
                .col(DesktopReleases::Version)
                .unique()
                .to_owned(),
        )
        .await
    }
}
