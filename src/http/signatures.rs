//! `/api/signatures`: managers list the signed agreements and open one. Opening one (which
//! shows the image) is itself an audit event, written in the same transaction as the read.

use std::collections::HashSet;

use actix_web::{HttpResponse, web};
use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use serde_json::json;
use utoipa::IntoParams;

use super::signature_views::{SignatureDetail, SignatureItem, SignaturePage};
use super::text::{Input, Lines, Text};
use super::validate;
use super::wire::ErrorBody;
use crate::access::extract::{Authed, Manager};
use crate::checkin::evidence;
use crate::db::ids::SignatureId;
use crate::db::models::audit_event::NewAuditEvent;
use crate::db::models::lane::is_valid_lane_id;
use crate::db::models::signature::NewSignature;
use crate::db::models::signature_listing::{self, Position, SignatureFilter};
use crate::db::sql_types::Ts;
use crate::db::write_tx;
use crate::domain::club_days;
use crate::error::AppError;
use crate::http::state::AppState;

/// The `entity_type` of audit events about one signature.
pub const ENTITY: &str = "agreement_signature";

/// Paging and filters. Every value is checked; a bad one is 400 naming its parameter, and an
/// empty one is ignored.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SignaturesQuery {
    /// 1–100, default 25
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    pub limit: Option<Input>,
    /// `next_cursor` of the previous page
    #[param(value_type = Option<String>)]
    pub cursor: Option<Input>,
    /// signed on or after this club-local date (YYYY-MM-DD)
    #[param(value_type = Option<String>, format = "date")]
    pub from: Option<Input>,
    /// signed on or before this club-local date (YYYY-MM-DD)
    #[param(value_type = Option<String>, format = "date")]
    pub to: Option<Input>,
    /// part of the customer's name (any case)
    #[param(value_type = Option<String>)]
    pub customer: Option<Input>,
    /// lane id, e.g. `lane-1`
    #[param(value_type = Option<String>)]
    pub lane: Option<Input>,
    /// EN or ES
    #[param(value_type = Option<String>)]
    pub language: Option<Input>,
    /// agreement version number
    #[param(value_type = Option<i32>)]
    pub agreement_version: Option<Input>,
    /// the hosting employee's id
    #[param(value_type = Option<String>, format = "uuid")]
    pub staff: Option<Input>,
    /// the kiosk's id
    #[param(value_type = Option<String>, format = "uuid")]
    pub device: Option<Input>,
    /// room or locker number (exact)
    #[param(value_type = Option<String>)]
    pub unit: Option<Input>,
}

/// A parameter's text, `None` when absent or blank (1–`max` characters otherwise).
pub(super) fn present(field: &str, value: &Option<Input>, max: usize) -> Result<Option<Text>, AppError> {
    value.as_ref().filter(|v| !v.is_blank()).map(|v| v.text(field, 1, max, Lines::One)).transpose()
}

fn parsed<T: std::str::FromStr>(field: &str, value: &Option<Input>, what: &str) -> Result<Option<T>, AppError> {
    present(field, value, 100)?.map(|v| v.parse().map_err(|_| AppError::invalid(field, format!("{field} must be {what}.")))).transpose()
}

/// A club-local day between 2000-01-01 and 2100-12-31.
pub(super) fn date(field: &str, value: &Option<Input>) -> Result<Option<NaiveDate>, AppError> {
    present(field, value, 20)?
        .map(|v| {
            let day = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .map_err(|_| AppError::invalid(field, format!("{field} must be a date like 2026-11-20.")))?;
            validate::date(field, day)
        })
        .transpose()
}

/// The filter the query asks for; `from`/`to` are days on the club's clock (`tz`).
pub(super) fn filter_of(q: &SignaturesQuery, tz: Tz) -> Result<SignatureFilter, AppError> {
    let (from, to) = (date("from", &q.from)?, date("to", &q.to)?);
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        return Err(AppError::invalid("to", "to must not be before from."));
    }
    let (from, until) = club_days::days_range(tz, from, to);
    let customer = present("customer", &q.customer, 100)?.map(Text::into_string);
    let lane = match present("lane", &q.lane, 10)? {
        Some(lane) if !is_valid_lane_id(&lane) => return Err(AppError::invalid("lane", "lane must be a lane id like lane-1.")),
        lane => lane.map(Text::into_string),
    };
    let agreement_version: Option<i32> = parsed("agreement_version", &q.agreement_version, "a version number")?;
    if agreement_version.is_some_and(|v| v < 1) {
        return Err(AppError::invalid("agreement_version", "agreement_version must be a version number."));
    }
    let unit = present("unit", &q.unit, 10)?.map(Text::into_string);
    Ok(SignatureFilter {
        from,
        until,
        customer,
        lane,
        language: parsed("language", &q.language, "EN or ES")?,
        agreement_version,
        staff: parsed("staff", &q.staff, "a staff id (UUID)")?,
        device: parsed("device", &q.device, "a device id (UUID)")?,
        unit,
    })
}

/// The opaque cursor of a position: base64url of `signed_at|id`.
fn encode_cursor((at, id): Position) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{at}|{id}"))
}

/// The position a cursor names (400 naming `cursor` if it is not one of ours).
fn decode_cursor(cursor: &str) -> Result<Position, AppError> {
    let bad = || AppError::invalid("cursor", "That cursor is not valid.");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor.trim()).map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let (at, id) = text.split_once('|').ok_or_else(bad)?;
    let at = DateTime::parse_from_rfc3339(at).map_err(|_| bad())?.with_timezone(&Utc);
    Ok((Ts(at), id.parse::<SignatureId>().map_err(|_| bad())?))
}

/// Signed agreements, newest first, filtered and paginated (manager).
#[utoipa::path(get, path = "/api/signatures", operation_id = "list_signatures", tag = "signatures", security(("manager" = [])), params(SignaturesQuery),
    responses((status = 200, body = SignaturePage)))]
pub async fn list(
    Authed(Manager(_), query): Authed<Manager, web::Query<SignaturesQuery>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let limit: i64 = parsed("limit", &query.limit, "a number from 1 to 100")?.unwrap_or(25);
    if !(1..=100).contains(&limit) {
        return Err(AppError::invalid("limit", "limit must be a number from 1 to 100."));
    }
    let after = present("cursor", &query.cursor, 200)?.as_deref().map(decode_cursor).transpose()?;
    let filter = filter_of(&query, state.settings.tz)?;
    // One row more than asked tells whether another page exists.
    // Each record is read whole to recompute its hashes, so a tampered one is flagged here.
    let (rows, intact, more) = state
        .db(move |c| {
            let mut rows = signature_listing::page(c, &filter, after, limit + 1)?;
            let more = rows.len() as i64 > limit;
            rows.truncate(limit as usize);
            let ids: Vec<SignatureId> = rows.iter().map(|l| l.id).collect();
            let intact: HashSet<SignatureId> =
                NewSignature::find_many(c, &ids)?.iter().filter(|r| evidence::verify(r).intact).map(|r| r.id).collect();
            Ok((rows, intact, more))
        })
        .await?;
    let next_cursor = rows.last().filter(|_| more).map(|l| encode_cursor((l.signed_at, l.id)));
    let items = rows.iter().map(|l| SignatureItem::new(l, intact.contains(&l.id))).collect();
    Ok(HttpResponse::Ok().json(SignaturePage { items, next_cursor }))
}

/// One signature with its text, image, hashes, attribution, timeline, stay and a fresh
/// verification of every hash (manager). The view is recorded as `SIGNATURE_VIEWED`.
#[utoipa::path(get, path = "/api/signatures/{signature_id}", tag = "signatures", security(("manager" = [])),
    params(("signature_id" = String, Path, format = "uuid", example = "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e")),
    responses((status = 200, body = SignatureDetail), (status = 404, body = ErrorBody, description = "no such signature")))]
pub async fn detail(
    Authed(Manager(auth), id): Authed<Manager, web::Path<SignatureId>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (id, now) = (id.into_inner(), state.clock.now());
    let detail = state
        .db(move |c| {
            write_tx(c, |c| {
                let missing = || AppError::NotFound { what: "The signature" };
                let record = NewSignature::find(c, id)?.ok_or_else(missing)?;
                let listing = signature_listing::one(c, id)?.ok_or_else(missing)?;
                let verification = evidence::verify(&record);
                let summary = json!({ "record_sha256": record.record_sha256, "intact": verification.intact });
                NewAuditEvent {
                    actor: auth.actor(),
                    lane_id: None,
                    action: "SIGNATURE_VIEWED",
                    entity: Some((ENTITY, id.to_string())),
                    summary,
                    reason: None,
                }
                .append(c, now)?;
                Ok(SignatureDetail::new(&listing, record, verification))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(detail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_names_its_position_and_nothing_else_passes() {
        let at = DateTime::parse_from_rfc3339("2026-11-20T18:00:00.123456Z").unwrap().with_timezone(&Utc);
        let position = (Ts(at), SignatureId::new());
        let cursor = encode_cursor(position);
        assert!(cursor.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{cursor}");
        assert_eq!(decode_cursor(&cursor).unwrap(), position);
        for bad in ["", "42", "bm90IGEgY3Vyc29y", &encode_cursor(position)[1..]] {
            assert_eq!(decode_cursor(bad).unwrap_err().code(), "VALIDATION_FAILED", "{bad}");
        }
    }
}
