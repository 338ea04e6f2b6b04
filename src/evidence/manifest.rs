//! What an export says about itself: one row per certificate (file name, signature, SHA-256 of
//! the file and the record hash) as CSV and as JSON, and a `SHA256SUMS` file in the format
//! `sha256sum -c` reads, covering every file of the archive including both manifests.
//!
//! CSV cells are quoted when needed, and a cell that a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`.

use serde::Serialize;

use crate::db::ids::SignatureId;
use crate::db::sql_types::Ts;

/// One certificate of an export.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// its file name in the archive
    pub file: String,
    /// the signature
    pub signature_id: SignatureId,
    /// when it was signed
    pub signed_at: Ts,
    /// the signer's name at signing
    pub customer_name: String,
    /// agreement version
    pub agreement_version: i32,
    /// agreement language
    pub language: String,
    /// lane
    pub lane_id: String,
    /// SHA-256 of the PDF
    pub certificate_sha256: String,
    /// the record hash
    pub record_sha256: String,
    /// whether the record verified when the certificate was made
    pub intact: bool,
}

pub use crate::domain::csv::{cell, line};

/// The header of `manifest.csv`.
pub const CSV_HEADER: [&str; 10] = [
    "file",
    "signature_id",
    "signed_at",
    "customer_name",
    "agreement_version",
    "language",
    "lane_id",
    "certificate_sha256",
    "record_sha256",
    "intact",
];

impl Row {
    /// The row as a line of `manifest.csv`.
    pub fn csv(&self) -> String {
        line(&[
            self.file.clone(),
            self.signature_id.to_string(),
            self.signed_at.to_string(),
            self.customer_name.clone(),
            self.agreement_version.to_string(),
            self.language.clone(),
            self.lane_id.clone(),
            self.certificate_sha256.clone(),
            self.record_sha256.clone(),
            self.intact.to_string(),
        ])
    }
}

/// `SHA256SUMS`: `<hex>  <file>` per line.
pub fn sums<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    files.into_iter().map(|(name, sha)| format!("{sha}  {name}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("Ana"), "Ana");
        assert_eq!(cell("Lee, Pat"), "\"Lee, Pat\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(line(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }

    #[test]
    fn sums_read_like_sha256sum() {
        assert_eq!(sums([("a.pdf", "00ff")]), "00ff  a.pdf\n");
    }
}
