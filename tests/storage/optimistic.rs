//! Optimistic concurrency: two writers holding the same `version`, exactly one wins.

use std::sync::{Arc, Barrier};

use frontdesk::db::models::inventory::Room;
use frontdesk::domain::enums::InventoryStatus;

use crate::both_backends;
use crate::support::fixtures::{self as fx, at};

both_backends!(
    fn same_version_exactly_one_update_succeeds(db) {
        let room_id = fx::room(&mut db.conn(), "214");
        let version = Room::by_number(&mut db.conn(), "214").unwrap().version;
        let barrier = Arc::new(Barrier::new(2));
        let writers: Vec<_> = [InventoryStatus::Dirty, InventoryStatus::OutOfOrder]
            .into_iter()
            .map(|status| {
                let (mut conn, barrier) = (db.conn(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    Room::set_status_if_version(&mut conn, room_id, version, status, at(1)).unwrap()
                })
            })
            .collect();
        let wins: Vec<bool> = writers.into_iter().map(|w| w.join().unwrap()).collect();
        assert_eq!(wins.iter().filter(|w| **w).count(), 1, "{wins:?}");
        let after = Room::by_number(&mut db.conn(), "214").unwrap();
        assert_eq!(after.version, version + 1);
        let winner = if wins[0] { InventoryStatus::Dirty } else { InventoryStatus::OutOfOrder };
        assert_eq!(after.status, winner);
        // a stale writer keeps failing until it re-reads
        assert!(!Room::set_status_if_version(&mut db.conn(), room_id, version, InventoryStatus::Clean, at(2)).unwrap());
        assert!(Room::set_status_if_version(&mut db.conn(), room_id, version + 1, InventoryStatus::Clean, at(2)).unwrap());
    }
);
