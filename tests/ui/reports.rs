//! The managers' reports screen (`kiosk-ui/e2e/reports.mjs`, issue 16): three check-ins made
//! here through the HTTP API (two standard rooms, one locker; cash and card; two signed in
//! English, one in Spanish), then in the browser the Reports tab (all eight reports) over three days around today
//! on the club's clock. Here: the figures the page showed and the CSV files it downloaded
//! equal what this test generated; the screenshots exist.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::browser::{artifacts, run_script};
use crate::evidence::check_in_as;
use crate::node::available;
use crate::server::{TestServer, desk};

/// Cents as the screens write money (`$1,234.56`).
fn money(cents: i64) -> String {
    let dollars = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in dollars.chars().enumerate() {
        if i > 0 && (dollars.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("${grouped}.{:02}", cents % 100)
}

/// The last line of a CSV, split at its commas (the reports' TOTAL lines hold no quotes).
fn total_line(csv: &str) -> Vec<String> {
    let last = csv.lines().rfind(|l| !l.is_empty()).unwrap_or_default();
    last.split(',').map(str::to_owned).collect()
}

/// Strings of a JSON array of arrays.
fn cells(rows: &Value) -> Vec<Vec<String>> {
    rows.as_array().unwrap().iter().map(|r| r.as_array().unwrap().iter().map(|c| c.as_str().unwrap_or("").to_owned()).collect()).collect()
}

crate::both_backends! {
    fn manager_reads_the_reports_of_the_check_ins_made(db) {
        if !available(true) {
            return;
        }
        let mut conn = db.conn();
        frontdesk::seed::demo::seed(&mut conn, chrono::Utc::now()).expect("demo seed");
        let server = TestServer::start_live(db);
        let made = [("Rita Report", "STANDARD", "CASH", "EN"), ("Lou Locker", "LOCKER", "CARD", "ES"), ("Sol Standard", "STANDARD", "CARD", "EN")];
        let mut by_method: BTreeMap<&str, i64> = BTreeMap::new();
        let mut by_language: BTreeMap<&str, i64> = BTreeMap::new();
        let mut by_rental: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
        actix_web::rt::System::new().block_on(async {
            let desk = desk(&server).await;
            for (name, rental, method, language) in made {
                let cents = check_in_as(&server, &desk, name, rental, method, language).await;
                *by_method.entry(method).or_default() += cents;
                let r = by_rental.entry(rental).or_default();
                *r = (r.0 + 1, r.1 + cents);
                *by_language.entry(language).or_default() += 1;
            }
        });
        let result = run_script(&server, db, "reports.mjs", "reports");
        server.stop();
        let cents: i64 = by_method.values().sum();
        assert!(cents > 0, "the check-ins cost something: {by_method:?}");

        // the headline figures
        let f = &result["figures"];
        assert_eq!(f["visits"], "3", "{f}");
        assert_eq!(f["signatures"], "3", "{f}");
        assert_eq!(f["payments"], "3", "{f}");
        assert_eq!(f["revenue"], money(cents), "{f}");
        assert_eq!(f["late"], "0", "{f}");
        // the revenue table's total row: payments, cash, card, other, total
        let expected_row = ["Total".to_owned(), "3".into(), money(by_method["CASH"]), money(by_method["CARD"]), money(0), money(cents)];
        assert_eq!(cells(&Value::Array(vec![f["revenue_total_row"].clone()]))[0], expected_row, "{f}");
        // every payment was a check-in
        assert_eq!(cells(&f["purposes"]), vec![vec!["Check-in".to_owned(), "3".into(), money(cents)]]);
        // by rental bought: the locker, then the two standard rooms
        let rentals: Vec<Vec<String>> = [("Locker", "LOCKER"), ("Standard Room", "STANDARD")]
            .iter()
            .map(|(words, code)| vec![(*words).to_owned(), by_rental[code].0.to_string(), money(by_rental[code].1)])
            .collect();
        assert_eq!(cells(&f["rentals"]), rentals, "{f}");
        // the three stays are open: three units occupied at once, two rooms and a locker
        assert_eq!(f["occupancy_peak"], "3", "{f}");
        let peaks: BTreeMap<String, String> = cells(&f["occupancy_tiers"]).into_iter().map(|r| (r[0].clone(), r[3].clone())).collect();
        assert_eq!((peaks["Standard Room"].as_str(), peaks["Lockers"].as_str(), peaks["Double Room"].as_str()), ("2", "1", "0"), "{f}");
        assert_eq!(f["waitlist_created"], "0", "nobody waited for an upgrade");
        // signatures by language, one row each
        let mut groups = cells(&f["signature_groups"]);
        groups.sort();
        let version = groups.first().map(|g| g[0].split(',').next().unwrap_or("").to_owned()).unwrap_or_default();
        assert_eq!(groups, vec![vec![format!("{version}, English"), "2".into()], vec![format!("{version}, Spanish"), "1".into()]], "{f}");
        // a row and a bar per day; their visits sum to what was made, all on one day
        let days = cells(&f["visit_days"]);
        assert_eq!(days.len(), 3);
        let per_day: Vec<i64> = days.iter().map(|d| d[1].parse().unwrap()).collect();
        assert_eq!(per_day.iter().sum::<i64>(), 3);
        assert_eq!(per_day[1], 3, "today, the middle day: {days:?}");
        let bars: Vec<i64> = f["visit_bars"].as_array().unwrap().iter().map(|b| b["value"].as_i64().unwrap()).collect();
        assert_eq!(bars, per_day);
        let tallest = &f["visit_bars"][1];
        assert_eq!(tallest["title"], format!("{}: 3", days[1][0]), "the hover title names the day and its visits");
        let points: Vec<i64> = f["revenue_points"].as_array().unwrap().iter().map(|p| p.as_i64().unwrap()).collect();
        assert_eq!(points, vec![0, cents, 0]);

        // the CSV files the page downloaded: the same days, the same totals
        let (from, to) = (result["from"].as_str().unwrap(), result["to"].as_str().unwrap());
        let visits = &result["visits_csv"];
        assert_eq!(visits["href"], format!("/api/reports/visits?from={from}&to={to}&format=csv"));
        assert_eq!(visits["filename"], format!("visits-{from}-{to}.csv"));
        assert_eq!(total_line(visits["csv"].as_str().unwrap()), ["TOTAL", "3"]);
        let revenue = &result["revenue_csv"];
        assert_eq!(revenue["filename"], format!("revenue-{from}-{to}.csv"));
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        assert_eq!(total_line(revenue["csv"].as_str().unwrap()), ["TOTAL", "", "", "3", amount.as_str()]);

        for shot in ["manager-reports", "manager-reports-full", "manager-reports-refused", "manager-reports-es"] {
            assert!(artifacts(db, "reports").join(format!("{shot}.png")).exists(), "screenshot {shot}");
        }
    }
}
