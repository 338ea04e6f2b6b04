-- The stay lifecycle after check-in (issue 12, spec flows.md §4–§5).

-- A stay's end: one row per visit, so two registers checking out the same stay at once end
-- with exactly one checkout (the second insert breaks the key and rolls back). The late fee
-- lands either as a PAID intent or in the customer's past-due balance, never both.
CREATE TABLE checkouts (
    id TEXT NOT NULL PRIMARY KEY,
    visit_id TEXT NOT NULL UNIQUE REFERENCES visits (id),
    checkin_block_id TEXT NOT NULL REFERENCES checkin_blocks (id),
    resource_type TEXT NOT NULL CHECK (resource_type IN ('ROOM', 'LOCKER')),
    resource_id TEXT NOT NULL,
    number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 10),
    minutes_late BIGINT NOT NULL CHECK (minutes_late >= 0),
    late_fee_cents BIGINT NOT NULL CHECK (late_fee_cents >= 0),
    fee_settlement TEXT NOT NULL CHECK (fee_settlement IN ('NONE', 'PAID', 'PAST_DUE')),
    payment_intent_id TEXT UNIQUE REFERENCES payment_intents (id),
    banned_until TEXT,
    staff_id TEXT NOT NULL REFERENCES staff (id),
    lane_id TEXT REFERENCES lanes (id),
    checked_out_at TEXT NOT NULL,
    CHECK ((late_fee_cents = 0) = (fee_settlement = 'NONE')),
    CHECK ((fee_settlement = 'PAID') = (payment_intent_id IS NOT NULL))
);
CREATE INDEX checkouts_at_idx ON checkouts (checked_out_at);

-- Every status change of a room or locker: who, when, from, to (cleaning times per employee,
-- the unit's history). Written in the same transaction as the change.
CREATE TABLE inventory_transitions (
    id TEXT NOT NULL PRIMARY KEY,
    resource_type TEXT NOT NULL CHECK (resource_type IN ('ROOM', 'LOCKER')),
    resource_id TEXT NOT NULL,
    from_status TEXT NOT NULL CHECK (from_status IN ('CLEAN', 'OCCUPIED', 'DIRTY', 'CLEANING', 'OUT_OF_ORDER')),
    to_status TEXT NOT NULL CHECK (to_status IN ('CLEAN', 'OCCUPIED', 'DIRTY', 'CLEANING', 'OUT_OF_ORDER')),
    cause TEXT NOT NULL CHECK (cause IN ('CHECKIN', 'CHECKOUT', 'CLEANING', 'OVERRIDE', 'UPGRADE')),
    staff_id TEXT REFERENCES staff (id),
    reason TEXT CHECK (length(reason) BETWEEN 1 AND 500),
    at TEXT NOT NULL,
    CHECK (from_status <> to_status),
    CHECK (cause <> 'OVERRIDE' OR (reason IS NOT NULL AND staff_id IS NOT NULL))
);
CREATE INDEX inventory_transitions_unit_idx ON inventory_transitions (resource_type, resource_id, at);
CREATE INDEX inventory_transitions_at_idx ON inventory_transitions (at);
CREATE TRIGGER inventory_transitions_no_update BEFORE UPDATE ON inventory_transitions
BEGIN SELECT RAISE(ABORT, 'inventory_transitions_immutable'); END;
CREATE TRIGGER checkouts_no_update BEFORE UPDATE ON checkouts
BEGIN SELECT RAISE(ABORT, 'checkouts_immutable'); END;
