//! Verify a certificate by upload or by its SHA-256: is it exactly a certificate we issue for
//! a stored record, which one, and does that record still verify?
//!
//! - A hash we issued (recorded in `issued_certificates`) names its signature; the verdict is
//!   `GENUINE` while the record still verifies and still has the hash it had then, otherwise
//!   `RECORD_CHANGED`.
//! - An uploaded PDF we have no record of is regenerated from the signature its Info
//!   dictionary names: byte-identical means `GENUINE` (and its hash is remembered); anything
//!   else, one changed byte included, is `NOT_OURS`.

use serde::Serialize;
use utoipa::ToSchema;

use crate::checkin::evidence;
use crate::db::DbConn;
use crate::db::ids::SignatureId;
use crate::db::models::issued_certificate::IssuedCertificate;
use crate::db::models::signature::NewSignature;
use crate::db::sql_types::Ts;
use crate::domain::signature::sha256_hex;
use crate::error::AppError;
use crate::evidence::{certificate, certify, load, remember};

/// The answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    /// exactly a certificate of ours, for a record that still verifies
    Genuine,
    /// a certificate of ours, but its record no longer matches it (altered since)
    RecordChanged,
    /// not a certificate we issue
    NotOurs,
}

/// A verification's result.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Verdict {
    /// see [`Status`]
    pub status: Status,
    /// SHA-256 of what was checked
    pub sha256: String,
    /// the signature it is (or claims to be) a certificate of
    #[schema(value_type = Option<String>, format = "uuid")]
    pub signature_id: Option<SignatureId>,
    /// its signer's name at signing
    pub customer_name: Option<String>,
    /// when it was signed
    #[schema(value_type = Option<String>, format = "date-time")]
    pub signed_at: Option<Ts>,
    /// its record hash
    pub record_sha256: Option<String>,
    /// the verdict in one sentence
    pub message: String,
}

fn verdict(status: Status, sha256: String, record: Option<&NewSignature>) -> Verdict {
    let message = match (status, record) {
        (Status::Genuine, Some(r)) => {
            format!("Genuine: this is the certificate of the agreement {} signed, and the record still verifies.", r.customer_name)
        }
        (Status::RecordChanged, _) => {
            "We issued this certificate, but the stored record no longer matches it: the record was altered after the certificate was made."
                .to_owned()
        }
        (_, Some(_)) => "Not ours: this file names one of our signatures but is not its certificate (it has been changed).".to_owned(),
        _ => "Not ours: this is not a certificate issued by this club.".to_owned(),
    };
    Verdict {
        status,
        sha256,
        signature_id: record.map(|r| r.id),
        customer_name: record.map(|r| r.customer_name.clone()),
        signed_at: record.map(|r| r.signed_at),
        record_sha256: record.map(|r| r.record_sha256.clone()),
        message,
    }
}

/// The verdict on a certificate we issued (by its row).
fn issued(conn: &mut DbConn, row: IssuedCertificate) -> Result<Verdict, AppError> {
    let record = NewSignature::find(conn, row.signature_id)?;
    let status = match &record {
        Some(r) if r.record_sha256 == row.record_sha256 && evidence::verify(r).intact => Status::Genuine,
        _ => Status::RecordChanged,
    };
    Ok(verdict(status, row.sha256, record.as_ref()))
}

/// Verifies a bare SHA-256 (lower- or upper-case hex).
pub fn by_hash(conn: &mut DbConn, sha256: &str) -> Result<Verdict, AppError> {
    let sha256 = sha256.to_ascii_lowercase();
    match IssuedCertificate::find(conn, &sha256)? {
        Some(row) => issued(conn, row),
        None => Ok(verdict(Status::NotOurs, sha256, None)),
    }
}

/// Verifies an uploaded file (already known to start like a PDF).
pub fn by_file(conn: &mut DbConn, pdf: &[u8], now: Ts) -> Result<Verdict, AppError> {
    let sha256 = sha256_hex(pdf);
    if let Some(row) = IssuedCertificate::find(conn, &sha256)? {
        return issued(conn, row);
    }
    let Some(id) = certificate::named_signature(pdf) else { return Ok(verdict(Status::NotOurs, sha256, None)) };
    let (record, listing) = match load(conn, SignatureId(id)) {
        Ok(found) => found,
        Err(AppError::NotFound { .. }) => return Ok(verdict(Status::NotOurs, sha256, None)),
        Err(e) => return Err(e),
    };
    let ours = certify(&record, &listing);
    if ours.sha256 != sha256 {
        return Ok(verdict(Status::NotOurs, sha256, Some(&record)));
    }
    remember(conn, &ours, &record, now)?;
    let status = if ours.intact { Status::Genuine } else { Status::RecordChanged };
    Ok(verdict(status, sha256, Some(&record)))
}
