-- Accessible signing (issue 15): a customer who cannot draw types their full name. The record
-- keeps how it was signed; existing rows are drawn signatures. ADD COLUMN rewrites no row, so
-- the immutability triggers (BEFORE UPDATE / DELETE) do not fire, and SQLite checks the new
-- CHECK constraints against every existing row (DRAWN, no typed name: they pass).
ALTER TABLE agreement_signatures ADD COLUMN signature_method TEXT NOT NULL DEFAULT 'DRAWN'
    CHECK (signature_method IN ('DRAWN', 'TYPED'));
-- typed exactly when the method is TYPED
ALTER TABLE agreement_signatures ADD COLUMN typed_name TEXT
    CHECK ((signature_method = 'TYPED') = (typed_name IS NOT NULL));
