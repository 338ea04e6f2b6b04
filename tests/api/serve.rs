//! The README's run command: `frontdesk serve --demo` on an empty database answers `/readyz`
//! with 200, on both backends. Runs the real binary on a free local port.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::both_backends;

/// A running `frontdesk serve --demo` child and its port; killed when dropped.
pub struct Server(pub Child, pub u16);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// One HTTP/1.0 GET; `None` while nothing listens yet.
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split(' ').nth(1)?.parse().ok()?;
    let body = response.split("\r\n\r\n").nth(1).unwrap_or_default().to_owned();
    Some((status, body))
}

/// Starts the real binary as `serve --demo` over `db` on a free local port (stdout piped).
pub fn demo_server(db: &crate::support::TestDb, log: &str) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args(["serve", "--demo"])
        .env("DATABASE_URL", &db.url)
        .env("FRONTDESK_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", log)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    Server(child, port)
}

both_backends!(
    fn serve_demo_is_ready_on_an_empty_database(db) {
        let mut server = demo_server(db, "warn");
        let port = server.1;
        let deadline = Instant::now() + Duration::from_secs(60);
        let ready = loop {
            if let Some(answer) = get(port, "/readyz") {
                break answer;
            }
            assert!(Instant::now() < deadline, "serve did not answer within 60 s");
            assert!(server.0.try_wait().unwrap().is_none(), "serve exited early");
            std::thread::sleep(Duration::from_millis(50));
        };
        assert_eq!(ready.0, 200, "{}", ready.1);
        assert!(ready.1.contains("\"status\":\"ready\""));
        let mut conn = db.conn();
        assert_eq!(frontdesk::db::models::inventory::counts(&mut conn).unwrap(), (55, 108));
        server.0.kill().unwrap();
        let mut out = String::new();
        server.0.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        assert!(out.contains("manager") && out.contains("111111"), "the demo banner lists the sign-ins: {out}");
    }
);
