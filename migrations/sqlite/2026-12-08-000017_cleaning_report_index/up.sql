-- The cleaning report reads a range of transitions to CLEANING and CLEAN and their units
-- (docs/reports.md). Through `inventory_transitions_at_idx` each of them was a lookup in the
-- table (a year: 100,000 rows, 60 ms of 250 on SQLite, docs/performance.md); with every column
-- it reads in the index, the range is read from the index alone.
CREATE INDEX inventory_transitions_at_covering_idx
    ON inventory_transitions (at, to_status, resource_type, resource_id, from_status, staff_id);
