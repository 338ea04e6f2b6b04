//! The reports' benchmark data (`frontdesk bench --reports`, `seed::year`): three generated
//! days inserted straight into the database add up, in every report, to what the generator
//! says it inserted.

use chrono::{NaiveDate, Utc};
use chrono_tz::America::Chicago;
use frontdesk::reports::{self, Range};
use frontdesk::seed::{demo, year};
use serde_json::Value;

use crate::both_backends;

both_backends!(
    fn three_generated_days_add_up_in_every_report(db) {
        let mut conn = db.conn();
        demo::seed(&mut conn, Utc::now()).unwrap();
        let first: NaiveDate = "2026-10-16".parse().unwrap();
        let spec = year::Spec { tz: Chicago, first_day: first, days: 3, visits_per_day: 40, seed: 7 };
        let seeded = year::seed(&mut conn, &spec).unwrap();
        assert!(seeded.visits > 80 && seeded.renewals > 0 && seeded.late_checkouts > 0, "{seeded:?}");
        // a day either side: payments come just before a signing, checkouts and cleanings after
        let range = Range::new(Chicago, first.pred_opt().unwrap(), "2026-10-20".parse().unwrap()).unwrap();
        let mut report = |name: &str| -> Value {
            serde_json::to_value(reports::compute(&mut conn, name, range, Utc::now()).unwrap().unwrap()).unwrap()
        };
        assert_eq!(report("visits")["total"], seeded.visits);
        let revenue = report("revenue");
        assert_eq!((revenue["total"]["payments"].clone(), revenue["total"]["cents"].clone()), (seeded.payments.into(), seeded.revenue_cents.into()));
        let late = &report("late_checkouts")["total"];
        assert_eq!(late["checkouts"], seeded.late_checkouts);
        assert_eq!(late["minutes_late"], seeded.minutes_late);
        assert_eq!(late["fee_cents"], seeded.late_fee_cents);
        assert_eq!(report("stay_length")["total"]["stays"], seeded.visits);
        assert_eq!(report("cleaning")["total"]["cleanings"], seeded.cleanings);
        assert_eq!(report("signatures")["total"], seeded.signatures);
        let waitlist = &report("waitlist")["total"];
        assert_eq!((waitlist["created"].clone(), waitlist["completed"].clone()), (seeded.waitlist.into(), seeded.upgrades.into()));
        assert!(report("occupancy")["all"]["occupied_minutes"].as_i64().unwrap() > 0);
    }
);
