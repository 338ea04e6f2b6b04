//! The manager's evidence desk (spec/evidence.md "What managers get"): the certificate PDF of
//! one signature, verification of a certificate by upload or by hash, and the bulk export for
//! a court or an insurer. Each function runs inside the caller's transaction; the audit event
//! of an access is written by the caller in the same transaction.

pub mod certificate;
pub mod export;
pub mod manifest;
pub mod pdf;
pub mod verify;
pub mod zip;

use crate::checkin::evidence;
use crate::db::DbConn;
use crate::db::ids::SignatureId;
use crate::db::models::issued_certificate::IssuedCertificate;
use crate::db::models::signature::NewSignature;
use crate::db::models::signature_listing::{self, Listing};
use crate::db::sql_types::Ts;
use crate::error::AppError;
use certificate::{Certificate, Facts};

/// A signature's certificate, as handed out.
pub struct Issued {
    /// the PDF and its hash
    pub certificate: Certificate,
    /// the record it certifies
    pub record: NewSignature,
}

/// The stored record of a signature with its listing (404 when there is none).
pub fn load(conn: &mut DbConn, id: SignatureId) -> Result<(NewSignature, Listing), AppError> {
    let missing = || AppError::NotFound { what: "The signature" };
    let record = NewSignature::find(conn, id)?.ok_or_else(missing)?;
    let listing = signature_listing::one(conn, id)?.ok_or_else(missing)?;
    Ok((record, listing))
}

/// Generates a certificate from a loaded record (pure: no database).
pub fn certify(record: &NewSignature, listing: &Listing) -> Certificate {
    certificate::generate(&Facts { record, listing, verification: evidence::verify(record) })
}

/// Generates a signature's certificate and remembers its hash as issued.
pub fn issue(conn: &mut DbConn, id: SignatureId, now: Ts) -> Result<Issued, AppError> {
    let (record, listing) = load(conn, id)?;
    let certificate = certify(&record, &listing);
    remember(conn, &certificate, &record, now)?;
    Ok(Issued { certificate, record })
}

/// Records a handed-out certificate's hash.
pub fn remember(conn: &mut DbConn, certificate: &Certificate, record: &NewSignature, now: Ts) -> Result<(), AppError> {
    let row = IssuedCertificate {
        sha256: certificate.sha256.clone(),
        signature_id: record.id,
        record_sha256: record.record_sha256.clone(),
        first_issued_at: now,
    };
    Ok(row.remember(conn)?)
}
