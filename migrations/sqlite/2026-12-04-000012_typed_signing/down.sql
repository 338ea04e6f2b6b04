ALTER TABLE agreement_signatures DROP COLUMN typed_name;
ALTER TABLE agreement_signatures DROP COLUMN signature_method;
