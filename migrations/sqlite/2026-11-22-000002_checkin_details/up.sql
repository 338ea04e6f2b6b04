-- What the counter check-in needs beyond the initial schema.

-- Server-side secrets, e.g. the key of the keyed hashes of ID data (generated on first use,
-- so a backup of the database keeps matching returning customers).
CREATE TABLE club_secrets (
    name TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    value TEXT NOT NULL CHECK (length(value) >= 32),
    created_at TEXT NOT NULL
);

-- The agreement version the kiosk displayed and when (server time): evidence of what was shown.
ALTER TABLE lane_sessions ADD COLUMN agreement_id TEXT REFERENCES agreements (id);
ALTER TABLE lane_sessions ADD COLUMN agreement_shown_at TEXT;
-- Retail add-ons the employee added to the quote, as JSON [{description, amount_cents}].
ALTER TABLE lane_sessions ADD COLUMN addons_json TEXT;
-- How the customer's identity was established for this session: ID_SCAN, STAFF_CHECKED, MANUAL.
ALTER TABLE lane_sessions ADD COLUMN identity_method TEXT CHECK (identity_method IN ('ID_SCAN', 'STAFF_CHECKED', 'MANUAL'));

-- Answers to money and evidence commands by Idempotency-Key: a retry gets the first answer.
CREATE TABLE idempotency_keys (
    key TEXT NOT NULL PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
    scope TEXT NOT NULL CHECK (length(scope) BETWEEN 1 AND 100),
    request_sha256 TEXT NOT NULL CHECK (length(request_sha256) = 64),
    status INTEGER NOT NULL CHECK (status BETWEEN 200 AND 299),
    response_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- A customer is at most at one lane at a time (two registers starting the same person at once).
CREATE UNIQUE INDEX lane_sessions_one_live_per_customer ON lane_sessions (customer_id)
    WHERE customer_id IS NOT NULL
      AND status IN ('ACTIVE', 'AWAITING_CUSTOMER', 'AWAITING_ASSIGNMENT', 'AWAITING_PAYMENT', 'AWAITING_SIGNATURE');
