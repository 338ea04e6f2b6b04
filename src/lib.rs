//! frontdesk: the front desk of a club that rents rooms and lockers by time block.
//!
//! Layout (dependencies point one way: `http` → `domain` + `db`; `db` → `domain`):
//! - [`domain`]: pure rules, no I/O
//! - [`db`]: connections, migrations, schema, one model file per entity, integrity checks
//! - [`http`]: handlers, limits, headers; [`routes`]: the one route table
//! - [`app`]: state and start-up; [`cli`]: the `frontdesk` commands
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod access;
pub mod app;
pub mod checkin;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod evidence;
pub mod http;
pub mod lanes;
pub mod process;
pub mod reports;
pub mod routes;
pub mod security;
pub mod seed;
pub mod stays;

/// The layers, from the imports: each directory may not import the ones named here, so that
/// every import runs down (domain ← db ← lanes ← flows ← http ← app).
#[cfg(test)]
mod layering {
    const RULES: &[(&str, &[&str])] = &[
        ("domain", &["evidence", "db", "lanes", "checkin", "stays", "access", "http", "app", "cli"]),
        ("db", &["evidence", "lanes", "checkin", "stays", "access", "http", "app", "cli"]),
        ("security", &["lanes", "checkin", "stays", "http", "app", "cli"]),
        ("lanes", &["evidence", "checkin", "stays", "http", "app", "cli"]),
        ("checkin", &["evidence", "stays", "http", "app", "cli"]),
        ("stays", &["evidence", "checkin", "http", "app", "cli"]),
        ("evidence", &["stays", "lanes", "http", "app", "cli"]),
        ("reports", &["evidence", "checkin", "stays", "lanes", "access", "http", "app", "cli"]),
        ("http", &["app", "cli"]),
    ];

    fn sources(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.clone(), std::fs::read_to_string(&path).unwrap_or_default()));
            }
        }
    }

    #[test]
    fn every_import_runs_down() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut broken = Vec::new();
        for (dir, forbidden) in RULES {
            let mut files = Vec::new();
            sources(&src.join(dir), &mut files);
            assert!(!files.is_empty(), "{dir} has sources");
            for (path, text) in files {
                for up in *forbidden {
                    if text.contains(&format!("crate::{up}::")) || text.contains(&format!("crate::{up};")) {
                        broken.push(format!("{} imports crate::{up}", path.display()));
                    }
                }
            }
        }
        assert!(broken.is_empty(), "imports that run up a layer:\n{}", broken.join("\n"));
    }
}
