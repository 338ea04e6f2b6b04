//! The server under test: this same binary started as a child `serve` on a free local port
//! over a fresh database (its output to a log file, stopped at the end), or a running server
//! given by `--target` (and `--server-pid` to read its CPU and memory).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::client::Http;

/// Where the check-ins go.
pub struct Server {
    /// `http://host:port`
    pub base: String,
    /// the process to read `/proc` of, when known
    pub pid: Option<u32>,
    /// the server's log, when the bench started it
    pub log: Option<PathBuf>,
    child: Option<Child>,
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

impl Server {
    /// A running server at `base`.
    pub fn target(base: &str, pid: Option<u32>) -> Self {
        Self { base: base.trim_end_matches('/').to_owned(), pid, log: None, child: None }
    }

    /// Starts `<this binary> serve` over `database_url` on a free port; `label` names its log.
    pub fn spawn(database_url: &str, label: &str) -> Result<Self, String> {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
        let port = free_port()?;
        let log = std::env::temp_dir().join(format!("frontdesk-bench-{}-{label}.log", std::process::id()));
        let out = std::fs::File::create(&log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| e.to_string())?;
        let child = Command::new(exe)
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("FRONTDESK_ADDR", format!("127.0.0.1:{port}"))
            .env_remove("FRONTDESK_ALLOWED_ORIGINS")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let pid = child.id();
        Ok(Self { base: format!("http://127.0.0.1:{port}"), pid: Some(pid), log: Some(log), child: Some(child) })
    }

    /// Waits until `/readyz` answers 200 (30 s at most, or until the child exits).
    pub async fn ready(&mut self, http: &Http) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(answer) = http.get("/readyz", None).await
                && answer.status == 200
            {
                return Ok(());
            }
            if let Some(child) = &mut self.child
                && let Ok(Some(status)) = child.try_wait()
            {
                return Err(format!("the server exited ({status}); see {}", self.log_path()));
            }
            if Instant::now() > deadline {
                return Err(format!("the server at {} is not ready after 30 s; see {}", self.base, self.log_path()));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    fn log_path(&self) -> String {
        self.log.as_ref().map_or_else(|| "its log".to_owned(), |p| p.display().to_string())
    }

    /// Stops a server the bench started (SIGTERM, then SIGKILL after 5 s).
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else { return };
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        if let Ok(pid) = i32::try_from(child.id()) {
            // SAFETY: signals our own child, which has not been reaped yet.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}
