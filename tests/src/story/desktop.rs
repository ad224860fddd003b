//! The desktop session around the app: its window as the X server and a window manager see
//! it (`tests/fixtures/x11_window.py`), and who owns a name on the session bus.

/// The app's window title, which is how the X helpers find it.
const TITLE: &str = "WP Play Partner Desk";

/// Fails the test unless there is a display to start the app on.
pub fn assert_display() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no display: run this through scripts/with-desktop-session.sh --xvfb"
    );
}

/// Closes the app's window or reads its state through the X server, as a window manager
/// would (`tests/fixtures/x11_window.py`); returns what it printed.
pub fn x11_window(action: &str) -> String {
    let out =
        std::process::Command::new(crate::workspace_root().join("tests/fixtures/x11_window.py"))
            .args([action, TITLE])
            .output()
            .expect("x11_window.py runs (python3-xlib, installed by scripts/setup.sh)");
    assert!(
        out.status.success(),
        "x11_window.py {action}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Resizes the app's window through the X server.
pub fn x11_window_resize(width: u32, height: u32) {
    let out =
        std::process::Command::new(crate::workspace_root().join("tests/fixtures/x11_window.py"))
            .args(["resize", TITLE, &width.to_string(), &height.to_string()])
            .output()
            .expect("x11_window.py runs");
    assert!(
        out.status.success(),
        "x11_window.py resize: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Whether some process owns `name` on the session bus right now.
pub fn bus_name_owned(name: &str) -> bool {
    std::process::Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{name}"),
        ])
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("boolean true"))
}
