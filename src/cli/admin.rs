//! The one-shot commands: migrate, seed, validate, backup, audit verify and first-run set-up.

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;

use crate::app::prepare_database;
use crate::clock::{Clock, SystemClock};
use crate::config::{Settings, redact_url};
use crate::db::dialect::{self, BackupOutcome};
use crate::db::models::audit_event::verify_chain;
use crate::db::{DbConn, integrity, migrate, pool};
use crate::domain::audit_chain::ChainReport;
use crate::domain::enums::{Language, StaffRole};
use crate::seed::demo::{self, DemoOutcome};
use crate::seed::{inventory_csv, setup};

use super::CliResult;

pub(super) fn connect(settings: &Settings) -> Result<DbConn, String> {
    prepare_database(settings).map_err(|e| e.to_string())
}

/// `frontdesk migrate [--revert-all]`
pub fn migrate(settings: &Settings, revert_all: bool) -> CliResult {
    if revert_all {
        let mut conn = pool::establish(&settings.database_url).map_err(|e| e.to_string())?;
        let reverted = migrate::revert_all(&mut conn).map_err(|e| e.to_string())?;
        println!("reverted {} migration(s)", reverted.len());
    } else {
        connect(settings)?;
        println!("migrations applied");
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk seed --demo`
pub fn seed_demo(settings: &Settings) -> CliResult {
    let mut conn = connect(settings)?;
    match demo::seed(&mut conn, SystemClock.now()).map_err(|e| e.to_string())? {
        DemoOutcome::Created => println!("demo club created"),
        DemoOutcome::AlreadyHasData => println!("the database already has data; nothing changed"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk validate`: prints every check with its count; exit 1 if any is non-zero.
pub fn validate(settings: &Settings) -> CliResult {
    let mut conn = connect(settings)?;
    let results = integrity::run_all(&mut conn).map_err(|e| e.to_string())?;
    let mut failed = Vec::new();
    for check in &results {
        println!("{:<60} {}", check.name, check.count);
        if check.count > 0 {
            failed.push(check.name);
        }
    }
    if failed.is_empty() {
        println!("all {} checks passed", results.len());
        Ok(ExitCode::SUCCESS)
    } else {
        println!("FAILED: {}", failed.join(", "));
        Ok(ExitCode::FAILURE)
    }
}

/// `frontdesk backup <file>`
pub fn backup(settings: &Settings, file: &Path) -> CliResult {
    let target = file.to_str().ok_or("the backup path must be valid UTF-8")?;
    if file.exists() {
        return Err(format!("{target} already exists; choose a new file"));
    }
    let mut conn = connect(settings)?;
    match dialect::backup(&mut conn, target, &redact_url(&settings.database_url)).map_err(|e| e.to_string())? {
        BackupOutcome::Written => println!("backup written to {target}"),
        BackupOutcome::UsePgDump(cmd) => println!("PostgreSQL is backed up with pg_dump:\n  {cmd}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk audit verify`
pub fn audit_verify(settings: &Settings) -> CliResult {
    let mut conn = connect(settings)?;
    match verify_chain(&mut conn).map_err(|e| e.to_string())? {
        ChainReport::Intact { events } => {
            println!("intact ({events} events)");
            Ok(ExitCode::SUCCESS)
        }
        ChainReport::Broken { seq, problem } => {
            println!("broken at seq {seq}: {problem}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `frontdesk staff add` (PIN from standard input, never from the command line).
pub fn staff_add(settings: &Settings, login: &str, name: &str, role: StaffRole) -> CliResult {
    let mut pin = String::new();
    std::io::stdin().lock().read_line(&mut pin).map_err(|e| e.to_string())?;
    let mut conn = connect(settings)?;
    let spec = setup::StaffSpec { login, display_name: name, role, pin: pin.trim() };
    let id = setup::add_staff(&mut conn, &spec, SystemClock.now()).map_err(|e| e.to_string())?;
    println!("added {role} {login} ({id})");
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk lanes add <id>`
pub fn lane_add(settings: &Settings, id: &str, name: Option<String>) -> CliResult {
    let name = name.unwrap_or_else(|| id.replacen("lane-", "Lane ", 1));
    let mut conn = connect(settings)?;
    setup::add_lane(&mut conn, id, &name, SystemClock.now()).map_err(|e| e.to_string())?;
    println!("added {id} ({name})");
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk inventory import <file>`
pub fn inventory_import(settings: &Settings, file: &Path) -> CliResult {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let units = inventory_csv::parse(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut conn = connect(settings)?;
    let (rooms, lockers) = inventory_csv::import(&mut conn, &units, SystemClock.now()).map_err(|e| e.to_string())?;
    println!("imported {rooms} room(s) and {lockers} locker(s)");
    Ok(ExitCode::SUCCESS)
}

/// `frontdesk agreement add`
pub fn agreement_add(settings: &Settings, language: Language, version: i32, title: &str, consent: &str, file: &Path) -> CliResult {
    let body = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut conn = connect(settings)?;
    let spec = setup::AgreementSpec { version, language, title, body: &body, consent };
    let id = setup::add_active_agreement(&mut conn, &spec, SystemClock.now()).map_err(|e| e.to_string())?;
    println!("agreement {language} v{version} is now active ({id})");
    Ok(ExitCode::SUCCESS)
}
