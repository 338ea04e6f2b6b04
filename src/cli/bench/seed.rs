//! A fresh database for one run (SQLite in a temporary folder, or a new PostgreSQL
//! database dropped afterwards), migrated and filled before the server starts: the demo
//! club, lanes up to `lane-N`, extra free lockers, and one paired kiosk per lane.

use chrono::Utc;
use diesel::prelude::*;

use crate::db::ids::DeviceId;
use crate::db::models::device::{Device, NewDevice};
use crate::db::models::staff::Staff;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, migrate, pool};
use crate::domain::enums::InventoryStatus;
use crate::security::token::{self, TokenKind};
use crate::seed::inventory_csv::{self, Unit};
use crate::seed::{demo, setup};

/// Which database a spawned server gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
pub enum Backend {
    /// a SQLite file in a temporary folder
    Sqlite,
    /// a new database on the PostgreSQL server
    Postgres,
}

/// The PostgreSQL server the bench creates its databases on: `--database-url`, else
/// `TEST_DATABASE_URL`, else `DATABASE_URL` when it is PostgreSQL, else the local default.
pub fn admin_url(given: Option<&str>) -> String {
    let env = |name| std::env::var(name).ok().filter(|v| v.starts_with("postgres"));
    given
        .map(str::to_owned)
        .or_else(|| env("TEST_DATABASE_URL"))
        .or_else(|| env("DATABASE_URL"))
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// Whether a PostgreSQL server answers at `admin`.
pub fn postgres_answers(admin: &str) -> bool {
    pool::establish(admin).is_ok()
}

/// One run's database; removed or dropped when this goes away.
pub struct FreshDb {
    /// the URL the server gets
    pub url: String,
    dir: Option<std::path::PathBuf>,
    pg: Option<(String, String)>,
}

impl FreshDb {
    /// The PostgreSQL database's name (`None` for SQLite).
    pub fn pg_name(&self) -> Option<&str> {
        self.pg.as_ref().map(|(_, name)| name.as_str())
    }

    /// Creates an empty database named after this process and `run`.
    pub fn create(backend: Backend, admin: &str, run: usize) -> Result<Self, String> {
        let name = format!("bench_{}_{run}", std::process::id());
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("frontdesk-{name}"));
                std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
                Ok(Self { url: format!("sqlite://{}/bench.db", dir.display()), dir: Some(dir), pg: None })
            }
            Backend::Postgres => {
                let mut conn = pool::establish(admin).map_err(|e| format!("PostgreSQL at {}: {e}", crate::config::redact_url(admin)))?;
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .map_err(|e| format!("CREATE DATABASE {name}: {e}"))?;
                let mut url = url::Url::parse(admin).map_err(|e| format!("the PostgreSQL URL: {e}"))?;
                url.set_path(&name);
                Ok(Self { url: url.to_string(), dir: None, pg: Some((admin.to_owned(), name)) })
            }
        }
    }
}

impl Drop for FreshDb {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some((admin, name)) = &self.pg
            && let Ok(mut conn) = pool::establish(admin)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn);
        }
    }
}

/// What the club needs for a run.
pub struct ClubSpec {
    /// lanes `lane-1` ..= `lane-N`
    pub lanes: usize,
    /// exactly this many free lockers (the demo has 108)
    pub lockers: Option<usize>,
}

/// Migrates and seeds `url`; returns each lane's kiosk token, in lane order.
pub fn seed(url: &str, spec: &ClubSpec) -> Result<Vec<String>, String> {
    let mut conn = pool::establish(url).map_err(|e| e.to_string())?;
    migrate::run_pending(&mut conn).map_err(|e| e.to_string())?;
    let now = Utc::now();
    demo::seed(&mut conn, now).map_err(|e| e.to_string())?;
    for i in 3..=spec.lanes {
        setup::add_lane(&mut conn, &format!("lane-{i}"), &format!("Lane {i}"), now).map_err(|e| e.to_string())?;
    }
    if let Some(wanted) = spec.lockers {
        add_lockers(&mut conn, wanted)?;
    }
    let (manager, _) = Staff::by_login(&mut conn, "manager").map_err(|e| e.to_string())?.ok_or("the demo manager is missing")?;
    (1..=spec.lanes)
        .map(|i| {
            let (lane, secret) = (format!("lane-{i}"), token::generate(TokenKind::Device));
            let digest = token::digest(&secret);
            let name = format!("bench kiosk {lane}");
            let new = NewDevice {
                id: DeviceId::new(),
                lane_id: &lane,
                name: &name,
                token_sha256: &digest,
                paired_by_staff_id: manager.id,
                paired_at: Ts(now),
            };
            Device::insert(&mut conn, &new).map_err(|e| e.to_string())?;
            Ok(secret)
        })
        .collect()
}

/// Makes exactly `wanted` lockers free: adds clean lockers `B00001`, ... when there are
/// fewer, or puts the highest-numbered ones OUT_OF_ORDER when there are more.
fn add_lockers(conn: &mut DbConn, wanted: usize) -> Result<(), String> {
    use crate::db::schema::lockers;
    let numbers: Vec<String> = lockers::table.select(lockers::number).order(lockers::number).load(conn).map_err(|e| e.to_string())?;
    if let Some(extra) = numbers.get(wanted..) {
        diesel::update(lockers::table.filter(lockers::number.eq_any(extra)))
            .set(lockers::status.eq(InventoryStatus::OutOfOrder))
            .execute(conn)
            .map_err(|e| e.to_string())?;
    }
    let units: Vec<Unit> = (1..=wanted.saturating_sub(numbers.len())).map(|i| Unit::Locker(format!("B{i:05}"))).collect();
    inventory_csv::import(conn, &units, Utc::now()).map_err(|e| e.to_string())?;
    Ok(())
}
