-- A lane's current session is its newest one not yet dismissed (closed_at IS NULL). Through
-- (lane_id, created_at) alone, finding it, and dismissing the finished ones when a new
-- session starts, walked back through every dismissed session the lane ever had: a start cost
-- 2 million instructions after a few thousand check-ins and kept growing with the club's
-- history (docs/performance.md). Only the few undismissed sessions are in this index.
CREATE INDEX lane_sessions_open_idx ON lane_sessions (lane_id, created_at) WHERE closed_at IS NULL;
-- A session's payments in any status (a cancellation reads and refunds the PAID ones): the
-- partial index covers only DUE intents, so the others were found by reading every payment.
CREATE INDEX payment_intents_session_idx ON payment_intents (lane_session_id);
