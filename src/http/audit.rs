//! `/api/audit/*`: managers read the log and verify its hash chain.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use chrono_tz::Tz;
use uuid::Uuid;

use super::signatures::{date, present};
use super::text::{Input, Lines, Text};
use super::wire::ErrorBody;
use crate::access::extract::{Authed, Manager};
use crate::db::models::audit_event::{AuditFilter, page_newest_first, verify_chain};
use crate::db::models::lane::is_valid_lane_id;
use crate::domain::audit_chain::{AuditRecord, ChainReport};
use crate::domain::club_days;
use crate::error::AppError;
use crate::http::state::AppState;

/// The chain's state.
#[derive(Serialize, ToSchema)]
pub struct VerifyResponse {
    /// `intact` or `broken`
    pub status: String,
    /// events checked (when intact)
    pub events: Option<i64>,
    /// first broken event (when broken)
    pub seq: Option<i64>,
    /// what is wrong with it
    pub problem: Option<String>,
}

/// Verifies the whole audit hash chain: "intact", or the first broken `seq`.
#[utoipa::path(get, path = "/api/audit/verify", tag = "audit", security(("manager" = [])),
    responses((status = 200, body = VerifyResponse)))]
pub async fn verify(Manager(_): Manager, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let report = state.db(|c| Ok(verify_chain(c)?)).await?;
    let body = match report {
        ChainReport::Intact { events } => VerifyResponse { status: "intact".into(), events: Some(events), seq: None, problem: None },
        ChainReport::Broken { seq, problem } => {
            VerifyResponse { status: "broken".into(), events: None, seq: Some(seq), problem: Some(problem) }
        }
    };
    Ok(HttpResponse::Ok().json(body))
}

/// Paging through the log, newest first.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventsQuery {
    /// 1–200, default 50
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page
    #[param(value_type = Option<String>)]
    pub cursor: Option<Input>,
    /// the acting staff member's or device's id
    #[param(value_type = Option<String>, format = "uuid")]
    pub actor: Option<Input>,
    /// the action, e.g. `REGISTER_FORCE_SIGN_OUT` (capitals and `_`)
    #[param(value_type = Option<String>, pattern = "^[A-Z][A-Z_]{0,63}$")]
    pub action: Option<Input>,
    /// lane id, e.g. `lane-1`
    #[param(value_type = Option<String>, pattern = "^lane-[1-9][0-9]{0,3}$")]
    pub lane: Option<Input>,
    /// the kind of entity, e.g. `agreement_signature`, `staff`, `visit` (lower case and `_`)
    #[param(value_type = Option<String>, pattern = "^[a-z][a-z_]{0,39}$")]
    pub entity_type: Option<Input>,
    /// the entity's id, e.g. a signature's id
    #[param(value_type = Option<String>)]
    pub entity_id: Option<Input>,
    /// on or after this club-local date (YYYY-MM-DD)
    #[param(value_type = Option<String>, format = "date")]
    pub from: Option<Input>,
    /// on or before this club-local date (YYYY-MM-DD)
    #[param(value_type = Option<String>, format = "date")]
    pub to: Option<Input>,
}

/// The filter the query asks for (400 `VALIDATION_FAILED` naming the field otherwise); `from`
/// and `to` are days on the club's clock.
fn filter_of(q: &EventsQuery, tz: Tz) -> Result<AuditFilter, AppError> {
    let actor = present("actor", &q.actor, 40)?
        .map(|a| {
            a.parse::<Uuid>().map(|u| u.to_string()).map_err(|_| AppError::invalid("actor", "actor must be a staff or device id (UUID)."))
        })
        .transpose()?;
    let action = present("action", &q.action, 64)?.map(Text::into_string);
    if action
        .as_deref()
        .is_some_and(|a| !a.starts_with(|c: char| c.is_ascii_uppercase()) || !a.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
    {
        return Err(AppError::invalid("action", "action must be an action name like STAFF_CREATED."));
    }
    let lane = present("lane", &q.lane, 10)?.map(Text::into_string);
    if lane.as_deref().is_some_and(|l| !is_valid_lane_id(l)) {
        return Err(AppError::invalid("lane", "lane must be a lane id like lane-1."));
    }
    let entity_type = present("entity_type", &q.entity_type, 40)?.map(Text::into_string);
    if entity_type
        .as_deref()
        .is_some_and(|e| !e.starts_with(|c: char| c.is_ascii_lowercase()) || !e.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    {
        return Err(AppError::invalid("entity_type", "entity_type must be a kind of entity like agreement_signature."));
    }
    let entity_id = present("entity_id", &q.entity_id, 100)?.map(|t| t.trim().to_owned());
    let (from, to) = (date("from", &q.from)?, date("to", &q.to)?);
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        return Err(AppError::invalid("to", "to must not be before from."));
    }
    let (from, until) = club_days::days_range(tz, from, to);
    Ok(AuditFilter { actor_id: actor, action, lane_id: lane, entity_type, entity_id, from, until })
}

/// One event.
#[derive(Serialize, ToSchema)]
pub struct EventView {
    /// position in the chain
    pub seq: i64,
    /// when
    pub at: DateTime<Utc>,
    /// STAFF, DEVICE or SYSTEM
    pub actor_type: String,
    /// staff or device id
    pub actor_id: Option<String>,
    /// lane, if any
    pub lane_id: Option<String>,
    /// what was done
    pub action: String,
    /// kind of entity
    pub entity_type: Option<String>,
    /// its id
    pub entity_id: Option<String>,
    /// before/after
    #[schema(value_type = Object)]
    pub summary: serde_json::Value,
    /// stated reason
    pub reason: Option<String>,
    /// chain link
    pub hash: String,
}

/// A page of events.
#[derive(Serialize, ToSchema)]
pub struct EventsPage {
    /// newest first
    pub events: Vec<EventView>,
    /// pass as `cursor` for the next page; absent on the last page
    pub next_cursor: Option<String>,
}

fn view((r, hash): (AuditRecord, String)) -> EventView {
    let summary = serde_json::from_str(&r.summary_json).unwrap_or(serde_json::Value::String(r.summary_json));
    EventView {
        seq: r.seq,
        at: r.at,
        actor_type: r.actor_type,
        actor_id: r.actor_id,
        lane_id: r.lane_id,
        action: r.action,
        entity_type: r.entity_type,
        entity_id: r.entity_id,
        summary,
        reason: r.reason,
        hash,
    }
}

/// The audit log, newest first, paginated, optionally narrowed by actor, action, lane and days.
#[utoipa::path(get, path = "/api/audit/events", tag = "audit", security(("manager" = [])), params(EventsQuery),
    responses((status = 200, body = EventsPage), (status = 400, body = ErrorBody, description = "`VALIDATION_FAILED` naming the bad parameter")))]
pub async fn events(
    Authed(Manager(_), query): Authed<Manager, web::Query<EventsQuery>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(AppError::invalid("limit", "limit must be between 1 and 200."));
    }
    let before = match &query.cursor {
        None => None,
        Some(c) => Some(
            c.text("cursor", 1, 20, Lines::One)?.parse::<i64>().map_err(|_| AppError::invalid("cursor", "That cursor is not valid."))?,
        ),
    };
    let filter = filter_of(&query, state.settings.tz)?;
    let rows = state.db(move |c| Ok(page_newest_first(c, &filter, before, limit)?)).await?;
    let next_cursor = (rows.len() as i64 == limit).then(|| rows.last().map(|(r, _)| r.seq.to_string())).flatten();
    Ok(HttpResponse::Ok().json(EventsPage { events: rows.into_iter().map(view).collect(), next_cursor }))
}
