//! `agreements`: versions of the agreement text per language (at most one active each).

use diesel::prelude::*;

use crate::db::sql_types::Ts;

use crate::db::ids::AgreementId;
use crate::db::schema::agreements;
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::Language;

/// An agreement version.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = agreements, check_for_backend(MultiBackend))]
pub struct Agreement {
    /// id
    pub id: AgreementId,
    /// 1, 2, ...
    pub version: i32,
    /// EN or ES
    pub language: Language,
    /// heading
    pub title: String,
    /// the full text
    pub body_text: String,
    /// SHA-256 of `body_text`
    pub body_sha256: String,
    /// the sentence next to the consent checkbox
    pub consent_text: String,
    /// whether customers sign this version now
    pub active: bool,
}

/// An agreement version to create.
#[derive(Debug, Insertable)]
#[diesel(table_name = agreements, treat_none_as_default_value = false)]
pub struct NewAgreement<'a> {
    /// id
    pub id: AgreementId,
    /// version number
    pub version: i32,
    /// language
    pub language: Language,
    /// heading
    pub title: &'a str,
    /// full text
    pub body_text: &'a str,
    /// hex SHA-256 of `body_text` (see [`sha256_hex`])
    pub body_sha256: String,
    /// consent sentence
    pub consent_text: &'a str,
    /// active now?
    pub active: bool,
    /// now
    pub created_at: Ts,
    /// now, if active
    pub activated_at: Option<Ts>,
}

impl NewAgreement<'_> {
    /// Inserts the version.
    pub fn insert(&self, conn: &mut DbConn) -> QueryResult<()> {
        diesel::insert_into(agreements::table).values(self).execute(conn).map(drop)
    }
}

impl Agreement {
    /// The active version for a language, if any.
    pub fn active_for(conn: &mut DbConn, language: Language) -> QueryResult<Option<Agreement>> {
        agreements::table
            .filter(agreements::language.eq(language).and(agreements::active.eq(true)))
            .select(Agreement::as_select())
            .first(conn)
            .optional()
    }
}

/// Lower-case hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    crate::domain::signature::sha256_hex(text.as_bytes())
}
