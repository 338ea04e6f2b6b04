ALTER TABLE agreement_signatures
    DROP CONSTRAINT agreement_signatures_typed_name_iff_typed,
    DROP COLUMN typed_name,
    DROP COLUMN signature_method;
