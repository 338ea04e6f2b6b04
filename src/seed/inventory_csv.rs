//! `frontdesk inventory import <file.csv>`: load a club's rooms and lockers.
//!
//! Format: a header line `kind,number,tier`, then one line per unit: `room,214,STANDARD` or
//! `locker,001,` (lockers have no tier). All lines are checked first; then all are inserted in
//! one transaction, so a bad file changes nothing.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::db::ids::{LockerId, RoomId};
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::inventory::{NewLocker, NewRoom};
use crate::db::{DbConn, write_tx};
use crate::domain::enums::{InventoryStatus, RoomType};
use crate::error::AppError;

/// One parsed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// a room with its tier
    Room(String, RoomType),
    /// a locker
    Locker(String),
}

/// A line that cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct CsvError {
    /// 1-based line number
    pub line: usize,
    /// what is wrong
    pub problem: String,
}

/// Parses the whole file; reports the first bad line.
pub fn parse(text: &str) -> Result<Vec<Unit>, CsvError> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    match lines.next() {
        Some((_, header)) if header.trim().eq_ignore_ascii_case("kind,number,tier") => {}
        _ => return Err(CsvError { line: 1, problem: "the first line must be the header kind,number,tier".into() }),
    }
    lines.map(|(i, l)| parse_line(l).map_err(|problem| CsvError { line: i + 1, problem })).collect()
}

fn parse_line(line: &str) -> Result<Unit, String> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    let [kind, number, tier] = fields[..] else {
        return Err(format!("expected 3 fields, found {}", fields.len()));
    };
    if number.is_empty() || number.len() > 10 || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(format!("{number:?} is not a valid unit number (1-10 letters or digits)"));
    }
    match kind.to_ascii_lowercase().as_str() {
        "room" => tier
            .to_ascii_uppercase()
            .parse()
            .map(|t| Unit::Room(number.to_owned(), t))
            .map_err(|_| format!("room tier must be STANDARD, DOUBLE or SPECIAL, not {tier:?}")),
        "locker" if tier.is_empty() => Ok(Unit::Locker(number.to_owned())),
        "locker" => Err("lockers have no tier; leave the third field empty".into()),
        _ => Err(format!("kind must be room or locker, not {kind:?}")),
    }
}

/// Inserts the units (all CLEAN) in one transaction with one audit event; returns
/// `(rooms, lockers)` added. A duplicate number refuses the whole import.
pub fn import(conn: &mut DbConn, units: &[Unit], now: DateTime<Utc>) -> Result<(usize, usize), AppError> {
    write_tx(conn, |conn| {
        let (mut rooms, mut lockers) = (0, 0);
        let status = InventoryStatus::Clean;
        for unit in units {
            match unit {
                Unit::Room(number, room_type) => {
                    let room_type = *room_type;
                    NewRoom {
                        id: RoomId::new(),
                        number,
                        room_type,
                        status,
                        last_status_change: now.into(),
                        created_at: now.into(),
                        updated_at: now.into(),
                    }
                    .insert(conn)?;
                    rooms += 1;
                }
                Unit::Locker(number) => {
                    NewLocker {
                        id: LockerId::new(),
                        number,
                        status,
                        last_status_change: now.into(),
                        created_at: now.into(),
                        updated_at: now.into(),
                    }
                    .insert(conn)?;
                    lockers += 1;
                }
            }
        }
        let summary = json!({ "rooms": rooms, "lockers": lockers });
        NewAuditEvent { actor: Actor::System, lane_id: None, action: "INVENTORY_IMPORTED", entity: None, summary, reason: None }
            .append(conn, now)?;
        Ok((rooms, lockers))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rooms_and_lockers() {
        let units = parse("kind,number,tier\nroom,214,standard\n\nlocker,001,\nROOM,216,DOUBLE\n").unwrap();
        assert_eq!(
            units,
            vec![Unit::Room("214".into(), RoomType::Standard), Unit::Locker("001".into()), Unit::Room("216".into(), RoomType::Double)]
        );
    }

    #[test]
    fn reports_the_first_bad_line() {
        assert_eq!(parse("room,1,STANDARD").unwrap_err().line, 1);
        let err = parse("kind,number,tier\nroom,214,STANDARD\nroom,215,DELUXE\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.problem.contains("DELUXE"));
        assert_eq!(parse("kind,number,tier\nlocker,001,STANDARD").unwrap_err().line, 2);
        assert_eq!(parse("kind,number,tier\nsauna,1,").unwrap_err().line, 2);
        assert_eq!(parse("kind,number,tier\nroom,2 14,STANDARD").unwrap_err().line, 2);
    }
}
