//! The integrity checks of spec/domain.md (`frontdesk validate`). Each returns a count of
//! offending rows; every count must be 0 on a healthy database.

use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::DbConn;
use super::ids::SignatureId;
use super::models::{agreement::sha256_hex, audit_event::verify_chain};
use super::schema::agreement_signatures;
use crate::domain::audit_chain::ChainReport;
use crate::domain::enums::LaneSessionStatus;

/// One named check and how many rows break it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckResult {
    /// stable name, e.g. `two_live_sessions_on_one_lane`
    pub name: &'static str,
    /// offending rows (0 = healthy)
    pub count: i64,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn live_list() -> String {
    LaneSessionStatus::LIVE.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ")
}

/// The checks that are plain SQL, as `(name, query returning one column n)`.
fn sql_checks() -> Vec<(&'static str, String)> {
    let live = live_list();
    let latest_block = "NOT EXISTS (SELECT 1 FROM checkin_blocks later WHERE later.visit_id = b.visit_id AND later.ends_at > b.ends_at)";
    vec![
        ("two_live_sessions_on_one_lane", format!(
            "SELECT COUNT(*) AS n FROM (SELECT lane_id FROM lane_sessions WHERE status IN ({live}) GROUP BY lane_id HAVING COUNT(*) > 1) t")),
        ("resource_with_two_unreleased_holds", "SELECT COUNT(*) AS n FROM (SELECT resource_id FROM inventory_holds WHERE released_at IS NULL GROUP BY resource_type, resource_id HAVING COUNT(*) > 1) t".into()),
        ("occupied_room_without_its_open_block", format!(
            "SELECT COUNT(*) AS n FROM rooms r WHERE r.status = 'OCCUPIED' AND NOT EXISTS (SELECT 1 FROM checkin_blocks b JOIN visits v ON v.id = b.visit_id \
             WHERE b.id = r.current_block_id AND b.room_id = r.id AND v.ended_at IS NULL AND v.customer_id = r.assigned_to_customer_id AND {latest_block})")),
        ("occupied_locker_without_its_open_block", format!(
            "SELECT COUNT(*) AS n FROM lockers r WHERE r.status = 'OCCUPIED' AND NOT EXISTS (SELECT 1 FROM checkin_blocks b JOIN visits v ON v.id = b.visit_id \
             WHERE b.id = r.current_block_id AND b.locker_id = r.id AND v.ended_at IS NULL AND v.customer_id = r.assigned_to_customer_id AND {latest_block})")),
        ("open_block_whose_resource_is_not_occupied_by_the_customer", format!(
            "SELECT COUNT(*) AS n FROM checkin_blocks b JOIN visits v ON v.id = b.visit_id WHERE v.ended_at IS NULL AND {latest_block} \
             AND NOT EXISTS (SELECT 1 FROM rooms r WHERE r.id = b.room_id AND r.status = 'OCCUPIED' AND r.assigned_to_customer_id = v.customer_id) \
             AND NOT EXISTS (SELECT 1 FROM lockers l WHERE l.id = b.locker_id AND l.status = 'OCCUPIED' AND l.assigned_to_customer_id = v.customer_id)")),
        ("unit_occupied_by_an_ended_visit", "SELECT COUNT(*) AS n FROM checkin_blocks b JOIN visits v ON v.id = b.visit_id WHERE v.ended_at IS NOT NULL AND (\
             EXISTS (SELECT 1 FROM rooms r WHERE r.current_block_id = b.id) OR EXISTS (SELECT 1 FROM lockers l WHERE l.current_block_id = b.id))".into()),
        ("dirty_cleaning_or_out_of_order_unit_held", "SELECT COUNT(*) AS n FROM inventory_holds h WHERE h.released_at IS NULL AND (\
             (h.resource_type = 'ROOM' AND EXISTS (SELECT 1 FROM rooms r WHERE r.id = h.resource_id AND r.status IN ('DIRTY', 'CLEANING', 'OUT_OF_ORDER'))) OR \
             (h.resource_type = 'LOCKER' AND EXISTS (SELECT 1 FROM lockers l WHERE l.id = h.resource_id AND l.status IN ('DIRTY', 'CLEANING', 'OUT_OF_ORDER'))))".into()),
        ("checkout_of_a_visit_still_open", "SELECT COUNT(*) AS n FROM checkouts c JOIN visits v ON v.id = c.visit_id WHERE v.ended_at IS NULL".into()),
        ("open_visit_without_a_block", "SELECT COUNT(*) AS n FROM visits v WHERE v.ended_at IS NULL AND NOT EXISTS (SELECT 1 FROM checkin_blocks b WHERE b.visit_id = v.id)".into()),
        ("customer_with_two_open_visits", "SELECT COUNT(*) AS n FROM (SELECT customer_id FROM visits WHERE ended_at IS NULL GROUP BY customer_id HAVING COUNT(*) > 1) t".into()),
        ("block_that_starts_at_or_after_its_end", "SELECT COUNT(*) AS n FROM checkin_blocks WHERE starts_at >= ends_at".into()),
        ("blocks_overlapping_in_one_visit", "SELECT COUNT(*) AS n FROM checkin_blocks a JOIN checkin_blocks b ON a.visit_id = b.visit_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at".into()),
        ("paid_lane_intent_on_a_session_neither_completed_nor_live", format!(
            "SELECT COUNT(*) AS n FROM payment_intents p JOIN lane_sessions s ON s.id = p.lane_session_id WHERE p.status = 'PAID' AND s.status NOT IN ('COMPLETED', {live})")),
        ("unreleased_hold_that_nothing_uses", format!(
            "SELECT COUNT(*) AS n FROM inventory_holds h WHERE h.released_at IS NULL AND NOT EXISTS (\
             SELECT 1 FROM lane_sessions s WHERE s.id = h.lane_session_id AND s.status IN ({live})) AND NOT EXISTS (\
             SELECT 1 FROM waitlist w WHERE w.id = h.waitlist_id AND w.status = 'OFFERED')")),
        ("hold_on_a_resource_that_does_not_exist", "SELECT COUNT(*) AS n FROM inventory_holds h WHERE \
             (h.resource_type = 'ROOM' AND NOT EXISTS (SELECT 1 FROM rooms r WHERE r.id = h.resource_id)) OR \
             (h.resource_type = 'LOCKER' AND NOT EXISTS (SELECT 1 FROM lockers l WHERE l.id = h.resource_id))".into()),
        ("offered_entry_without_its_upgrade_hold", "SELECT COUNT(*) AS n FROM waitlist w WHERE w.status = 'OFFERED' AND NOT EXISTS (\
             SELECT 1 FROM inventory_holds h WHERE h.waitlist_id = w.id AND h.kind = 'UPGRADE_HOLD' AND h.released_at IS NULL \
             AND h.resource_type = 'ROOM' AND h.resource_id = w.room_id)".into()),
        ("upgrade_hold_without_its_offer", "SELECT COUNT(*) AS n FROM inventory_holds h WHERE h.kind = 'UPGRADE_HOLD' AND h.released_at IS NULL AND NOT EXISTS (\
             SELECT 1 FROM waitlist w WHERE w.id = h.waitlist_id AND w.status = 'OFFERED' AND w.room_id = h.resource_id)".into()),
        ("unreleased_hold_on_an_occupied_unit", "SELECT COUNT(*) AS n FROM inventory_holds h WHERE h.released_at IS NULL AND (\
             (h.resource_type = 'ROOM' AND EXISTS (SELECT 1 FROM rooms r WHERE r.id = h.resource_id AND r.status = 'OCCUPIED')) OR \
             (h.resource_type = 'LOCKER' AND EXISTS (SELECT 1 FROM lockers l WHERE l.id = h.resource_id AND l.status = 'OCCUPIED')))".into()),
        ("open_waitlist_entry_of_an_ended_visit", "SELECT COUNT(*) AS n FROM waitlist w JOIN visits v ON v.id = w.visit_id \
             WHERE w.status IN ('ACTIVE', 'OFFERED') AND v.ended_at IS NOT NULL".into()),
        ("completed_upgrade_without_its_paid_fee", "SELECT COUNT(*) AS n FROM waitlist w WHERE w.status = 'COMPLETED' AND NOT EXISTS (\
             SELECT 1 FROM charges c JOIN payment_intents p ON p.id = c.payment_intent_id \
             WHERE c.visit_id = w.visit_id AND c.kind = 'UPGRADE_FEE' AND p.status = 'PAID')".into()),
        ("signature_text_differs_from_its_agreement_version", "SELECT COUNT(*) AS n FROM agreement_signatures s JOIN agreements a ON a.id = s.agreement_id \
             WHERE s.agreement_text_sha256 <> a.body_sha256".into()),
    ]
}

/// Runs every check, in a fixed order.
pub fn run_all(conn: &mut DbConn) -> QueryResult<Vec<CheckResult>> {
    let mut results = Vec::new();
    for (name, sql) in sql_checks() {
        let count = diesel::sql_query(sql).get_result::<Count>(conn)?.n;
        results.push(CheckResult { name, count });
    }
    results.push(CheckResult { name: "signature_text_hash_mismatch", count: signature_hash_mismatches(conn)? });
    let broken = matches!(verify_chain(conn)?, ChainReport::Broken { .. });
    results.push(CheckResult { name: "audit_hash_chain_broken", count: i64::from(broken) });
    Ok(results)
}

/// Recomputes SHA-256 of every snapshot, a page at a time.
fn signature_hash_mismatches(conn: &mut DbConn) -> QueryResult<i64> {
    const PAGE: i64 = 200;
    let (mut bad, mut after) = (0i64, None::<SignatureId>);
    loop {
        let mut query = agreement_signatures::table
            .select((agreement_signatures::id, agreement_signatures::agreement_text_snapshot, agreement_signatures::agreement_text_sha256))
            .order(agreement_signatures::id)
            .limit(PAGE)
            .into_boxed();
        if let Some(last) = after {
            query = query.filter(agreement_signatures::id.gt(last));
        }
        let rows: Vec<(SignatureId, String, String)> = query.load(conn)?;
        let Some((last, _, _)) = rows.last() else { return Ok(bad) };
        after = Some(*last);
        bad += rows.iter().filter(|(_, text, sha)| sha256_hex(text) != *sha).count() as i64;
    }
}
