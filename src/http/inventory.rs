//! `/api/inventory`: the live inventory board for any signed-in staff member.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::text::{Input, Lines};
use crate::access::extract::{AnyStaff, Authed};
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::board::{self, BoardUnit};

/// An optional search.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct BoardQuery {
    /// up to 50 characters: units whose number or occupant's name contains it (any case);
    /// empty means no filter
    #[param(value_type = Option<String>, max_length = 50)]
    pub q: Option<Input>,
}

/// The board.
#[derive(Serialize, ToSchema)]
pub struct Board {
    /// when it was read
    pub at: DateTime<Utc>,
    /// rooms, then lockers, each in numeric order
    pub units: Vec<BoardUnit>,
}

/// Every room and locker with its status, hold, occupant and checkout time.
#[utoipa::path(get, path = "/api/inventory", tag = "inventory", security(("staff" = [])), params(BoardQuery),
    responses((status = 200, body = Board)))]
pub async fn board(
    Authed(AnyStaff(_), query): Authed<AnyStaff, web::Query<BoardQuery>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let q = query.q.as_ref().filter(|q| !q.is_blank()).map(|q| q.text("q", 1, 50, Lines::One)).transpose()?;
    let at = state.clock.now();
    let units = state.db(move |c| Ok(board::load(c, at, q.as_deref())?)).await?;
    Ok(HttpResponse::Ok().json(Board { at, units }))
}
