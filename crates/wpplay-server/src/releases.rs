//! Desktop releases the server offers to installed apps: the operator records each
//! signed installer (`wpplay-server releases add`), the file is kept in
//! `DATA_DIR/releases/{target}/{version}/`, and the updater asks
//! `GET /api/v1/desktop/updates/{target}/{current_version}`.

use crate::db::entity::desktop_release;
use crate::settings::Settings;
use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use wpplay_domain::release::{Version, is_valid_target};

/// The largest signature accepted (a minisign signature file is a few hundred bytes).
const MAX_SIGNATURE_BYTES: usize = 4096;

/// Where a release's file lives.
pub fn file_path(settings: &Settings, release: &desktop_release::Model) -> PathBuf {
    settings
        .data_dir
        .join("releases")
        .join(&release.target)
        .join(&release.version)
        .join(&release.file_name)
}

/// What `releases add` is told.
#[derive(Debug, Clone)]
pub struct NewRelease {
    pub file: PathBuf,
    pub version: String,
    pub target: String,
    /// The signature itself, or the `.sig` file holding it.
    pub signature: String,
    pub notes: Option<String>,
}

/// The signature text: the content of the named file, or the argument itself.
fn signature_text(arg: &str) -> anyhow::Result<String> {
    let path = Path::new(arg);
    let text = if arg.len() < 1024 && path.is_file() {
        std::fs::read_to_string(path)
            .with_context(|| format!("reading the signature file {}", path.display()))?
    } else {
        arg.to_owned()
    };
    let text = text.trim().to_owned();
    if text.is_empty() || text.len() > MAX_SIGNATURE_BYTES {
        bail!(
            "the signature is empty or too long: give the .sig file the Tauri CLI wrote beside the installer"
        );
    }
    // The updater's signatures are base64 of a minisign signature file.
    use base64::Engine as _;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(&text)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|s| s.starts_with("untrusted comment:"));
    if decoded.is_none() {
        bail!(
            "that is not an updater signature (base64 of a minisign signature): give the .sig file the Tauri CLI wrote beside the installer"
        );
    }
    Ok(text)
}

/// Records a release and copies its file into the data folder.
pub async fn add(
    db: &DatabaseConnection,
    settings: &Settings,
    new: NewRelease,
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    if !is_valid_target(&new.target) {
        bail!(
            "'{}' is not a target: use {{os}}-{{arch}}-{{installer}}, e.g. linux-x86_64-deb, windows-x86_64-nsis, darwin-aarch64-app",
            new.target
        );
    }
    Version::parse(&new.version)
        .with_context(|| format!("'{}' is not a version like 1.2.3", new.version))?;
    let version_text = new.version.trim().trim_start_matches('v').to_owned();
    let signature = signature_text(&new.signature)?;
    let file_name = new
        .file
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| !n.is_empty() && !n.starts_with('.'))
        .with_context(|| format!("{} has no usable file name", new.file.display()))?
        .to_owned();
    let bytes = std::fs::read(&new.file)
        .with_context(|| format!("reading the installer {}", new.file.display()))?;
    if bytes.is_empty() {
        bail!("{} is empty", new.file.display());
    }
    let existing = desktop_release::Entity::find()
        .filter(desktop_release::Column::Target.eq(new.target.clone()))
        .filter(desktop_release::Column::Version.eq(version_text.clone()))
        .one(db)
        .await?;
    if existing.is_some() {
        bail!(
            "{} {version_text} is already recorded; a published release never changes (publish a new version)",
            new.target
        );
    }
    let row = desktop_release::Model {
        id: 0,
        target: new.target.clone(),
        version: version_text.clone(),
        file_name,
        signature,
        notes: new
            .notes
            .unwrap_or_else(|| format!("WP Play Partner Desk {version_text}")),
        size_bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        sha256: hex::encode(Sha256::digest(&bytes)),
        published_at: now,
    };
    // The file first (written beside, then renamed): a row never points at a partial file.
    let path = file_path(settings, &row);
    let dir = path.parent().context("a release folder")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let partial = dir.join(format!(".{}.partial", row.file_name));
    std::fs::write(&partial, &bytes).with_context(|| format!("writing {}", partial.display()))?;
    std::fs::rename(&partial, &path).with_context(|| format!("writing {}", path.display()))?;
    let mut active: desktop_release::ActiveModel = row.clone().into();
    active.id = sea_orm::NotSet;
    let saved = active.insert(db).await?;
    Ok(format!(
        "recorded {} {} ({} bytes, sha256 {}); installed apps of that kind are offered it now\n",
        saved.target, saved.version, saved.size_bytes, saved.sha256
    ))
}

/// Every recorded release, newest first per target.
pub async fn list(db: &DatabaseConnection) -> anyhow::Result<String> {
    let rows = desktop_release::Entity::find()
        .order_by_asc(desktop_release::Column::Target)
        .order_by_desc(desktop_release::Column::PublishedAt)
        .all(db)
        .await?;
    let mut out = String::new();
    if rows.is_empty() {
        out.push_str("no desktop releases recorded\n");
    }
    for r in rows {
        let _ = writeln!(
            out,
            "{:<22} {:<12} {:>11} bytes  {}  {}",
            r.target,
            r.version,
            r.size_bytes,
            r.published_at.format("%Y-%m-%d %H:%M"),
            r.file_name
        );
    }
    Ok(out)
}

/// The newest release for `target` newer than `current`, if any.
pub async fn newer_than(
    db: &DatabaseConnection,
    target: &str,
    current: &Version,
) -> Result<Option<desktop_release::Model>, sea_orm::DbErr> {
    let rows = desktop_release::Entity::find()
        .filter(desktop_release::Column::Target.eq(target.to_owned()))
        .all(db)
        .await?;
    let newest =
        wpplay_domain::release::newest_after(current, rows.iter().map(|r| r.version.as_str()))
            .map(str::to_owned);
    Ok(newest.and_then(|v| rows.into_iter().find(|r| r.version == v)))
}

/// The recorded release of `target`, `version` and installer `file`, if any: only files
/// a release row names are ever served.
pub async fn find(
    db: &DatabaseConnection,
    target: &str,
    version: &str,
    file: &str,
) -> Result<Option<desktop_release::Model>, sea_orm::DbErr> {
    desktop_release::Entity::find()
        .filter(desktop_release::Column::Target.eq(target))
        .filter(desktop_release::Column::Version.eq(version))
        .filter(desktop_release::Column::FileName.eq(file))
        .one(db)
        .await
}
