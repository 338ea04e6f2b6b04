-- Every certificate PDF the server has issued (downloaded, exported, or confirmed by upload),
-- by the SHA-256 of its bytes: verifying a file or a bare hash is a key lookup, and a
-- certificate stays recognised as ours after its record's stay changed (an upgrade moves the
-- room) or after the record was tampered with (then it is "record changed"). Rows are never
-- updated or deleted.
CREATE TABLE issued_certificates (
    sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
    signature_id UUID NOT NULL REFERENCES agreement_signatures (id),
    record_sha256 TEXT NOT NULL CHECK (length(record_sha256) = 64),
    first_issued_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX issued_certificates_by_signature ON issued_certificates (signature_id);
CREATE TRIGGER issued_certificates_immutable BEFORE UPDATE OR DELETE ON issued_certificates
    FOR EACH ROW EXECUTE FUNCTION frontdesk_refuse_change();
