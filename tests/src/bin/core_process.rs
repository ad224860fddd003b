//! The desktop core as a process of its own, for the chaos test (issue "Hardening" §6):
//! it can be SIGKILLed like the real app, keeping only what the app keeps (its replica
//! on disk and its keychain entry). One command per line on stdin,
//! `{"cmd": "sync_now", "args": …}`, answered by one line on stdout, `{"ok": …}` or
//! `{"err": {"code", "message"}}`.
//!
//! Usage: `wpplay-core-process DATA_DIR KEYCHAIN_SERVICE SERVER_URL`

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use wpplay_clock::SystemClock;
use wpplay_desktop::{Core, CoreConfig};
use wpplay_wire::{Code, ErrorBody};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, service, url] = args.as_slice() else {
        anyhow::bail!("usage: wpplay-core-process DATA_DIR KEYCHAIN_SERVICE SERVER_URL");
    };
    let dir = std::path::PathBuf::from(dir);
    let core = Core::new(CoreConfig {
        ca_file: None,
        data_dir: dir.clone(),
        export_dir: dir.join("exports"),
        default_server_url: url.clone(),
        keychain_service: service.clone(),
        // Syncs only when told to: the test decides when.
        sync_interval: Duration::from_secs(3600),
        clock: Arc::new(SystemClock),
        time_zone: chrono_tz::Europe::Belgrade,
        system_locale: "en_US.UTF-8".to_owned(),
    });
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut out = tokio::io::stdout();
    while let Some(line) = lines.next_line().await? {
        let request: Value = serde_json::from_str(&line)?;
        let cmd = request["cmd"].as_str().unwrap_or_default().to_owned();
        let answer = match dispatch(&core, &cmd, request["args"].clone()).await {
            Ok(v) => json!({ "ok": v }),
            Err(e) => json!({ "err": e }),
        };
        out.write_all(format!("{answer}\n").as_bytes()).await?;
        out.flush().await?;
    }
    Ok(())
}

fn answer<T: Serialize>(r: Result<T, ErrorBody>) -> Result<Value, ErrorBody> {
    r.and_then(|v| {
        serde_json::to_value(v).map_err(|e| ErrorBody::new(Code::UnexpectedAnswer, e.to_string()))
    })
}

fn parsed<T: DeserializeOwned>(v: Value) -> Result<T, ErrorBody> {
    serde_json::from_value(v).map_err(|e| ErrorBody::new(Code::InvalidBody, e.to_string()))
}

async fn dispatch(core: &Core, cmd: &str, args: Value) -> Result<Value, ErrorBody> {
    match cmd {
        "startup" => answer(core.startup().await),
        "login" => answer(core.login(parsed(args)?).await),
        "sync_now" => answer(core.sync_now().await),
        "dashboard" => answer(core.dashboard().await),
        "list_dealers" => answer(core.list_dealers(parsed(args)?).await),
        "list_subscribers" => answer(core.list_subscribers(parsed(args)?).await),
        "add_dealer" => answer(core.add_dealer(parsed(args)?).await),
        "edit_dealer" => answer(core.edit_dealer(parsed(args)?).await),
        "add_subscriber" => answer(core.add_subscriber(parsed(args)?).await),
        "extend_subscriber" => answer(core.extend_subscriber(parsed(args)?).await),
        "update_profile" => answer(core.update_profile(parsed(args)?).await),
        "discard_rejected" => answer(core.discard_rejected(parsed(args)?).await),
        other => Err(ErrorBody::new(
            Code::NotFound,
            format!("wpplay-core-process has no command '{other}'"),
        )),
    }
}
