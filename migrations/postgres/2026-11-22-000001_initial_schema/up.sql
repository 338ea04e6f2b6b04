-- frontdesk initial schema (PostgreSQL twin of migrations/sqlite/<same name>).
-- Every invariant of spec/domain.md that a database can hold is held here:
-- CHECKs for enumerations and shapes, partial unique indexes for "at most one",
-- an exclusion constraint for non-overlapping blocks, triggers for immutable evidence.

-- btree_gist lets the exclusion constraint on checkin_blocks compare visit ids with =.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- ---------------------------------------------------------------- people and places
CREATE TABLE customers (
    id UUID NOT NULL PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    dob DATE,
    membership_number TEXT CHECK (length(membership_number) BETWEEN 1 AND 50),
    membership_card_type TEXT NOT NULL DEFAULT 'NONE' CHECK (membership_card_type IN ('NONE', 'SIX_MONTH')),
    membership_valid_until DATE,
    id_scan_hash TEXT CHECK (length(id_scan_hash) = 64),
    id_number_hash TEXT CHECK (length(id_number_hash) = 64),
    id_expires_on DATE,
    id_state TEXT CHECK (length(id_state) BETWEEN 1 AND 3),
    primary_language TEXT CHECK (primary_language IN ('EN', 'ES')),
    banned_until TIMESTAMPTZ,
    past_due_cents BIGINT NOT NULL DEFAULT 0 CHECK (past_due_cents >= 0),
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX customers_membership_number_idx ON customers (membership_number) WHERE membership_number IS NOT NULL;
CREATE INDEX customers_id_scan_hash_idx ON customers (id_scan_hash) WHERE id_scan_hash IS NOT NULL;
CREATE INDEX customers_id_number_hash_idx ON customers (id_number_hash) WHERE id_number_hash IS NOT NULL;
CREATE INDEX customers_dob_idx ON customers (dob) WHERE dob IS NOT NULL;

CREATE TABLE lanes (
    id TEXT NOT NULL PRIMARY KEY CHECK (id ~ '^lane-[1-9][0-9]{0,3}$'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    -- per-lane revision of what the screens show; only ever increases (realtime.md)
    rev BIGINT NOT NULL DEFAULT 0 CHECK (rev >= 0),
    created_at TIMESTAMPTZ NOT NULL
);

-- ---------------------------------------------------------------- staff and devices
CREATE TABLE staff (
    id UUID NOT NULL PRIMARY KEY,
    login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 50),
    display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role TEXT NOT NULL CHECK (role IN ('STAFF', 'MANAGER')),
    pin_hash TEXT NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    failed_pin_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_pin_attempts >= 0),
    locked_until TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE staff_sessions (
    id UUID NOT NULL PRIMARY KEY,
    staff_id UUID NOT NULL REFERENCES staff (id),
    token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    step_up_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    user_agent TEXT,
    CHECK (created_at < expires_at)
);
CREATE INDEX staff_sessions_staff_idx ON staff_sessions (staff_id);

CREATE TABLE devices (
    id UUID NOT NULL PRIMARY KEY,
    lane_id TEXT NOT NULL REFERENCES lanes (id),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
    paired_by_staff_id UUID NOT NULL REFERENCES staff (id),
    paired_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    revoked_by_staff_id UUID REFERENCES staff (id)
);

CREATE TABLE device_pairing_codes (
    id UUID NOT NULL PRIMARY KEY,
    lane_id TEXT NOT NULL REFERENCES lanes (id),
    code_sha256 TEXT NOT NULL UNIQUE CHECK (length(code_sha256) = 64),
    created_by_staff_id UUID NOT NULL REFERENCES staff (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    redeemed_at TIMESTAMPTZ,
    device_id UUID REFERENCES devices (id),
    CHECK ((redeemed_at IS NULL) = (device_id IS NULL)),
    CHECK (created_at < expires_at)
);

CREATE TABLE register_sessions (
    id UUID NOT NULL PRIMARY KEY,
    lane_id TEXT NOT NULL REFERENCES lanes (id),
    staff_id UUID NOT NULL REFERENCES staff (id),
    staff_session_id UUID NOT NULL REFERENCES staff_sessions (id),
    register_device_key TEXT NOT NULL CHECK (length(register_device_key) BETWEEN 8 AND 100),
    started_at TIMESTAMPTZ NOT NULL,
    ended_at TIMESTAMPTZ,
    ended_by_staff_id UUID REFERENCES staff (id),
    end_reason TEXT CHECK (end_reason IN ('SIGN_OUT', 'FORCED', 'EXPIRED', 'REPLACED')),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE UNIQUE INDEX register_sessions_one_per_lane ON register_sessions (lane_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX register_sessions_one_per_device ON register_sessions (register_device_key) WHERE ended_at IS NULL;

-- ---------------------------------------------------------------- inventory and stays
CREATE TABLE rooms (
    id UUID NOT NULL PRIMARY KEY,
    number TEXT NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 10),
    type TEXT NOT NULL CHECK (type IN ('STANDARD', 'DOUBLE', 'SPECIAL')),
    status TEXT NOT NULL DEFAULT 'CLEAN' CHECK (status IN ('CLEAN', 'OCCUPIED', 'DIRTY', 'CLEANING', 'OUT_OF_ORDER')),
    assigned_to_customer_id UUID REFERENCES customers (id),
    current_block_id UUID,
    override_flag BOOLEAN NOT NULL DEFAULT FALSE,
    last_status_change TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- OCCUPIED <=> assigned to a customer through exactly one current block
    CHECK ((status = 'OCCUPIED') = (assigned_to_customer_id IS NOT NULL)),
    CHECK ((assigned_to_customer_id IS NULL) = (current_block_id IS NULL))
);
CREATE UNIQUE INDEX rooms_current_block_unique ON rooms (current_block_id) WHERE current_block_id IS NOT NULL;

CREATE TABLE lockers (
    id UUID NOT NULL PRIMARY KEY,
    number TEXT NOT NULL UNIQUE CHECK (length(number) BETWEEN 1 AND 10),
    status TEXT NOT NULL DEFAULT 'CLEAN' CHECK (status IN ('CLEAN', 'OCCUPIED', 'DIRTY', 'CLEANING', 'OUT_OF_ORDER')),
    assigned_to_customer_id UUID REFERENCES customers (id),
    current_block_id UUID,
    override_flag BOOLEAN NOT NULL DEFAULT FALSE,
    last_status_change TIMESTAMPTZ NOT NULL,
    version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'OCCUPIED') = (assigned_to_customer_id IS NOT NULL)),
    CHECK ((assigned_to_customer_id IS NULL) = (current_block_id IS NULL))
);
CREATE UNIQUE INDEX lockers_current_block_unique ON lockers (current_block_id) WHERE current_block_id IS NOT NULL;

CREATE TABLE visits (
    id UUID NOT NULL PRIMARY KEY,
    customer_id UUID NOT NULL REFERENCES customers (id),
    started_at TIMESTAMPTZ NOT NULL,
    ended_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX visits_one_open_per_customer ON visits (customer_id) WHERE ended_at IS NULL;

CREATE TABLE waitlist (
    id UUID NOT NULL PRIMARY KEY,
    visit_id UUID NOT NULL REFERENCES visits (id),
    checkin_block_id UUID NOT NULL,
    desired_tier TEXT NOT NULL CHECK (desired_tier IN ('STANDARD', 'DOUBLE', 'SPECIAL')),
    backup_tier TEXT NOT NULL CHECK (backup_tier IN ('LOCKER', 'GYM_LOCKER', 'STANDARD', 'DOUBLE', 'SPECIAL')),
    status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'OFFERED', 'COMPLETED', 'CANCELLED', 'EXPIRED')),
    room_id UUID REFERENCES rooms (id),
    offer_expires_at TIMESTAMPTZ,
    last_offered_at TIMESTAMPTZ,
    offer_attempts INTEGER NOT NULL DEFAULT 0 CHECK (offer_attempts >= 0),
    cancel_reason TEXT,
    ended_at TIMESTAMPTZ,
    version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'OFFERED') = (room_id IS NOT NULL AND offer_expires_at IS NOT NULL))
);
CREATE INDEX waitlist_open_idx ON waitlist (desired_tier, created_at) WHERE status IN ('ACTIVE', 'OFFERED');
CREATE UNIQUE INDEX waitlist_one_open_per_visit ON waitlist (visit_id) WHERE status IN ('ACTIVE', 'OFFERED');
CREATE UNIQUE INDEX waitlist_one_offer_per_room ON waitlist (room_id) WHERE status = 'OFFERED';

CREATE TABLE inventory_holds (
    id UUID NOT NULL PRIMARY KEY,
    resource_type TEXT NOT NULL CHECK (resource_type IN ('ROOM', 'LOCKER')),
    resource_id UUID NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('LANE_SELECTION', 'UPGRADE_HOLD')),
    lane_session_id UUID,
    waitlist_id UUID REFERENCES waitlist (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ,
    released_at TIMESTAMPTZ,
    release_reason TEXT CHECK (length(release_reason) BETWEEN 1 AND 50),
    CHECK ((kind = 'LANE_SELECTION') = (lane_session_id IS NOT NULL)),
    CHECK ((kind = 'UPGRADE_HOLD') = (waitlist_id IS NOT NULL)),
    CHECK (kind <> 'UPGRADE_HOLD' OR expires_at IS NOT NULL),
    CHECK ((released_at IS NULL) = (release_reason IS NULL))
);
-- a held resource is not available to anyone else
CREATE UNIQUE INDEX inventory_holds_one_unreleased ON inventory_holds (resource_type, resource_id) WHERE released_at IS NULL;

-- ---------------------------------------------------------------- the counter check-in
CREATE TABLE lane_sessions (
    id UUID NOT NULL PRIMARY KEY,
    lane_id TEXT NOT NULL REFERENCES lanes (id),
    status TEXT NOT NULL CHECK (status IN ('IDLE', 'ACTIVE', 'AWAITING_CUSTOMER', 'AWAITING_ASSIGNMENT', 'AWAITING_PAYMENT', 'AWAITING_SIGNATURE', 'COMPLETED', 'CANCELLED')),
    version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),
    mode TEXT NOT NULL DEFAULT 'CHECKIN' CHECK (mode IN ('CHECKIN', 'RENEWAL')),
    staff_id UUID REFERENCES staff (id),
    customer_id UUID REFERENCES customers (id),
    visit_id UUID REFERENCES visits (id),
    renewal_hours INTEGER CHECK (renewal_hours IN (2, 6)),
    language TEXT CHECK (language IN ('EN', 'ES')),
    membership_choice TEXT CHECK (membership_choice IN ('ONE_TIME', 'SIX_MONTH')),
    proposed_rental_type TEXT CHECK (proposed_rental_type IN ('LOCKER', 'GYM_LOCKER', 'STANDARD', 'DOUBLE', 'SPECIAL')),
    proposed_by TEXT CHECK (proposed_by IN ('CUSTOMER', 'EMPLOYEE')),
    selection_confirmed BOOLEAN NOT NULL DEFAULT FALSE,
    selection_confirmed_by TEXT CHECK (selection_confirmed_by IN ('CUSTOMER', 'EMPLOYEE')),
    selection_locked_at TIMESTAMPTZ,
    desired_rental_type TEXT CHECK (desired_rental_type IN ('LOCKER', 'GYM_LOCKER', 'STANDARD', 'DOUBLE', 'SPECIAL')),
    waitlist_desired_type TEXT CHECK (waitlist_desired_type IN ('STANDARD', 'DOUBLE', 'SPECIAL')),
    backup_rental_type TEXT CHECK (backup_rental_type IN ('LOCKER', 'GYM_LOCKER', 'STANDARD', 'DOUBLE', 'SPECIAL')),
    hold_id UUID REFERENCES inventory_holds (id),
    price_quote_json TEXT,
    disclaimers_ack_json TEXT,
    payment_intent_id UUID,
    agreement_signature_id UUID,
    kiosk_acknowledged_at TIMESTAMPTZ,
    past_due_bypassed_at TIMESTAMPTZ,
    past_due_bypassed_by UUID REFERENCES staff (id),
    last_decline_reason TEXT,
    last_decline_at TIMESTAMPTZ,
    last_activity_at TIMESTAMPTZ NOT NULL,
    cancel_reason TEXT CHECK (length(cancel_reason) BETWEEN 1 AND 500),
    completed_at TIMESTAMPTZ,
    closed_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (selection_confirmed = (selection_confirmed_by IS NOT NULL AND selection_locked_at IS NOT NULL)),
    CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL)),
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
    CHECK (mode <> 'RENEWAL' OR (visit_id IS NOT NULL AND renewal_hours IS NOT NULL)),
    CHECK ((waitlist_desired_type IS NULL) = (backup_rental_type IS NULL))
);
-- at most one live session per lane
CREATE UNIQUE INDEX lane_sessions_one_live_per_lane ON lane_sessions (lane_id)
    WHERE status IN ('ACTIVE', 'AWAITING_CUSTOMER', 'AWAITING_ASSIGNMENT', 'AWAITING_PAYMENT', 'AWAITING_SIGNATURE');
CREATE INDEX lane_sessions_lane_created_idx ON lane_sessions (lane_id, created_at);

ALTER TABLE inventory_holds ADD CONSTRAINT inventory_holds_lane_session_fk
    FOREIGN KEY (lane_session_id) REFERENCES lane_sessions (id);

CREATE TABLE payment_intents (
    id UUID NOT NULL PRIMARY KEY,
    lane_session_id UUID REFERENCES lane_sessions (id),
    visit_id UUID REFERENCES visits (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('CHECKIN', 'RENEWAL', 'FINAL_EXTENSION', 'UPGRADE', 'LATE_FEE', 'PAST_DUE')),
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
    status TEXT NOT NULL DEFAULT 'DUE' CHECK (status IN ('DUE', 'PAID', 'CANCELLED', 'REFUNDED')),
    quote_json TEXT NOT NULL,
    method TEXT CHECK (method IN ('CASH', 'CARD', 'OTHER')),
    external_reference TEXT CHECK (length(external_reference) BETWEEN 1 AND 100),
    paid_at TIMESTAMPTZ,
    paid_by_staff_id UUID REFERENCES staff (id),
    idempotency_key TEXT UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    last_decline_reason TEXT,
    last_decline_at TIMESTAMPTZ,
    version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- the system never assumes payment happened: PAID is always attributed
    CHECK ((status IN ('PAID', 'REFUNDED')) = (paid_at IS NOT NULL)),
    CHECK ((status IN ('PAID', 'REFUNDED')) = (method IS NOT NULL AND paid_by_staff_id IS NOT NULL))
);
CREATE UNIQUE INDEX payment_intents_one_due_per_session ON payment_intents (lane_session_id)
    WHERE status = 'DUE' AND lane_session_id IS NOT NULL;

ALTER TABLE lane_sessions ADD CONSTRAINT lane_sessions_payment_intent_fk
    FOREIGN KEY (payment_intent_id) REFERENCES payment_intents (id);

CREATE TABLE agreements (
    id UUID NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL CHECK (version >= 1),
    language TEXT NOT NULL CHECK (language IN ('EN', 'ES')),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body_text TEXT NOT NULL CHECK (length(body_text) >= 1),
    body_sha256 TEXT NOT NULL CHECK (length(body_sha256) = 64),
    consent_text TEXT NOT NULL CHECK (length(consent_text) BETWEEN 1 AND 500),
    active BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    activated_at TIMESTAMPTZ,
    UNIQUE (version, language),
    -- target of agreement_signatures' (agreement_id, agreement_version, language) key
    UNIQUE (id, version, language)
);
CREATE UNIQUE INDEX agreements_one_active_per_language ON agreements (language) WHERE active;

CREATE TABLE checkin_blocks (
    id UUID NOT NULL PRIMARY KEY,
    visit_id UUID NOT NULL REFERENCES visits (id),
    block_type TEXT NOT NULL CHECK (block_type IN ('INITIAL', 'RENEWAL', 'FINAL2H')),
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    hours_purchased INTEGER NOT NULL CHECK (hours_purchased IN (2, 6)),
    rental_type TEXT NOT NULL CHECK (rental_type IN ('LOCKER', 'GYM_LOCKER', 'STANDARD', 'DOUBLE', 'SPECIAL')),
    room_id UUID REFERENCES rooms (id),
    locker_id UUID REFERENCES lockers (id),
    session_id UUID REFERENCES lane_sessions (id),
    agreement_signature_id UUID,
    payment_intent_id UUID REFERENCES payment_intents (id),
    waitlist_id UUID REFERENCES waitlist (id),
    has_tv_remote BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at),
    CHECK ((room_id IS NULL) <> (locker_id IS NULL)),
    CHECK ((rental_type IN ('LOCKER', 'GYM_LOCKER')) = (locker_id IS NOT NULL)),
    CHECK ((block_type = 'FINAL2H') = (hours_purchased = 2)),
    -- blocks of one visit never overlap
    CONSTRAINT checkin_blocks_no_overlap EXCLUDE USING gist (visit_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
CREATE INDEX checkin_blocks_visit_idx ON checkin_blocks (visit_id);
-- targets of the rooms/lockers current-block keys: a room's current block is one of its own
CREATE UNIQUE INDEX checkin_blocks_id_room ON checkin_blocks (id, room_id);
CREATE UNIQUE INDEX checkin_blocks_id_locker ON checkin_blocks (id, locker_id);
CREATE INDEX checkin_blocks_ends_at_idx ON checkin_blocks (ends_at);

ALTER TABLE rooms ADD CONSTRAINT rooms_current_block_fk FOREIGN KEY (current_block_id, id) REFERENCES checkin_blocks (id, room_id);
ALTER TABLE lockers ADD CONSTRAINT lockers_current_block_fk FOREIGN KEY (current_block_id, id) REFERENCES checkin_blocks (id, locker_id);
ALTER TABLE waitlist ADD CONSTRAINT waitlist_block_fk FOREIGN KEY (checkin_block_id) REFERENCES checkin_blocks (id);

CREATE TABLE charges (
    id UUID NOT NULL PRIMARY KEY,
    visit_id UUID NOT NULL REFERENCES visits (id),
    checkin_block_id UUID REFERENCES checkin_blocks (id),
    kind TEXT NOT NULL CHECK (kind IN ('UPGRADE_FEE', 'LATE_FEE', 'ADDON', 'MEMBERSHIP')),
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
    payment_intent_id UUID REFERENCES payment_intents (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX charges_one_per_intent ON charges (payment_intent_id, kind) WHERE payment_intent_id IS NOT NULL;

CREATE TABLE agreement_signatures (
    id UUID NOT NULL PRIMARY KEY,
    -- document
    agreement_id UUID NOT NULL REFERENCES agreements (id),
    agreement_version INTEGER NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('EN', 'ES')),
    agreement_title TEXT NOT NULL,
    agreement_text_snapshot TEXT NOT NULL,
    agreement_text_sha256 TEXT NOT NULL CHECK (length(agreement_text_sha256) = 64),
    -- consent
    consent_text TEXT NOT NULL,
    consent_text_sha256 TEXT NOT NULL CHECK (length(consent_text_sha256) = 64),
    consent_at TIMESTAMPTZ NOT NULL,
    -- intent act and mark
    signature_strokes_json TEXT,
    signature_png BYTEA NOT NULL,
    signature_png_sha256 TEXT NOT NULL CHECK (length(signature_png_sha256) = 64),
    -- attribution
    customer_id UUID NOT NULL REFERENCES customers (id),
    customer_name TEXT NOT NULL,
    membership_number TEXT,
    dob_verified BOOLEAN NOT NULL,
    identity_method TEXT NOT NULL CHECK (identity_method IN ('ID_SCAN', 'STAFF_CHECKED', 'MANUAL')),
    staff_id UUID NOT NULL REFERENCES staff (id),
    device_id UUID REFERENCES devices (id),
    lane_id TEXT NOT NULL REFERENCES lanes (id),
    lane_session_id UUID NOT NULL REFERENCES lane_sessions (id),
    user_agent TEXT,
    ip TEXT,
    -- association (the block may be created later in the same transaction)
    checkin_block_id UUID REFERENCES checkin_blocks (id) DEFERRABLE INITIALLY DEFERRED,
    payment_intent_id UUID REFERENCES payment_intents (id),
    -- time
    agreement_shown_at TIMESTAMPTZ NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    -- one number for the whole record
    record_sha256 TEXT NOT NULL UNIQUE CHECK (length(record_sha256) = 64),
    FOREIGN KEY (agreement_id, agreement_version, language) REFERENCES agreements (id, version, language),
    CHECK (agreement_shown_at <= consent_at AND consent_at <= signed_at)
);
CREATE INDEX agreement_signatures_signed_at_idx ON agreement_signatures (signed_at);
CREATE INDEX agreement_signatures_customer_idx ON agreement_signatures (customer_id);

ALTER TABLE lane_sessions ADD CONSTRAINT lane_sessions_signature_fk
    FOREIGN KEY (agreement_signature_id) REFERENCES agreement_signatures (id);
ALTER TABLE checkin_blocks ADD CONSTRAINT checkin_blocks_signature_fk
    FOREIGN KEY (agreement_signature_id) REFERENCES agreement_signatures (id);

-- ---------------------------------------------------------------- audit log
CREATE TABLE audit_events (
    seq BIGINT NOT NULL PRIMARY KEY CHECK (seq >= 1),
    at TIMESTAMPTZ NOT NULL,
    actor_type TEXT NOT NULL CHECK (actor_type IN ('STAFF', 'DEVICE', 'SYSTEM')),
    actor_id TEXT,
    lane_id TEXT,
    action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    entity_type TEXT,
    entity_id TEXT,
    summary_json TEXT NOT NULL,
    reason TEXT,
    prev_hash TEXT NOT NULL UNIQUE CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
    CHECK ((actor_type = 'SYSTEM') = (actor_id IS NULL))
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);

-- The single row that serialises appends to the hash chain.
CREATE TABLE audit_head (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL CHECK (seq >= 0),
    hash TEXT NOT NULL CHECK (length(hash) = 64)
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- ---------------------------------------------------------------- immutable evidence
CREATE FUNCTION frontdesk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER agreement_signatures_immutable BEFORE UPDATE OR DELETE ON agreement_signatures
    FOR EACH ROW EXECUTE FUNCTION frontdesk_refuse_change();
CREATE TRIGGER agreement_signatures_no_truncate BEFORE TRUNCATE ON agreement_signatures
    FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_refuse_change();
CREATE TRIGGER audit_events_immutable BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION frontdesk_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_refuse_change();

-- An agreement version is never edited once a signature refers to it.
CREATE FUNCTION frontdesk_agreement_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.version, NEW.language, NEW.title, NEW.body_text, NEW.body_sha256, NEW.consent_text)
         IS DISTINCT FROM (OLD.version, OLD.language, OLD.title, OLD.body_text, OLD.body_sha256, OLD.consent_text)
       AND EXISTS (SELECT 1 FROM agreement_signatures s WHERE s.agreement_id = OLD.id) THEN
        RAISE EXCEPTION 'agreement % is signed and cannot be edited', OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER agreements_frozen_once_signed BEFORE UPDATE ON agreements
    FOR EACH ROW EXECUTE FUNCTION frontdesk_agreement_frozen();
