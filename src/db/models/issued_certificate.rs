//! `issued_certificates`: the SHA-256 of every certificate PDF the server has handed out, with
//! the signature and the record hash it was made from. Rows are only ever added.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::SignatureId;
use crate::db::schema::issued_certificates as ic;
use crate::db::sql_types::Ts;

/// One issued certificate.
#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = ic, treat_none_as_default_value = false)]
pub struct IssuedCertificate {
    /// SHA-256 of the PDF bytes
    pub sha256: String,
    /// the signature it certifies
    pub signature_id: SignatureId,
    /// that record's hash when the certificate was made
    pub record_sha256: String,
    /// when it was first handed out
    pub first_issued_at: Ts,
}

impl IssuedCertificate {
    /// Records the certificate unless it is known already (a concurrent insert of the same
    /// hash is fine: the savepoint absorbs the key violation).
    pub fn remember(&self, conn: &mut DbConn) -> QueryResult<()> {
        if Self::find(conn, &self.sha256)?.is_some() {
            return Ok(());
        }
        let inserted = conn.transaction(|c| diesel::insert_into(ic::table).values(self).execute(c));
        match inserted {
            Ok(_) | Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// The certificate with this SHA-256, if we issued it.
    pub fn find(conn: &mut DbConn, sha256: &str) -> QueryResult<Option<IssuedCertificate>> {
        ic::table.find(sha256).select((ic::sha256, ic::signature_id, ic::record_sha256, ic::first_issued_at)).first(conn).optional()
    }
}
