DROP TABLE IF EXISTS audit_head, audit_events, charges CASCADE;
DROP TABLE IF EXISTS agreement_signatures, checkin_blocks, agreements, payment_intents CASCADE;
DROP TABLE IF EXISTS lane_sessions, inventory_holds, waitlist, visits, lockers, rooms CASCADE;
DROP TABLE IF EXISTS register_sessions, device_pairing_codes, devices, staff_sessions, staff CASCADE;
DROP TABLE IF EXISTS lanes, customers CASCADE;
DROP FUNCTION IF EXISTS frontdesk_refuse_change() CASCADE;
DROP FUNCTION IF EXISTS frontdesk_agreement_frozen() CASCADE;
