//! The front-end's Vitest suite and its strict type check, run as part of `cargo test`.

use crate::node::{available, node, printed};

#[test]
fn vitest_suite_passes() {
    if !available(false) {
        return;
    }
    let output = node(&["node_modules/vitest/vitest.mjs", "run"], &[]);
    assert!(output.status.success(), "vitest failed\n{}", printed(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("passed") && !text.contains("failed"), "{text}");
}

#[test]
fn typescript_type_checks() {
    if !available(false) {
        return;
    }
    let output = node(&["node_modules/typescript/bin/tsc", "--noEmit"], &[]);
    assert!(output.status.success(), "tsc failed\n{}", printed(&output));
}
