DROP INDEX lane_sessions_one_live_per_customer;
DROP TABLE idempotency_keys;
ALTER TABLE lane_sessions DROP COLUMN identity_method;
ALTER TABLE lane_sessions DROP COLUMN addons_json;
ALTER TABLE lane_sessions DROP COLUMN agreement_shown_at;
ALTER TABLE lane_sessions DROP COLUMN agreement_id;
DROP TABLE club_secrets;
