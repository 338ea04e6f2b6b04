//! `/healthz` (the process answers) and `/readyz` (the database answers and is migrated).

use std::time::Duration;

use actix_web::{HttpResponse, web};
use diesel::RunQueryDsl;
use serde_json::json;

use crate::db::{BackendKind, migrate};
use crate::error::AppError;
use crate::http::state::AppState;

/// Liveness: 200 while the process runs.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

/// Readiness: 200 when a connection can be had within 2 s, answers `SELECT 1` and every
/// migration is applied; otherwise 503 with the JSON error envelope.
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let pool = state.pool.clone();
    let backend = web::block(move || -> Result<BackendKind, AppError> {
        let mut conn = pool.get_timeout(Duration::from_secs(2))?;
        diesel::sql_query("SELECT 1").execute(&mut *conn)?;
        let pending = migrate::has_pending(&mut conn).map_err(|e| AppError::Unavailable(e.to_string()))?;
        if pending {
            return Err(AppError::Unavailable("migrations pending".into()));
        }
        Ok(BackendKind::of(&conn))
    })
    .await??;
    Ok(HttpResponse::Ok().json(json!({ "status": "ready", "database": backend, "migrations": "applied" })))
}
