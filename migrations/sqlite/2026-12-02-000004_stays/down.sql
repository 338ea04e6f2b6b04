DROP TRIGGER checkouts_no_update;
DROP TRIGGER inventory_transitions_no_update;
DROP TABLE inventory_transitions;
DROP TABLE checkouts;
