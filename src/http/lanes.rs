//! `/api/lanes`: the counters. Staff see who runs each register; a kiosk sees only its own
//! lane and no staff data.

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::wire::RegisterView;
use crate::access::extract::{AnyStaff, LaneViewer};
use crate::db::models::lane::Lane;
use crate::db::models::register_session::RegisterSession;
use crate::error::AppError;
use crate::http::state::AppState;

/// A lane as staff see it.
#[derive(Serialize, ToSchema)]
pub struct LaneView {
    /// `lane-N`
    pub id: String,
    /// display name
    pub name: String,
    /// inactive lanes take no sessions
    pub active: bool,
    /// the open register session, if any (staff only)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub register: Option<RegisterView>,
}

/// Every lane with its register.
#[utoipa::path(get, path = "/api/lanes", operation_id = "list_lanes", tag = "lanes", security(("staff" = [])),
    responses((status = 200, body = Vec<LaneView>)))]
pub async fn list(AnyStaff(_): AnyStaff, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let lanes = state
        .db(|c| {
            let registers = RegisterSession::all_active(c)?;
            let views = Lane::all(c)?.into_iter().map(|l| {
                let register = registers.iter().find(|r| r.lane_id == l.id).cloned().map(RegisterView::from);
                LaneView { id: l.id, name: l.name, active: l.active, register }
            });
            Ok(views.collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(lanes))
}

/// One lane: staff see its register; its own kiosk sees only the lane.
#[utoipa::path(get, path = "/api/lanes/{lane}", operation_id = "get_lane", tag = "lanes", security(("staff" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = LaneView)))]
pub async fn get(viewer: LaneViewer, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (lane_id, for_staff) = match viewer {
        LaneViewer::Staff(_, lane) => (lane, true),
        LaneViewer::Kiosk(_, lane) => (lane, false),
    };
    let view = state
        .db(move |c| {
            let lane = Lane::find(c, &lane_id)?.ok_or(AppError::NotFound { what: "The lane" })?;
            let register = if for_staff { RegisterSession::active_on_lane(c, &lane.id)?.map(RegisterView::from) } else { None };
            Ok(LaneView { id: lane.id, name: lane.name, active: lane.active, register })
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
