//! The managers' side of `agreements`: every version with its signature count, the next
//! version number of a language, editing a draft's text and switching the active version.
//! The database keeps the last word: a signed version's text cannot change
//! (`agreements_frozen_once_signed`) and one language has at most one active version.

use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use crate::db::ids::AgreementId;
use crate::db::schema::{agreement_signatures as sig, agreements};
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::Language;

/// One version as the manager sees it (the text included: drafts are edited from it).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = agreements, check_for_backend(MultiBackend))]
pub struct AgreementVersion {
    /// id
    pub id: AgreementId,
    /// 1, 2, ... per language
    pub version: i32,
    /// EN or ES
    pub language: Language,
    /// heading
    pub title: String,
    /// the full text
    pub body_text: String,
    /// SHA-256 of `body_text`
    pub body_sha256: String,
    /// the consent sentence
    pub consent_text: String,
    /// signed now?
    pub active: bool,
    /// drafted
    pub created_at: Ts,
    /// last made active
    pub activated_at: Option<Ts>,
}

/// The text of a draft.
#[derive(Debug, AsChangeset)]
#[diesel(table_name = agreements)]
pub struct DraftText<'a> {
    /// heading
    pub title: &'a str,
    /// full text
    pub body_text: &'a str,
    /// its SHA-256
    pub body_sha256: String,
    /// consent sentence
    pub consent_text: &'a str,
}

impl AgreementVersion {
    /// One version.
    pub fn find(conn: &mut DbConn, id: AgreementId) -> QueryResult<Option<AgreementVersion>> {
        agreements::table.find(id).select(AgreementVersion::as_select()).first(conn).optional()
    }

    /// Every version, by language, newest first.
    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<AgreementVersion>> {
        agreements::table.order((agreements::language.asc(), agreements::version.desc())).select(AgreementVersion::as_select()).load(conn)
    }

    /// The number a new version of `language` gets: one more than the highest.
    pub fn next_version(conn: &mut DbConn, language: Language) -> QueryResult<i32> {
        let highest: Option<i32> =
            agreements::table.filter(agreements::language.eq(language.as_str())).select(max(agreements::version)).first(conn)?;
        Ok(highest.unwrap_or(0) + 1)
    }

    /// How many signatures refer to each version that has any.
    pub fn signature_counts(conn: &mut DbConn) -> QueryResult<Vec<(AgreementId, i64)>> {
        sig::table.group_by(sig::agreement_id).select((sig::agreement_id, count_star())).load(conn)
    }

    /// How many signatures refer to `id`.
    pub fn signatures_of(conn: &mut DbConn, id: AgreementId) -> QueryResult<i64> {
        sig::table.filter(sig::agreement_id.eq(id)).count().get_result(conn)
    }

    /// Replaces the text of an inactive version; `false` if it is active (or gone). The
    /// database refuses it for a signed version.
    pub fn set_draft_text(conn: &mut DbConn, id: AgreementId, text: &DraftText<'_>) -> QueryResult<bool> {
        let rows = diesel::update(agreements::table.find(id).filter(agreements::active.eq(false))).set(text).execute(conn)?;
        Ok(rows == 1)
    }

    /// Makes `id` the active version of `language`, the previous one (if another) inactive.
    /// Run inside a transaction: the unique index allows one active version per language.
    pub fn activate(conn: &mut DbConn, id: AgreementId, language: Language, now: Ts) -> QueryResult<()> {
        diesel::update(agreements::table.filter(agreements::language.eq(language.as_str())).filter(agreements::active.eq(true)))
            .set(agreements::active.eq(false))
            .execute(conn)?;
        diesel::update(agreements::table.find(id))
            .set((agreements::active.eq(true), agreements::activated_at.eq(Some(now))))
            .execute(conn)?;
        Ok(())
    }
}
