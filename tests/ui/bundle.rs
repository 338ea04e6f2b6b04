//! The built screens as the binary serves them: every screen path answers with the page, its
//! assets are served with the right types and cache rules, and nothing secret is in them.

use actix_web::http::header;
use actix_web::test as aw;
use frontdesk::app::{self, AppState};
use frontdesk::db::pool;
use frontdesk::http::pages::Ui;
use frontdesk::seed::demo::DEMO_STAFF;

use crate::support::TestDb;

/// Every built file as text.
fn built_files() -> Vec<(String, String)> {
    Ui::iter()
        .map(|name| {
            let file = Ui::get(&name).expect("listed file exists");
            (name.to_string(), String::from_utf8_lossy(&file.data).into_owned())
        })
        .collect()
}

#[test]
fn the_bundle_holds_no_secret() {
    let files = built_files();
    let scripts = files.iter().filter(|(n, _)| n.ends_with(".js")).count();
    assert!(
        files.iter().any(|(n, _)| n == "index.html") && scripts >= 2,
        "the build is there: {:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    let pins: Vec<&str> = DEMO_STAFF.iter().map(|s| s.3).collect();
    for (name, text) in &files {
        for pin in &pins {
            assert!(!text.contains(pin), "{name} contains a demo PIN");
        }
        // session and device tokens start with these prefixes (access::credentials)
        for prefix in ["fds_", "fdd_"] {
            assert!(!text.contains(prefix), "{name} contains a token prefix {prefix}");
        }
        assert!(!name.ends_with(".map"), "{name}: no source maps are shipped");
    }
}

#[test]
fn the_bundle_loads_nothing_from_another_origin() {
    for (name, text) in built_files() {
        for needle in ["src=\"http", "href=\"http", "url(http", "@import", "fonts.googleapis", "cdn."] {
            assert!(!text.contains(needle), "{name} refers to another origin ({needle})");
        }
    }
}

#[actix_web::test]
async fn every_screen_path_serves_the_page_and_its_assets() {
    let db = TestDb::sqlite();
    let settings = {
        let mut s = frontdesk::config::Settings::from_env().expect("settings");
        s.database_url = db.url.clone();
        s.club_name = "Test Club".into();
        s.tz = chrono_tz::Europe::Madrid;
        s
    };
    let app = aw::init_service(app::build(AppState::new(pool::build(&db.url, 2, std::time::Duration::from_secs(2)), settings))).await;
    let mut page = String::new();
    for path in [
        "/",
        "/kiosk",
        "/register",
        "/housekeeping",
        "/manager",
        "/manager/signatures/0193",
        "/manager/signatures?customer=a",
        "/manager/verify",
        "/manager/reports?from=2026-12-01&to=2026-12-07",
    ] {
        let resp = aw::call_service(&app, aw::TestRequest::get().uri(path).to_request()).await;
        assert_eq!(resp.status(), 200, "{path}");
        assert_eq!(resp.headers().get(header::CACHE_CONTROL).unwrap(), "no-cache", "{path}");
        let csp = resp.headers().get("content-security-policy").unwrap().to_str().unwrap().to_owned();
        assert!(csp.starts_with("default-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
        page = String::from_utf8(aw::read_body(resp).await.to_vec()).unwrap();
        // the root is a plain div: each screen has its own single `main` landmark
        assert!(page.contains("<div id=\"app\">"), "{path}: {page}");
        assert!(!page.contains("<script>") && !page.contains("<style"), "no inline script or style (CSP)");
    }
    let assets: Vec<&str> = page.split('"').filter(|part| part.starts_with("/assets/")).collect();
    assert!(assets.len() >= 2, "the page links its script and stylesheet: {page}");
    for asset in assets {
        let resp = aw::call_service(&app, aw::TestRequest::get().uri(asset).to_request()).await;
        assert_eq!(resp.status(), 200, "{asset}");
        let kind = resp.headers().get(header::CONTENT_TYPE).unwrap().to_str().unwrap().to_owned();
        let expected = if asset.ends_with(".js") { "text/javascript" } else { "text/css" };
        assert!(kind.starts_with(expected), "{asset}: {kind}");
        assert_eq!(resp.headers().get(header::CACHE_CONTROL).unwrap(), "public, max-age=31536000, immutable");
    }
    let resp = aw::call_service(&app, aw::TestRequest::get().uri("/assets/missing-0000.js").to_request()).await;
    assert_eq!(resp.status(), 404);
    let body: serde_json::Value = aw::read_body_json(resp).await;
    assert_eq!(body["error"]["code"], "NOT_FOUND");

    let resp = aw::call_service(&app, aw::TestRequest::get().uri("/api/club").to_request()).await;
    assert_eq!(resp.status(), 200);
    let club: serde_json::Value = aw::read_body_json(resp).await;
    assert_eq!(club, serde_json::json!({ "name": "Test Club", "time_zone": "Europe/Madrid" }));
}
