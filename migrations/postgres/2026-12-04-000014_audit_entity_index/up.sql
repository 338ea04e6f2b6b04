-- The audit viewer's entity filter (one signature's or visit's whole history, newest first):
-- by id alone, ending in seq so a page is an index range scan (the initial schema's
-- (entity_type, entity_id) index serves the pair).
CREATE INDEX audit_events_entity_id_seq_idx ON audit_events (entity_id, seq);
