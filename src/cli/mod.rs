//! The `frontdesk` command line: `serve` (default), `migrate`, `seed`, `validate`, `backup`,
//! `audit verify`, and first-run set-up (`staff add`, `lanes add`, `inventory import`,
//! `agreement add`), `report` (the managers' figures) and `bench` (load and latency figures).

mod admin;
pub mod bench;
mod report;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::domain::enums::{Language, StaffRole};

/// frontdesk — the front desk of a club that rents rooms and lockers by time block.
#[derive(Debug, Parser)]
#[command(name = "frontdesk", version, about)]
pub struct Cli {
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations, then serve HTTP on FRONTDESK_ADDR.
    Serve {
        /// Seed the demo club first if the database is empty, and print how to try it.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending migrations (or revert them all).
    Migrate {
        /// Revert every migration, newest first (destroys all data).
        #[arg(long)]
        revert_all: bool,
    },
    /// Put data into an empty database.
    Seed {
        /// The demo club: 2 lanes, 55 rooms, 108 lockers, agreements EN/ES, 3 staff.
        #[arg(long, required = true)]
        demo: bool,
    },
    /// Run the integrity checks; exits non-zero if any finds a problem.
    Validate,
    /// Back up the database to FILE (SQLite); on PostgreSQL print the pg_dump command.
    Backup {
        /// Where to write the copy.
        file: PathBuf,
    },
    /// The audit log.
    Audit {
        /// What to do with it.
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Staff accounts.
    Staff {
        /// What to do.
        #[command(subcommand)]
        action: StaffAction,
    },
    /// Lanes (counters).
    Lanes {
        /// What to do.
        #[command(subcommand)]
        action: LaneAction,
    },
    /// Rooms and lockers.
    Inventory {
        /// What to do.
        #[command(subcommand)]
        action: InventoryAction,
    },
    /// Agreement texts.
    Agreement {
        /// What to do.
        #[command(subcommand)]
        action: AgreementAction,
    },
    /// A report over club-local days (visits, revenue, occupancy, late_checkouts, stay_length, cleaning, signatures, waitlist): JSON, or CSV.
    Report {
        /// visits, revenue, occupancy, late_checkouts, stay_length, cleaning, signatures or waitlist
        name: String,
        /// First club-local day (YYYY-MM-DD).
        #[arg(long)]
        from: chrono::NaiveDate,
        /// Last club-local day, inclusive (YYYY-MM-DD).
        #[arg(long)]
        to: chrono::NaiveDate,
        /// Print CSV (with a TOTAL line) instead of JSON.
        #[arg(long)]
        csv: bool,
    },
    /// Load and latency figures: complete check-ins on N lanes, or idle sockets.
    Bench(Box<bench::BenchArgs>),
}

/// `frontdesk audit ...`
#[derive(Debug, Subcommand)]
pub enum AuditAction {
    /// Verify the whole hash chain: prints "intact" or the first broken seq (exit 1).
    Verify,
}

/// `frontdesk staff ...`
#[derive(Debug, Subcommand)]
pub enum StaffAction {
    /// Add a staff member; the 6-digit PIN is read from standard input.
    Add {
        /// Sign-in name.
        #[arg(long)]
        login: String,
        /// Name shown on screens.
        #[arg(long)]
        name: String,
        /// STAFF or MANAGER.
        #[arg(long, default_value = "STAFF", value_parser = parse_role)]
        role: StaffRole,
    },
}

/// `frontdesk lanes ...`
#[derive(Debug, Subcommand)]
pub enum LaneAction {
    /// Add a lane such as lane-3.
    Add {
        /// lane-N
        id: String,
        /// Display name (default: "Lane N").
        #[arg(long)]
        name: Option<String>,
    },
}

/// `frontdesk inventory ...`
#[derive(Debug, Subcommand)]
pub enum InventoryAction {
    /// Import rooms and lockers from a CSV file with header kind,number,tier.
    Import {
        /// The CSV file.
        file: PathBuf,
    },
}

/// `frontdesk agreement ...`
#[derive(Debug, Subcommand)]
pub enum AgreementAction {
    /// Add an agreement version from a text file and make it active for its language.
    Add {
        /// EN or ES.
        #[arg(long, value_parser = parse_language)]
        language: Language,
        /// Version number (unique per language).
        #[arg(long)]
        version: i32,
        /// Title shown above the text.
        #[arg(long)]
        title: String,
        /// The sentence next to the consent checkbox.
        #[arg(long)]
        consent: String,
        /// UTF-8 text file with the body.
        #[arg(long)]
        file: PathBuf,
    },
}

fn parse_role(s: &str) -> Result<StaffRole, String> {
    s.to_ascii_uppercase().parse().map_err(|e: crate::domain::enums::UnknownValue| e.to_string())
}

fn parse_language(s: &str) -> Result<Language, String> {
    s.to_ascii_uppercase().parse().map_err(|e: crate::domain::enums::UnknownValue| e.to_string())
}

/// Runs the parsed command.
pub fn run(cli: Cli, settings: Settings) -> ExitCode {
    let result = match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo } => serve::serve(settings, demo),
        Command::Migrate { revert_all } => admin::migrate(&settings, revert_all),
        Command::Seed { .. } => admin::seed_demo(&settings),
        Command::Validate => admin::validate(&settings),
        Command::Backup { file } => admin::backup(&settings, &file),
        Command::Audit { action: AuditAction::Verify } => admin::audit_verify(&settings),
        Command::Staff { action: StaffAction::Add { login, name, role } } => admin::staff_add(&settings, &login, &name, role),
        Command::Lanes { action: LaneAction::Add { id, name } } => admin::lane_add(&settings, &id, name),
        Command::Inventory { action: InventoryAction::Import { file } } => admin::inventory_import(&settings, &file),
        Command::Agreement { action: AgreementAction::Add { language, version, title, consent, file } } => {
            admin::agreement_add(&settings, language, version, &title, &consent, &file)
        }
        Command::Report { name, from, to, csv } => report::report(&settings, &name, from, to, csv),
        Command::Bench(args) => bench::run(*args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A command's failure, as the sentence printed to the operator.
pub type CliResult = Result<ExitCode, String>;
