//! `/api/audit/*`: managers read the log and verify its hash chain.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::text::{Input, Lines};
use crate::access::extract::{Authed, Manager};
use crate::app::AppState;
use crate::db::models::audit_event::{page_newest_first, verify_chain};
use crate::domain::audit_chain::{AuditRecord, ChainReport};
use crate::error::AppError;

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

/// The audit log, newest first, paginated.
#[utoipa::path(get, path = "/api/audit/events", tag = "audit", security(("manager" = [])), params(EventsQuery),
    responses((status = 200, body = EventsPage)))]
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
    let rows = state.db(move |c| Ok(page_newest_first(c, before, limit)?)).await?;
    let next_cursor = (rows.len() as i64 == limit).then(|| rows.last().map(|(r, _)| r.seq.to_string())).flatten();
    Ok(HttpResponse::Ok().json(EventsPage { events: rows.into_iter().map(view).collect(), next_cursor }))
}
