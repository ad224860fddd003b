//! The desktop update feed: releases recorded by the operator, offered to older apps of
//! the same kind, downloaded with range requests; bad input answered with `{code, message}`.

use crate::harness::{Backend, TestServer};
use base64::Engine as _;
use reqwest::StatusCode;
use std::path::Path;
use std::process::Command;

fn cli(data_dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wpplay-server"))
        .args(args)
        .env("WPPLAY_DATA_DIR", data_dir)
        .env_remove("WPPLAY_DATABASE_URL")
        .output()
        .expect("wpplay-server runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// A signature in the updater's form (base64 of a minisign signature file). Its bytes do
/// not verify anything: the server only stores and hands it out; the app verifies.
fn signature_like(tag: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!(
        "untrusted comment: signature from tauri secret key\nRUQ{tag}\ntrusted comment: timestamp:1\tfile:x\nabc\n"
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn releases_are_offered_to_older_apps_of_their_kind_and_downloaded_in_ranges() {
    let Some(s) = TestServer::start(Backend::Sqlite).await else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let installer = dir.path().join("WP Play Partner Desk_0.2.0_amd64.deb");
    let bytes: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&installer, &bytes).expect("write the installer");
    let sig = dir.path().join("installer.deb.sig");
    std::fs::write(&sig, signature_like("A")).expect("write the signature");
    let file = installer.to_str().expect("utf-8 path");
    let sig_path = sig.to_str().expect("utf-8 path");

    // Refusals first: nothing is recorded for them.
    for (args, says) in [
        (
            vec![
                "--version",
                "0.2.0",
                "--target",
                "linux-x86_64-zip",
                "--signature",
                sig_path,
            ],
            "not a target",
        ),
        (
            vec![
                "--version",
                "two",
                "--target",
                "linux-x86_64-deb",
                "--signature",
                sig_path,
            ],
            "not a version",
        ),
        (
            vec![
                "--version",
                "0.2.0",
                "--target",
                "linux-x86_64-deb",
                "--signature",
                "not-a-signature",
            ],
            "not an updater signature",
        ),
    ] {
        let mut all = vec!["releases", "add", file];
        all.extend(args);
        let (ok, out) = cli(&s.data_dir, &all);
        assert!(!ok && out.contains(says), "{says}: {out}");
    }
    let (ok, out) = cli(
        &s.data_dir,
        &[
            "releases",
            "add",
            file,
            "--version",
            "0.2.0",
            "--target",
            "linux-x86_64-deb",
            "--signature",
            sig_path,
            "--notes",
            "Faster sync",
        ],
    );
    assert!(ok, "{out}");
    let (ok, out) = cli(
        &s.data_dir,
        &[
            "releases",
            "add",
            file,
            "--version",
            "0.2.0",
            "--target",
            "linux-x86_64-deb",
            "--signature",
            sig_path,
        ],
    );
    assert!(
        !ok && out.contains("already recorded"),
        "a published release never changes: {out}"
    );
    let (ok, list) = cli(&s.data_dir, &["releases", "list"]);
    assert!(
        ok && list.contains("linux-x86_64-deb") && list.contains("0.2.0"),
        "{list}"
    );

    // An older app of the same kind is offered it; a newer one, or another kind, is not.
    let (status, offer) = s
        .get("/api/v1/desktop/updates/linux-x86_64-deb/0.1.0", None)
        .await;
    assert_eq!(status, StatusCode::OK, "{offer}");
    assert_eq!(offer["version"], "0.2.0");
    assert_eq!(offer["notes"], "Faster sync");
    assert_eq!(offer["signature"], signature_like("A"));
    assert!(
        offer["pub_date"].as_str().is_some_and(|d| d.contains('T')),
        "{offer}"
    );
    for path in [
        "/api/v1/desktop/updates/linux-x86_64-deb/0.2.0",
        "/api/v1/desktop/updates/linux-x86_64-deb/1.0.0-rc.1",
        "/api/v1/desktop/updates/linux-x86_64-rpm/0.1.0",
    ] {
        let r = s
            .http
            .get(format!("{}{path}", s.url))
            .send()
            .await
            .expect("answer");
        assert_eq!(r.status(), StatusCode::NO_CONTENT, "{path}");
    }
    for (path, code) in [
        (
            "/api/v1/desktop/updates/linux-x86_64-zip/0.1.0",
            "invalid_target",
        ),
        (
            "/api/v1/desktop/updates/linux-x86_64-deb/latest",
            "invalid_version",
        ),
    ] {
        let (status, body) = s.get(path, None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {body}");
        assert_eq!(body["code"], code, "{body}");
    }

    // The download: the whole file, then a range of it.
    let url = offer["url"].as_str().expect("a download URL").to_owned();
    assert!(
        url.starts_with(&s.url),
        "the link points back at this server: {url}"
    );
    let whole = s.http.get(&url).send().await.expect("download");
    assert_eq!(whole.status(), StatusCode::OK);
    assert_eq!(
        whole.bytes().await.expect("body").as_ref(),
        bytes.as_slice()
    );
    let part = s
        .http
        .get(&url)
        .header("range", "bytes=1000-1999")
        .send()
        .await
        .expect("a range");
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.headers()["content-range"].to_str().unwrap_or_default(),
        "bytes 1000-1999/100000"
    );
    assert_eq!(
        part.bytes().await.expect("body").as_ref(),
        &bytes[1000..2000]
    );

    // Only recorded files are served: no path from the request reaches the disk.
    for path in [
        "/api/v1/desktop/releases/linux-x86_64-deb/0.2.0/..%2F..%2Fwpplay.sqlite",
        "/api/v1/desktop/releases/linux-x86_64-deb/0.2.0/other.deb",
        "/api/v1/desktop/releases/linux-x86_64-deb/../../wpplay.sqlite",
    ] {
        let (status, body) = s.get(path, None).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
            "{path}: {status} {body}"
        );
    }
    s.stop().await;
}
