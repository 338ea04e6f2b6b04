-- The manager's audit tab filters by actor, action, lane and time, newest first (seq desc):
-- one index per filter, ending in seq so each page is an index range scan.
CREATE INDEX audit_events_actor_seq_idx ON audit_events (actor_id, seq);
CREATE INDEX audit_events_action_seq_idx ON audit_events (action, seq);
CREATE INDEX audit_events_lane_seq_idx ON audit_events (lane_id, seq);
CREATE INDEX audit_events_at_idx ON audit_events (at);
