DROP INDEX lockers_by_status_number;
DROP INDEX rooms_by_type_status_number;
