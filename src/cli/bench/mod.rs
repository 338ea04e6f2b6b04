//! `frontdesk bench`: N lanes, each a register and its paired kiosk on their own sockets,
//! run complete check-ins against a server started here on a fresh database (SQLite or
//! PostgreSQL) or against a running one (`--target`); or `--idle-sockets K`; or `--quick`
//! (a short round of both, for CI: it prints figures and never judges them); or `--reports`
//! (a year of generated data, every report timed: `year`).

mod client;
mod desk;
mod idle;
mod lane;
mod procfs;
mod report;
mod seed;
mod server;
mod stats;
mod year;

use std::cell::RefCell;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::{Duration, Instant};

use client::Http;
use desk::Logins;
use lane::{LaneRun, Window};
use report::{Cpu, RunReport};
pub use seed::Backend;
use seed::{ClubSpec, FreshDb};
use server::Server;

use super::CliResult;

/// `frontdesk bench ...`
#[derive(Debug, Clone, clap::Args)]
pub struct BenchArgs {
    /// Database of the server started here (ignored with --target).
    #[arg(long, value_enum, default_value = "sqlite")]
    pub backend: Backend,
    /// A running server (http://host:port) instead of starting one; its lanes lane-1..N
    /// must exist; kiosks are paired over HTTP.
    #[arg(long)]
    pub target: Option<String>,
    /// With --target: the server's process id, to read its CPU and memory.
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// PostgreSQL server to create the fresh databases on (default: TEST_DATABASE_URL,
    /// DATABASE_URL, postgres://postgres@127.0.0.1:5432/postgres).
    #[arg(long)]
    pub database_url: Option<String>,
    /// Lanes working at once.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u16).range(1..=9999))]
    pub lanes: u16,
    /// Measured seconds (after the warm-up).
    #[arg(long, default_value_t = 15.0)]
    pub seconds: f64,
    /// Warm-up seconds (check-ins run, nothing is counted).
    #[arg(long, default_value_t = 2.0)]
    pub warmup: f64,
    /// The club has exactly this many free lockers (added, or the highest-numbered put
    /// OUT_OF_ORDER, before the start).
    #[arg(long)]
    pub lockers: Option<usize>,
    /// What every customer rents: LOCKER (default) or a room tier such as STANDARD.
    #[arg(long, default_value = "LOCKER")]
    pub rental: String,
    /// Instead of check-ins: K idle authenticated sockets, server RSS per socket, and the
    /// time for one change to reach them all.
    #[arg(long)]
    pub idle_sockets: Option<usize>,
    /// A short round for CI (1 and 8 lanes for 5 s on SQLite and on PostgreSQL when it
    /// answers, 500 idle sockets); prints, never asserts.
    #[arg(long)]
    pub quick: bool,
    /// Instead of check-ins: a year of generated data (about --visits over --days) in a
    /// fresh database of --backend, then every report timed over the year, a month and a day.
    #[arg(long)]
    pub reports: bool,
    /// With --reports: visits over the whole range, about.
    #[arg(long, default_value_t = 50_000)]
    pub visits: u32,
    /// With --reports: days of data, ending yesterday (club-local).
    #[arg(long, default_value_t = 365, value_parser = clap::value_parser!(u32).range(1..=400))]
    pub days: u32,
    /// With --reports: timed runs per report and range.
    #[arg(long, default_value_t = 5)]
    pub repeat: usize,
    /// Print each run as one JSON line too.
    #[arg(long)]
    pub json: bool,
    /// Manager sign-in (the demo's by default).
    #[arg(long, default_value = "manager")]
    pub manager_login: String,
    /// Manager PIN.
    #[arg(long, default_value = "111111")]
    pub manager_pin: String,
    /// Staff sign-in used at every register.
    #[arg(long, default_value = "alex")]
    pub staff_login: String,
    /// Staff PIN.
    #[arg(long, default_value = "222222")]
    pub staff_pin: String,
}

impl BenchArgs {
    fn logins(&self) -> Logins {
        Logins {
            manager: (self.manager_login.clone(), self.manager_pin.clone()),
            staff: (self.staff_login.clone(), self.staff_pin.clone()),
        }
    }
}

/// What one phase needs to know.
struct Plan {
    backend: Backend,
    lanes: usize,
    seconds: f64,
    warmup: f64,
    lockers: Option<usize>,
    idle: Option<usize>,
    hold: Duration,
}

/// Runs the bench; a run that cannot start is an error, figures never are.
pub fn run(args: BenchArgs) -> CliResult {
    match procfs::raise_nofile() {
        Some(limit) => println!("open-file limit: {limit}"),
        None => println!("open-file limit: unchanged"),
    }
    let admin = seed::admin_url(args.database_url.as_deref());
    if args.reports {
        let plan =
            year::YearPlan { backend: args.backend, visits: args.visits, days: args.days, repeat: args.repeat.max(1), json: args.json };
        year::run(&plan, &admin)?;
        return Ok(ExitCode::SUCCESS);
    }
    let plans = if args.quick {
        let mut plans = Vec::new();
        let mut backends = vec![Backend::Sqlite];
        if seed::postgres_answers(&admin) {
            backends.push(Backend::Postgres);
        } else {
            println!("PostgreSQL does not answer at {}: SQLite only", crate::config::redact_url(&admin));
        }
        for backend in backends {
            for lanes in [1, 8] {
                plans.push(Plan { backend, lanes, seconds: 5.0, warmup: 1.0, lockers: None, idle: None, hold: Duration::ZERO });
            }
        }
        plans.push(Plan {
            backend: Backend::Sqlite,
            lanes: 1,
            seconds: 0.0,
            warmup: 0.0,
            lockers: None,
            idle: Some(500),
            hold: Duration::ZERO,
        });
        plans
    } else {
        let idle = args.idle_sockets;
        let lanes = if idle.is_some() { 1 } else { usize::from(args.lanes) };
        let hold = if idle.is_some() { Duration::from_secs(16) } else { Duration::ZERO };
        vec![Plan { backend: args.backend, lanes, seconds: args.seconds, warmup: args.warmup, lockers: args.lockers, idle, hold }]
    };
    for (n, plan) in plans.iter().enumerate() {
        let system = actix_web::rt::System::new();
        system.block_on(phase(&args, &admin, plan, n))?;
    }
    Ok(ExitCode::SUCCESS)
}

async fn phase(args: &BenchArgs, admin: &str, plan: &Plan, n: usize) -> Result<(), String> {
    let (mut server, kiosks, db, label) = match &args.target {
        Some(target) => (Server::target(target, args.server_pid), None, None, format!("target {target}")),
        None => {
            let db = FreshDb::create(plan.backend, admin, n)?;
            let kiosks = seed::seed(&db.url, &ClubSpec { lanes: plan.lanes, lockers: plan.lockers })?;
            let server = Server::spawn(&db.url, &format!("{n}"))?;
            (server, Some(kiosks), Some(db), format!("{:?}", plan.backend).to_lowercase())
        }
    };
    let http = Http::new(&server.base);
    server.ready(&http).await?;
    if let Some(log) = &server.log {
        println!("\nserver log: {}", log.display());
    }
    let outcome = match plan.idle {
        Some(k) => idle_phase(&http, args, &server, k, plan, &label).await,
        None => {
            let pg_name = db.as_ref().and_then(FreshDb::pg_name);
            check_ins(&http, args, &server, kiosks, plan, &label, pg_name).await
        }
    };
    server.stop();
    outcome
}

async fn idle_phase(http: &Http, args: &BenchArgs, server: &Server, k: usize, plan: &Plan, label: &str) -> Result<(), String> {
    let token = desk::staff(http, &args.logins()).await?;
    desk::sign_in_register(http, &token, "lane-1").await?;
    let found = idle::run(http, &token, k, server.pid, plan.hold).await?;
    let label = format!("{label}, {k} sockets");
    report::print_idle(&label, &found);
    if args.json {
        println!("{}", serde_json::json!({ "run": label, "idle": found, "bytes_per_socket": found.bytes_per_socket() }));
    }
    Ok(())
}

async fn check_ins(
    http: &Http,
    args: &BenchArgs,
    server: &Server,
    kiosks: Option<Vec<String>>,
    plan: &Plan,
    label: &str,
    pg_name: Option<&str>,
) -> Result<(), String> {
    let desks = desk::open(http, &args.logins(), plan.lanes, kiosks).await?;
    let pid = server.pid;
    let mem_idle = pid.and_then(procfs::memory);
    let stats = Rc::new(RefCell::new(stats::Stats::default()));
    let start = Instant::now() + Duration::from_secs_f64(plan.warmup.max(0.0));
    let window = Window { start, end: start + Duration::from_secs_f64(plan.seconds.max(0.0)) };
    let lanes: Vec<_> = desks
        .iter()
        .cloned()
        .map(|desk| {
            let run = LaneRun { http: http.clone(), desk, rental: args.rental.clone(), stats: stats.clone(), window };
            actix_web::rt::spawn(run.run())
        })
        .collect();
    let pg = pg_name.map(str::to_owned);
    let sampler = actix_web::rt::spawn(async move {
        let read = || Cpu {
            server: pid.and_then(procfs::cpu),
            pg_ours: pg.as_deref().and_then(|db| procfs::postgres_cpu(Some(db))),
            pg_all: pg.as_ref().and_then(|_| procfs::postgres_cpu(None)),
            bench: procfs::cpu(std::process::id()),
        };
        tokio::time::sleep_until(window.start.into()).await;
        let first = read();
        tokio::time::sleep_until(window.end.into()).await;
        read().since(&first)
    });
    for lane in lanes {
        match lane.await {
            Ok(Ok(())) => {}
            Ok(Err(err)) => stats.borrow_mut().error("lane", &err),
            Err(err) => stats.borrow_mut().error("lane", &err.to_string()),
        }
    }
    let cpu = sampler.await.map_err(|e| e.to_string())?;
    desk::close(http, &desks).await;
    let stats = std::mem::take(&mut *stats.borrow_mut());
    let lockers = plan.lockers.map(|l| format!(", {l} lockers")).unwrap_or_default();
    let label = format!("{label}, {} lanes, {} s, {}{lockers}", plan.lanes, plan.seconds, args.rental);
    let report = RunReport { label, seconds: plan.seconds, stats, cpu, mem_idle, mem_end: pid.and_then(procfs::memory) };
    report.print();
    if args.json {
        println!("{}", report.json());
    }
    Ok(())
}
