-- Accessible signing (issue 15): a customer who cannot draw types their full name. The record
-- keeps how it was signed; existing rows are drawn signatures. ADD COLUMN with a constant
-- default and ADD CONSTRAINT rewrite no row, so the immutability triggers (BEFORE UPDATE OR
-- DELETE, FOR EACH ROW) do not fire; the CHECK is validated against every existing row.
ALTER TABLE agreement_signatures
    ADD COLUMN signature_method TEXT NOT NULL DEFAULT 'DRAWN'
        CONSTRAINT agreement_signatures_method_known CHECK (signature_method IN ('DRAWN', 'TYPED')),
    ADD COLUMN typed_name TEXT,
    -- typed exactly when the method is TYPED
    ADD CONSTRAINT agreement_signatures_typed_name_iff_typed
        CHECK ((signature_method = 'TYPED') = (typed_name IS NOT NULL));
