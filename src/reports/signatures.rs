//! `signatures`: agreements signed in the range (by `signed_at`, as the signatures list
//! filters), counted by the database per agreement version and language.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::Range;
use crate::db::DbConn;
use crate::db::schema::agreement_signatures as sig;
use crate::db::sql_types::Ts;
use crate::domain::csv::line;

/// Signatures of one version in one language.
#[derive(Debug, Serialize, Queryable)]
pub struct Group {
    /// the agreement version signed
    pub agreement_version: i32,
    /// `EN` or `ES`
    pub language: String,
    /// how many
    pub signatures: i64,
}

/// The `signatures` report.
#[derive(Debug, Serialize)]
pub struct Signatures {
    /// first day
    pub from: NaiveDate,
    /// last day
    pub to: NaiveDate,
    /// all signatures in the range
    pub total: i64,
    /// by version (newest first), then language
    pub groups: Vec<Group>,
}

/// One aggregate query over `agreement_signatures`.
pub fn compute(conn: &mut DbConn, range: Range) -> QueryResult<Signatures> {
    let (start, end) = range.bounds();
    let groups: Vec<Group> = sig::table
        .filter(sig::signed_at.ge(Ts(start)).and(sig::signed_at.lt(Ts(end))))
        .group_by((sig::agreement_version, sig::language))
        .select((sig::agreement_version, sig::language, diesel::dsl::count_star()))
        .order((sig::agreement_version.desc(), sig::language))
        .load(conn)?;
    Ok(Signatures { from: range.from, to: range.to, total: groups.iter().map(|g| g.signatures).sum(), groups })
}

impl Signatures {
    /// `agreement_version,language,signatures` per group, then `TOTAL`.
    pub fn csv(&self) -> String {
        std::iter::once(line(&["agreement_version", "language", "signatures"]))
            .chain(self.groups.iter().map(|g| line(&[g.agreement_version.to_string(), g.language.clone(), g.signatures.to_string()])))
            .chain(std::iter::once(line(&["TOTAL".to_owned(), String::new(), self.total.to_string()])))
            .collect()
    }
}
