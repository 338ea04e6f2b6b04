DROP INDEX waitlist_by_status;
DROP INDEX checkin_blocks_by_session;
DROP INDEX lane_sessions_by_customer;
DROP INDEX lockers_by_status_number;
DROP INDEX rooms_by_type_status_number;
