ALTER TABLE staff ADD COLUMN failed_pin_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_pin_attempts >= 0);
ALTER TABLE staff ADD COLUMN locked_until TIMESTAMPTZ;
DROP TABLE pin_lockouts;
