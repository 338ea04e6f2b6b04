//! Readings from `/proc`: a process's CPU time (utime + stime) and memory (`VmRSS`,
//! `VmHWM`), and the CPU time of every `postgres` process together.

use std::time::Duration;

/// Clock ticks per second of `/proc/<pid>/stat`.
fn ticks_per_second() -> f64 {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: sysconf only reads a system constant.
        let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
        if ticks > 0 {
            return ticks as f64;
        }
    }
    100.0
}

/// `(comm, utime + stime)` of `pid`.
fn stat(pid: u32) -> Option<(String, u64)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // comm is in parentheses and may hold spaces: split after the last ')'
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let comm = text.get(open + 1..close)?.to_owned();
    let fields: Vec<&str> = text.get(close + 2..)?.split_whitespace().collect();
    // after comm: state is field 3; utime is 14 and stime 15 (1-based in proc(5))
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((comm, utime + stime))
}

/// CPU time used so far by `pid` (threads included).
pub fn cpu(pid: u32) -> Option<Duration> {
    stat(pid).map(|(_, ticks)| Duration::from_secs_f64(ticks as f64 / ticks_per_second()))
}

/// CPU time used so far by the processes named `postgres`: all of them (`database` `None`),
/// or only the backends serving `database` (their title, in `cmdline`, names it), which on
/// a shared machine leaves out other people's work.
pub fn postgres_cpu(database: Option<&str>) -> Option<Duration> {
    let mut ticks = 0u64;
    let mut found = false;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        let Some((comm, t)) = stat(pid) else { continue };
        if comm != "postgres" {
            continue;
        }
        let ours = database.is_none_or(|db| {
            let title = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            String::from_utf8_lossy(&title).split_whitespace().any(|word| word == db)
        });
        if ours {
            ticks += t;
            found = true;
        }
    }
    found.then(|| Duration::from_secs_f64(ticks as f64 / ticks_per_second()))
}

/// Memory of a process, in KiB.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Memory {
    /// resident now
    pub rss_kib: u64,
    /// resident at its highest
    pub hwm_kib: u64,
}

/// `VmRSS` and `VmHWM` of `pid`.
pub fn memory(pid: u32) -> Option<Memory> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        text.lines().find(|l| l.starts_with(name)).and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse::<u64>().ok())
    };
    Some(Memory { rss_kib: field("VmRSS:")?, hwm_kib: field("VmHWM:")? })
}

/// Raises this process's open-file limit to its hard limit (children inherit it); returns
/// the soft limit in force afterwards.
pub fn raise_nofile() -> Option<u64> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: getrlimit/setrlimit write and read the struct we own.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return None;
            }
            limit.rlim_cur = limit.rlim_max;
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                return None;
            }
        }
        return Some(limit.rlim_cur);
    }
    #[allow(unreachable_code)]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_this_process() {
        let me = std::process::id();
        assert!(cpu(me).is_some());
        let mem = memory(me).unwrap();
        assert!(mem.rss_kib > 0 && mem.hwm_kib >= mem.rss_kib);
    }
}
