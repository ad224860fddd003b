//! The debug clock offset (`WPPLAY_DEBUG_CLOCK_OFFSET_FILE`) moves a debug build's clock
//! for the end-to-end story. A release build must not contain it at all: a program that
//! names the moved clock type-checks in debug and fails to in release. `cargo check` of
//! the domain crate only, in its own target folder: no full release build.

use std::path::Path;
use std::process::Command;

fn check(release: bool) -> std::process::Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("the workspace");
    let fixture = root.join("tests/fixtures/release-probe");
    // A copy in target/ (with the workspace's pinned versions): nothing is written into
    // the checkout.
    let probe = root.join("target/release-probe");
    std::fs::create_dir_all(probe.join("src")).expect("the probe's folder");
    let manifest = std::fs::read_to_string(fixture.join("Cargo.toml"))
        .expect("the probe's manifest")
        .replace(
            "../../../crates/wpplay-clock",
            &root.join("crates/wpplay-clock").display().to_string(),
        );
    std::fs::write(probe.join("Cargo.toml"), manifest).expect("write the manifest");
    std::fs::copy(fixture.join("src/main.rs"), probe.join("src/main.rs")).expect("copy main.rs");
    std::fs::copy(root.join("Cargo.lock"), probe.join("Cargo.lock")).expect("copy Cargo.lock");
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.arg("check")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(probe.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", probe.join("target"));
    if release {
        cmd.arg("--release");
    }
    cmd.output().expect("cargo runs")
}

#[test]
fn the_moved_clock_exists_only_in_debug_builds() {
    let debug = check(false);
    assert!(
        debug.status.success(),
        "the probe type-checks in debug: {}",
        String::from_utf8_lossy(&debug.stderr)
    );
    let release = check(true);
    let stderr = String::from_utf8_lossy(&release.stderr);
    assert!(
        !release.status.success(),
        "a release build must not know the moved clock, yet the probe type-checks"
    );
    for missing in ["OffsetFileClock", "DEBUG_OFFSET_FILE_VAR"] {
        assert!(
            stderr.contains(&format!("no `{missing}` in the root")),
            "release fails because {missing} is not there: {stderr}"
        );
    }
}
