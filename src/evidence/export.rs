//! Bulk exports for a court or an insurer: every signature matching a filter, page by page
//! (50 records at a time), as a ZIP of certificate PDFs with `manifest.csv`, `manifest.json`
//! and `SHA256SUMS`, or as one CSV of the list with its hashes. Bytes go to a sink as they are
//! made; the sink answering `false` (the client went away) stops the export. Memory stays at
//! one page of PDFs plus the manifest rows, whatever the count.
//!
//! Each certificate exported is remembered as issued (so its hash verifies later). The export
//! is audited twice: `SIGNATURES_EXPORT_STARTED` by the handler before the first byte, and
//! `SIGNATURES_EXPORTED` here when it ends, with the count, whether it completed and the
//! SHA-256 of each manifest.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::checkin::evidence;
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::signature::NewSignature;
use crate::db::models::signature_listing::{self, Listing, Position, SignatureFilter};
use crate::db::pool::DbPool;
use crate::db::sql_types::Ts;
use crate::db::write_tx;
use crate::domain::signature::sha256_hex;
use crate::error::AppError;
use crate::evidence::manifest::{self, Row};
use crate::evidence::zip::ZipStream;
use crate::evidence::{certify, remember};

/// The most signatures one export holds; above it the manager narrows the filter.
pub const MAX_SIGNATURES: usize = 20_000;
const PAGE: i64 = 50;

/// Where the export's bytes go; `false` means nobody reads any more.
pub type Sink<'a> = &'a mut dyn FnMut(Vec<u8>) -> bool;

/// How an export ended.
#[derive(Debug, Default)]
pub struct Summary {
    /// signatures written
    pub count: usize,
    /// the last byte was written
    pub complete: bool,
    /// SHA-256 of each manifest file, by name
    pub manifests: Vec<(&'static str, String)>,
}

/// Calls `each` with every page of matching records, oldest last, until it answers `false`.
fn pages(
    pool: &DbPool,
    filter: &SignatureFilter,
    mut each: impl FnMut(Vec<(Listing, NewSignature)>) -> Result<bool, AppError>,
) -> Result<bool, AppError> {
    let mut after: Option<Position> = None;
    loop {
        let (listings, mut records) = {
            let mut conn = pool.get()?;
            let listings = signature_listing::page(&mut conn, filter, after, PAGE)?;
            let ids: Vec<_> = listings.iter().map(|l| l.id).collect();
            let records: HashMap<_, _> = NewSignature::find_many(&mut conn, &ids)?.into_iter().map(|r| (r.id, r)).collect();
            (listings, records)
        };
        let Some(last) = listings.last() else { return Ok(true) };
        after = Some((last.signed_at, last.id));
        let full = listings.len() as i64 == PAGE;
        let pairs = listings.into_iter().filter_map(|l| records.remove(&l.id).map(|r| (l, r))).collect();
        if !each(pairs)? {
            return Ok(false);
        }
        if !full {
            return Ok(true);
        }
    }
}

/// The archive's name for a certificate: the day signed, the signer (letters and digits) and
/// the signature id.
pub fn file_name(listing: &Listing) -> String {
    let name: String = listing.customer_name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).take(40).collect();
    format!("certificates/{}_{}_{}.pdf", listing.signed_at.0.format("%Y-%m-%d"), name.trim_matches('-'), listing.id)
}

/// Writes the ZIP archive of `filter`'s certificates to `sink`.
pub fn archive(pool: &DbPool, filter: &SignatureFilter, described: &Value, now: Ts, sink: Sink) -> Result<Summary, AppError> {
    let mut zip = ZipStream::new(now.0);
    let mut rows: Vec<Row> = Vec::new();
    let too_large = |_| AppError::conflict("EXPORT_TOO_LARGE", "The archive would be too large; narrow the filter.");
    let complete = pages(pool, filter, |pairs| {
        let made: Vec<_> = pairs.iter().map(|(l, r)| certify(r, l)).collect();
        let mut conn = pool.get()?;
        write_tx(&mut conn, |c| pairs.iter().zip(&made).try_for_each(|((_, r), cert)| remember(c, cert, r, now)))?;
        drop(conn);
        for ((listing, record), cert) in pairs.iter().zip(made) {
            let file = file_name(listing);
            if !sink(zip.entry(&file, &cert.bytes).map_err(too_large)?) {
                return Ok(false);
            }
            rows.push(Row {
                file,
                signature_id: record.id,
                signed_at: record.signed_at,
                customer_name: record.customer_name.clone(),
                agreement_version: record.agreement_version,
                language: record.language.as_str().to_owned(),
                lane_id: record.lane_id.clone(),
                certificate_sha256: cert.sha256,
                record_sha256: record.record_sha256.clone(),
                intact: cert.intact,
            });
        }
        Ok(true)
    })?;
    let mut summary = Summary { count: rows.len(), ..Summary::default() };
    if !complete {
        return Ok(summary);
    }
    let csv: String = std::iter::once(manifest::line(&manifest::CSV_HEADER)).chain(rows.iter().map(Row::csv)).collect();
    let json = serde_json::to_string_pretty(&json!({ "created_at": now, "filter": described, "count": rows.len(), "files": rows }))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let (csv_sha, json_sha) = (sha256_hex(csv.as_bytes()), sha256_hex(json.as_bytes()));
    let listed = rows.iter().map(|r| (r.file.as_str(), r.certificate_sha256.as_str()));
    let sums = manifest::sums(listed.chain([("manifest.csv", csv_sha.as_str()), ("manifest.json", json_sha.as_str())]));
    let sums_sha = sha256_hex(sums.as_bytes());
    for (name, bytes) in [("manifest.csv", csv.as_bytes()), ("manifest.json", json.as_bytes()), ("SHA256SUMS", sums.as_bytes())] {
        if !sink(zip.entry(name, bytes).map_err(too_large)?) {
            return Ok(summary);
        }
    }
    summary.complete = sink(zip.finish().map_err(too_large)?);
    summary.manifests = vec![("manifest.csv", csv_sha), ("manifest.json", json_sha), ("SHA256SUMS", sums_sha)];
    Ok(summary)
}

/// The header of the list's CSV export.
pub const LIST_HEADER: [&str; 16] = [
    "signature_id",
    "signed_at",
    "customer_name",
    "membership_number",
    "agreement_title",
    "agreement_version",
    "language",
    "lane_id",
    "staff_name",
    "device_name",
    "unit",
    "agreement_text_sha256",
    "consent_text_sha256",
    "signature_png_sha256",
    "record_sha256",
    "intact",
];

fn list_line(l: &Listing, r: &NewSignature) -> String {
    let unit = l.room_number.clone().or_else(|| l.locker_number.clone()).unwrap_or_default();
    manifest::line(&[
        r.id.to_string(),
        r.signed_at.to_string(),
        r.customer_name.clone(),
        r.membership_number.clone().unwrap_or_default(),
        r.agreement_title.clone(),
        r.agreement_version.to_string(),
        r.language.as_str().to_owned(),
        r.lane_id.clone(),
        l.staff_name.clone(),
        l.device_name.clone().unwrap_or_default(),
        unit,
        r.agreement_text_sha256.clone(),
        r.consent_text_sha256.clone(),
        r.signature_png_sha256.clone(),
        r.record_sha256.clone(),
        evidence::verify(r).intact.to_string(),
    ])
}

/// Writes the CSV of `filter`'s signatures (the list's columns and every hash) to `sink`.
pub fn list_csv(pool: &DbPool, filter: &SignatureFilter, sink: Sink) -> Result<Summary, AppError> {
    let mut hasher = Sha256Stream::default();
    let mut count = 0;
    let mut send = |text: String, hasher: &mut Sha256Stream| {
        hasher.update(text.as_bytes());
        sink(text.into_bytes())
    };
    if !send(manifest::line(&LIST_HEADER), &mut hasher) {
        return Ok(Summary::default());
    }
    let complete = pages(pool, filter, |pairs| {
        let text: String = pairs.iter().map(|(l, r)| list_line(l, r)).collect();
        count += pairs.len();
        Ok(send(text, &mut hasher))
    })?;
    Ok(Summary { count, complete, manifests: vec![("signatures.csv", hasher.finish())] })
}

/// SHA-256 over bytes that arrive in pieces.
#[derive(Default)]
struct Sha256Stream(sha2::Sha256);

impl Sha256Stream {
    fn update(&mut self, bytes: &[u8]) {
        sha2::Digest::update(&mut self.0, bytes);
    }

    fn finish(self) -> String {
        hex::encode(sha2::Digest::finalize(self.0))
    }
}

/// Appends `SIGNATURES_EXPORTED` for an export that ended (or failed: `error`).
pub fn audit_end(pool: &DbPool, actor: Actor, format: &str, result: &Result<Summary, AppError>, now: Ts) -> Result<(), AppError> {
    let summary = match result {
        Ok(s) => json!({
            "format": format,
            "count": s.count,
            "complete": s.complete,
            "manifests": s.manifests.iter().map(|(name, sha)| json!({ "file": name, "sha256": sha })).collect::<Vec<_>>(),
        }),
        Err(e) => json!({ "format": format, "complete": false, "error": e.code() }),
    };
    let mut conn = pool.get()?;
    write_tx(&mut conn, |c| {
        NewAuditEvent { actor, lane_id: None, action: "SIGNATURES_EXPORTED", entity: None, summary, reason: None }.append(c, now.0)?;
        Ok(())
    })
}
