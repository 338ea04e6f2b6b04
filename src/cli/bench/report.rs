//! Printing a run: a plain-text table (or one JSON object per run with `--json`).

use std::time::Duration;

use serde_json::json;

use super::idle::IdleReport;
use super::procfs::Memory;
use super::stats::{STEPS, Stats, percentiles};

/// CPU time used, read at the start and the end of the window.
#[derive(Debug, Default, Clone, Copy)]
pub struct Cpu {
    /// the server process
    pub server: Option<Duration>,
    /// the PostgreSQL backends of the run's database
    pub pg_ours: Option<Duration>,
    /// every postgres process on the machine
    pub pg_all: Option<Duration>,
    /// the bench itself (the client)
    pub bench: Option<Duration>,
}

impl Cpu {
    /// What was used since `start`.
    pub fn since(&self, start: &Cpu) -> Cpu {
        let delta = |a: Option<Duration>, b: Option<Duration>| Some(b?.saturating_sub(a?));
        Cpu {
            server: delta(start.server, self.server),
            pg_ours: delta(start.pg_ours, self.pg_ours),
            pg_all: delta(start.pg_all, self.pg_all),
            bench: delta(start.bench, self.bench),
        }
    }
}

/// One check-in run's results.
pub struct RunReport {
    /// what ran, e.g. `sqlite, 50 lanes, 15 s`
    pub label: String,
    /// measured seconds
    pub seconds: f64,
    /// what the lanes measured
    pub stats: Stats,
    /// CPU used over the window
    pub cpu: Cpu,
    /// server memory before the lanes opened
    pub mem_idle: Option<Memory>,
    /// server memory at the end
    pub mem_end: Option<Memory>,
}

fn cells(p: Option<[f64; 4]>) -> String {
    match p {
        Some([p50, p95, p99, max]) => format!("{p50:>8.2} {p95:>8.2} {p99:>8.2} {max:>8.2}"),
        None => format!("{:>8} {:>8} {:>8} {:>8}", "-", "-", "-", "-"),
    }
}

fn per_check_in(cpu: Option<Duration>, done: u64) -> Option<f64> {
    cpu.filter(|_| done > 0).map(|c| c.as_secs_f64() * 1000.0 / done as f64)
}

fn mem(m: Option<Memory>) -> String {
    m.map_or_else(|| "-".into(), |m| format!("RSS {:.1} MiB (peak {:.1} MiB)", m.rss_kib as f64 / 1024.0, m.hwm_kib as f64 / 1024.0))
}

fn opt(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "-".into(), |v| format!("{v:.2} {unit}"))
}

impl RunReport {
    /// Check-ins per second in the window.
    pub fn rate(&self) -> f64 {
        if self.seconds > 0.0 { self.stats.completed as f64 / self.seconds } else { 0.0 }
    }

    /// The table.
    pub fn print(&self) {
        let s = &self.stats;
        println!("\n== check-ins: {}", self.label);
        println!("check-ins/s {:.2}  ({} in the {:.0} s window, {} in all)", self.rate(), s.completed, self.seconds, s.completed_total);
        println!(
            "{:<16} {:>6} | {:^35} | {:^35}",
            "step (ms)", "n", "HTTP answer p50 p95 p99 max", "view on the other screen p50 p95 p99 max"
        );
        for (i, name) in STEPS.iter().enumerate() {
            let step = s.steps.get(&i).cloned().unwrap_or_default();
            println!("{name:<16} {:>6} | {} | {}", step.http.len(), cells(percentiles(&step.http)), cells(percentiles(&step.view)));
        }
        let all = s.all();
        println!("{:<16} {:>6} | {} | {}", "all steps", all.http.len(), cells(percentiles(&all.http)), cells(percentiles(&all.view)));
        let per = |cpu| opt(per_check_in(cpu, s.completed), "ms");
        println!("CPU per check-in: server {}; bench client {}", per(self.cpu.server), per(self.cpu.bench));
        if self.cpu.pg_all.is_some() {
            println!(
                "PostgreSQL CPU per check-in: {} (this database's backends), {} (every postgres process)",
                per(self.cpu.pg_ours),
                per(self.cpu.pg_all)
            );
        }
        println!("server memory: idle {}; end {}", mem(self.mem_idle), mem(self.mem_end));
        if s.errors.is_empty() {
            println!("errors: none");
        } else {
            println!("errors (step: status code):");
            for (key, n) in &s.errors {
                println!("  {n:>6}  {key}");
            }
        }
    }

    /// One JSON object.
    pub fn json(&self) -> serde_json::Value {
        let s = &self.stats;
        let steps: Vec<_> = STEPS
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let step = s.steps.get(&i).cloned().unwrap_or_default();
                json!({ "step": name, "n": step.http.len(), "http_ms": percentiles(&step.http), "view_ms": percentiles(&step.view) })
            })
            .collect();
        json!({
            "run": self.label, "check_ins_per_s": self.rate(), "completed": s.completed, "seconds": self.seconds,
            "steps": steps, "errors": s.errors,
            "server_cpu_ms_per_check_in": per_check_in(self.cpu.server, s.completed),
            "bench_cpu_ms_per_check_in": per_check_in(self.cpu.bench, s.completed),
            "postgres_cpu_ms_per_check_in": per_check_in(self.cpu.pg_ours, s.completed),
            "all_postgres_cpu_ms_per_check_in": per_check_in(self.cpu.pg_all, s.completed),
            "memory_idle": self.mem_idle, "memory_end": self.mem_end,
        })
    }
}

/// Prints an idle-sockets run.
pub fn print_idle(label: &str, r: &IdleReport) {
    println!("\n== idle sockets: {label}");
    println!(
        "sockets: {} of {} open in {:.1} s; {} refused{}",
        r.opened,
        r.wanted,
        r.open_secs,
        r.failed,
        r.first_failure.as_ref().map(|f| format!(" (first: {f})")).unwrap_or_default()
    );
    println!("server memory: before {}; with the sockets {}", mem(r.before), mem(r.after));
    println!("server RSS per socket: {}", opt(r.bytes_per_socket().map(|b| b / 1024.0), "KiB"));
    println!(
        "one change to all: {} of {} sockets; from the request: first {}, median {}, last {}; from the server's `at`: last {}; HTTP answer {}",
        r.reached,
        r.opened,
        opt(r.first_ms, "ms"),
        opt(r.median_ms, "ms"),
        opt(r.last_ms, "ms"),
        opt(r.last_after_server_ms, "ms"),
        opt(r.answer_ms, "ms")
    );
    if r.hold_secs > 0.0 {
        println!(
            "server CPU while idle ({:.0} s): {}; sockets closed by the server by then: {}",
            r.hold_secs,
            opt(r.idle_cpu_ms_per_s, "ms/s"),
            r.lost
        );
    }
}
