DROP INDEX payment_intents_session_idx;
DROP INDEX lane_sessions_open_idx;
