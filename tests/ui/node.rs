//! Running the front-end's tools (node, npm scripts) from a test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `kiosk-ui/`.
pub fn ui_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("kiosk-ui")
}

/// The Chromium the browser test drives.
pub fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// Whether node, the installed packages and (if `browser`) Chromium are here. When they are
/// not: a notice and `false` locally, a failure under `CI=true`.
pub fn available(browser: bool) -> bool {
    let node = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    let packages = ui_dir().join("node_modules/.bin/vitest").exists() && ui_dir().join("node_modules/playwright-core").exists();
    let chromium = !browser || chromium().exists();
    if node && packages && chromium {
        return true;
    }
    let missing = format!("node: {node}, kiosk-ui/node_modules: {packages}, chromium: {chromium}");
    assert!(std::env::var("CI").as_deref() != Ok("true"), "UI test prerequisites missing under CI ({missing})");
    eprintln!("NOTICE: skipping a UI test ({missing}); run `cd kiosk-ui && npm ci` and install chromium");
    false
}

/// Runs `node <args>` in `kiosk-ui/` with extra environment.
pub fn node(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("node");
    command.args(args).current_dir(ui_dir());
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("node runs")
}

/// stdout and stderr of a finished command, for a failure message.
pub fn printed(output: &Output) -> String {
    format!("--- stdout\n{}\n--- stderr\n{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}
