-- The reports read a range of days by one timestamp each (docs/reports.md): visits by their
-- start, payments by the moment they were paid. Without these, each report scans its table.
CREATE INDEX visits_started_at_idx ON visits (started_at);
CREATE INDEX payment_intents_paid_at_idx ON payment_intents (paid_at);
