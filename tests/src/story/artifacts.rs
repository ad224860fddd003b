//! Where the stories leave what a person looks at afterwards: screenshots in
//! `e2e-artifacts/`, and each scenario's logs and failure pictures in a folder of its own.

use std::path::PathBuf;

/// `e2e-artifacts/`: the screenshots, compared by eye from run to run.
pub fn shots() -> PathBuf {
    let dir = crate::workspace_root().join("e2e-artifacts");
    std::fs::create_dir_all(&dir).expect("the artifacts folder");
    dir
}

/// `e2e-artifacts/desktop/SCENARIO/`: the running scenario's logs, recordings and, when a
/// step fails, `failure.png` and `failure.html`. The scenario is the test's name, which
/// the test harness gives the thread that runs it.
pub fn scenario() -> PathBuf {
    let thread = std::thread::current();
    let name = thread
        .name()
        .filter(|n| *n != "main")
        .unwrap_or("story")
        .replace("::", "-");
    let dir = shots().join("desktop").join(name);
    std::fs::create_dir_all(&dir).expect("the scenario's artifacts folder");
    dir
}
