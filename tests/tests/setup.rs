//! `scripts/setup.sh` on a machine whose Node.js cannot build the UI: it must stop with one
//! clear line before any npm step, never run on into a cryptic build error.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use wpplay_e2e::workspace_root;

/// The Node.js versions `ui/package.json` states in `engines`.
fn engines_range() -> String {
    let text =
        std::fs::read_to_string(workspace_root().join("ui/package.json")).expect("ui/package.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("ui/package.json is JSON");
    json["engines"]["node"]
        .as_str()
        .expect("ui/package.json states engines.node")
        .to_owned()
}

fn write_executable(path: &Path, body: &str) {
    std::fs::write(path, body).expect("write a fake tool");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn setup_stops_in_one_line_when_node_is_too_old() {
    let fake = tempfile::tempdir().expect("temp dir");
    let npm_ran = fake.path().join("npm-ran");
    write_executable(
        &fake.path().join("node"),
        "#!/bin/sh\n[ \"$1\" = --version ] && echo v16.20.2 && exit 0\necho \"node $*\" >&2; exit 3\n",
    );
    write_executable(
        &fake.path().join("npm"),
        &format!("#!/bin/sh\ntouch '{}'\nexit 0\n", npm_ran.display()),
    );
    let path = format!(
        "{}:{}",
        fake.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg(workspace_root().join("scripts/setup.sh"))
        .env("PATH", path)
        .output()
        .expect("run scripts/setup.sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !out.status.success(),
        "setup went on with Node.js 16:\n{stdout}\n{stderr}"
    );
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line of explanation, got:\n{stderr}");
    let range = engines_range();
    assert!(
        lines[0].contains("v16.20.2") && lines[0].contains(&range),
        "the line names the version found and the one needed ({range}): {}",
        lines[0]
    );
    assert!(!npm_ran.exists(), "npm ran although Node.js was too old");
    assert!(
        !stdout.contains("installing the UI"),
        "setup reached the npm step:\n{stdout}"
    );
}

#[test]
fn node_versions_are_checked_against_engines() {
    let range = engines_range();
    let lib = workspace_root().join("scripts/lib/node-version.sh");
    // The distributions' own Node.js (Debian 12: 18.20.4, Ubuntu 24.04: 18.19.1) must pass.
    let cases = [
        ("v16.20.2", false),
        ("v18.17.1", false),
        ("v18.19.1", true),
        ("v18.20.4", true),
        ("v19.9.0", false),
        ("v20.20.2", true),
        ("v21.7.3", false),
        ("v22.12.0", true),
        ("v24.3.1", true),
    ];
    for (version, expected) in cases {
        let status = Command::new("bash")
            .arg("-c")
            .arg(format!(
                ". '{}' && node_supported '{version}' '{range}'",
                lib.display()
            ))
            .status()
            .expect("run bash");
        assert_eq!(status.success(), expected, "node {version} against {range}");
    }
}
