DROP INDEX payment_intents_paid_at_idx;
DROP INDEX visits_started_at_idx;
