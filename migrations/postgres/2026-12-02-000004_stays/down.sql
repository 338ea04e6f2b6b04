DROP TABLE inventory_transitions;
DROP TABLE checkouts;
