-- PIN lockout per staff member AND client address (docs/security.md "Lockout"): five wrong
-- PINs in a row from one address lock that login from that address only, so a stranger who
-- knows a login name cannot lock the employee out at the register. A manager can clear them.
CREATE TABLE pin_lockouts (
    staff_id UUID NOT NULL REFERENCES staff (id),
    client TEXT NOT NULL CHECK (length(client) BETWEEN 1 AND 64),
    failures INTEGER NOT NULL CHECK (failures >= 0),
    locked_until TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (staff_id, client)
);

ALTER TABLE staff DROP COLUMN failed_pin_attempts;
ALTER TABLE staff DROP COLUMN locked_until;
