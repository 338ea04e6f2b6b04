//! `/api/slips`: the printable stay slip of one check-in block, for the register's print
//! view (`/slip/{block_id}`). Any signed-in staff member may print one; nothing changes.

use actix_web::HttpResponse;
use diesel::Connection;

use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AnyStaff, Authed};
use crate::db::ids::BlockId;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::stays::slip::{self, Club, Slip};

/// The slip of a check-in or renewal block: club, unit, start and checkout time (with the
/// club's zone), what was paid, the agreement version and the signature's `record_sha256`
/// with its QR code as SVG.
#[utoipa::path(get, path = "/api/slips/{block_id}", tag = "stays", security(("staff" = [])),
    params(("block_id" = String, Path, format = "uuid", example = "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e")),
    responses((status = 200, body = Slip), (status = 404, body = ErrorBody, description = "no such check-in block")))]
pub async fn get(
    Authed(AnyStaff(_), block): Authed<AnyStaff, web::Path<BlockId>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let block = block.into_inner();
    let (name, tz) = (state.settings.club_name.clone(), state.settings.tz);
    // one read transaction: the block, its unit, payment and signature as of one moment
    let slip = state.db(move |c| c.transaction(|c| slip::read(c, block, &Club { name: &name, tz }))).await?;
    let slip = slip.ok_or(AppError::NotFound { what: "The check-in block" })?;
    Ok(HttpResponse::Ok().json(slip))
}
