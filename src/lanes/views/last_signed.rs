//! The register's note on a returning customer's last signature: which agreement version they
//! signed, when, and whether a newer version has been activated since (staff only; the kiosk
//! view has no such field).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::db::ids::CustomerId;
use crate::db::models::agreement::Agreement;
use crate::db::schema::agreement_signatures as sig;
use crate::db::sql_types::Ts;
use crate::domain::enums::Language;

/// The customer's latest signature against today's agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct LastSigned {
    /// the version they last signed
    pub version: i32,
    /// its language
    #[schema(value_type = String, example = "EN")]
    pub language: Language,
    /// when (server UTC)
    pub signed_at: DateTime<Utc>,
    /// the active version of the language they read today (the session's, else the one they
    /// last signed in); null when none is active
    pub current_version: Option<i32>,
    /// that language
    #[schema(value_type = String, example = "EN")]
    pub current_language: Language,
    /// a newer version of the language they signed in is active now
    pub older: bool,
}

/// The note for `customer` on a session in `language` (if chosen); `None` for a first visit.
pub fn load(conn: &mut DbConn, customer: CustomerId, language: Option<Language>) -> QueryResult<Option<LastSigned>> {
    let last: Option<(i32, Language, Ts)> = sig::table
        .filter(sig::customer_id.eq(customer))
        .order((sig::signed_at.desc(), sig::id.desc()))
        .select((sig::agreement_version, sig::language, sig::signed_at))
        .first(conn)
        .optional()?;
    let Some((version, signed_language, signed_at)) = last else { return Ok(None) };
    let active_version = |conn: &mut DbConn, l: Language| Agreement::active_for(conn, l).map(|a| a.map(|a| a.version));
    let of_signed = active_version(conn, signed_language)?;
    let current_language = language.unwrap_or(signed_language);
    let current_version = if current_language == signed_language { of_signed } else { active_version(conn, current_language)? };
    Ok(Some(LastSigned {
        version,
        language: signed_language,
        signed_at: signed_at.0,
        current_version,
        current_language,
        older: of_signed.is_some_and(|active| version < active),
    }))
}
