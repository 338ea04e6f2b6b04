-- The lowest-numbered free unit is found by walking these indexes in numeric order
-- (length, then text: "9" before "10"), so placing a hold reads a handful of rows whatever
-- the size of the club. Not partial: the status is a bound parameter, which a partial
-- index's WHERE cannot be matched against.
CREATE INDEX rooms_by_type_status_number ON rooms (type, status, length(number), number);
CREATE INDEX lockers_by_status_number ON lockers (status, length(number), number);

-- Lookups the hot path makes with bound values, which the partial unique indexes (their
-- WHERE names fixed statuses) cannot serve: without these, each is a scan of a table that
-- grows with every check-in.
CREATE INDEX lane_sessions_by_customer ON lane_sessions (customer_id);
CREATE INDEX checkin_blocks_by_session ON checkin_blocks (session_id);
CREATE INDEX waitlist_by_status ON waitlist (status);
