//! Builds the Tauri context from `tauri.conf.json` beside this file.
fn main() {
    tauri_build::build();
}
