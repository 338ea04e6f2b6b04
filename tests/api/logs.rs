//! Logs captured while signing in, stepping up and pairing contain no PIN and no token.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::json;

use crate::block_on;
use crate::client::*;
use crate::support::TestDb;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs (once) a process-wide subscriber that keeps every event at every level.
fn captured() -> Capture {
    static CAPTURE: OnceLock<Capture> = OnceLock::new();
    CAPTURE
        .get_or_init(|| {
            let capture = Capture::default();
            let writer = capture.clone();
            tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_writer(move || writer.clone()).with_ansi(false).init();
            capture
        })
        .clone()
}

#[test]
fn logs_never_contain_pins_or_tokens() {
    let capture = captured();
    let db = TestDb::sqlite();
    let secrets = block_on(async {
        let (app, _) = demo_app(&db).await;
        let manager = manager(&app).await;
        let (_, issued) = post(&app, "/api/lanes/lane-1/pairing-codes", Some(&manager), json!({})).await;
        let code = issued["code"].as_str().unwrap().to_owned();
        let (_, paired) = post(&app, "/api/devices/pair", None, json!({ "code": code, "name": "Kiosk", "bearer": true })).await;
        let kiosk = paired["token"].as_str().unwrap().to_owned();
        post(&app, "/api/auth/login", None, json!({ "login": "alex", "pin": "987654" })).await;
        let alex = login(&app, "alex", "222222").await;
        get(&app, "/api/lanes/lane-1", Some(&kiosk)).await;
        vec![manager, alex, kiosk, code, "111111".into(), "222222".into(), "987654".into()]
    });
    let text = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(text.contains("staff signed in"), "the capture saw the app's logs");
    for secret in secrets {
        assert!(!text.contains(&secret), "a secret reached the logs");
    }
}
