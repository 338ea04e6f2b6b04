DROP INDEX audit_events_at_idx;
DROP INDEX audit_events_lane_seq_idx;
DROP INDEX audit_events_action_seq_idx;
DROP INDEX audit_events_actor_seq_idx;
