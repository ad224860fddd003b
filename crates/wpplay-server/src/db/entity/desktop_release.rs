//! A desktop app release offered to the updater (`wpplay-server releases add`).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "desktop_releases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `{os}-{arch}-{installer}`, e.g. `linux-x86_64-deb`, `windows-x86_64-nsis`.
    pub target: String,
    pub version: String,
    /// The file's name in `DATA_DIR/releases/{target}/{version}/`.
    pub file_name: String,
    /// The minisign signature (the `.sig` file's content) the updater verifies.
    pub signature: String,
    pub notes: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub published_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
