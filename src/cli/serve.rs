//! `frontdesk serve [--demo]`.

use std::net::TcpListener;
use std::process::ExitCode;

use crate::app::{self, AppState};
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::db::DbConn;
use crate::db::models::{lane::Lane, staff::Staff};
use crate::seed::demo::{self, DEMO_STAFF, DemoOutcome};

use super::CliResult;

/// Migrates, optionally seeds the demo club, and serves until stopped.
pub fn serve(settings: Settings, demo_requested: bool) -> CliResult {
    let mut conn = app::prepare_database(&settings).map_err(|e| e.to_string())?;
    if demo_requested {
        let outcome = demo::seed(&mut conn, SystemClock.now()).map_err(|e| e.to_string())?;
        print_demo_banner(&settings, &outcome);
    } else {
        explain_empty_database(&mut conn);
    }
    drop(conn);
    let listener = TcpListener::bind(settings.addr).map_err(|e| format!("cannot listen on {}: {e}", settings.addr))?;
    tracing::info!(addr = %settings.addr, "frontdesk listening on http://{}", settings.addr);
    let pool = app::build_pool(&settings);
    let state = AppState::new(pool, settings);
    actix_web::rt::System::new().block_on(app::run(listener, state)).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn print_demo_banner(settings: &Settings, outcome: &DemoOutcome) {
    let base = format!("http://{}", settings.addr);
    println!("Open {base}/ (health {base}/healthz, readiness {base}/readyz).");
    if *outcome == DemoOutcome::AlreadyHasData {
        println!("The database already has data; the demo seed left it unchanged (no demo sign-ins added).");
        return;
    }
    println!("Demo club created: lanes lane-1 and lane-2, 55 rooms, 108 lockers, agreements EN/ES v1.");
    println!("Demo sign-ins (login / PIN / role) — demo data only:");
    for (login, name, role, pin) in DEMO_STAFF {
        println!("  {login:<8} {pin}  {role:<8} {name}");
    }
}

fn explain_empty_database(conn: &mut DbConn) {
    let (lanes, managers) = match (Lane::count(conn), Staff::count_active_managers(conn)) {
        (Ok(lanes), Ok(managers)) => (lanes, managers),
        (Err(err), _) | (_, Err(err)) => {
            tracing::error!(error = %err, "cannot count lanes and managers");
            return;
        }
    };
    if lanes == 0 || managers == 0 {
        tracing::warn!(
            lanes,
            managers,
            "the database has no {}. Set up the club with: \
            `echo <6-digit PIN> | frontdesk staff add --role MANAGER --login <login> --name \"<Full Name>\"`, \
            `frontdesk lanes add lane-1`, \
            `frontdesk inventory import <rooms-and-lockers.csv>` (header kind,number,tier), \
            `frontdesk agreement add --language EN --version 1 --title ... --consent ... --file agreement.txt`; \
            or try the demo with `frontdesk serve --demo` on an empty database",
            if managers == 0 { "manager" } else { "lanes" }
        );
    }
}
