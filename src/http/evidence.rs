//! `/api/signatures/…` for the evidence desk (manager): one signature's certificate PDF,
//! verification of a certificate by upload or by hash, and the streamed exports (a ZIP of
//! certificates with manifests, or the list as CSV). Every access is audited.

use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use super::signatures::{ENTITY, SignaturesQuery, filter_of, present};
use super::wire::ErrorBody;
use crate::access::extract::{Authed, Manager};
use crate::db::ids::SignatureId;
use crate::db::models::audit_event::{Actor, NewAuditEvent};
use crate::db::models::signature_listing::{self, SignatureFilter};
use crate::db::sql_types::Ts;
use crate::db::write_tx;
use crate::error::AppError;
use crate::evidence::export::{self, MAX_SIGNATURES, Summary};
use crate::evidence::verify::{self, Verdict};
use crate::http::state::AppState;

/// Largest certificate upload.
pub const UPLOAD_LIMIT: usize = 10 * 1024 * 1024;

/// The certificate PDF of one signature, byte-for-byte the same for the same record; its
/// SHA-256 is in `X-Certificate-SHA256`. Recorded as `CERTIFICATE_DOWNLOADED`.
#[utoipa::path(get, path = "/api/signatures/{signature_id}/certificate.pdf", tag = "signatures", security(("manager" = [])),
    params(("signature_id" = String, Path, format = "uuid", example = "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = ErrorBody, description = "no such signature")))]
pub async fn certificate(
    Authed(Manager(auth), id): Authed<Manager, web::Path<SignatureId>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (id, now) = (id.into_inner(), Ts(state.clock.now()));
    let issued = state
        .db(move |c| {
            write_tx(c, |c| {
                let issued = crate::evidence::issue(c, id, now)?;
                let summary = json!({
                    "certificate_sha256": issued.certificate.sha256,
                    "record_sha256": issued.record.record_sha256,
                    "intact": issued.certificate.intact,
                });
                let event = NewAuditEvent {
                    actor: auth.actor(),
                    lane_id: None,
                    action: "CERTIFICATE_DOWNLOADED",
                    entity: Some((ENTITY, id.to_string())),
                    summary,
                    reason: None,
                };
                event.append(c, now.0)?;
                Ok(issued)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/pdf"))
        .insert_header((CONTENT_DISPOSITION, format!("attachment; filename=\"certificate-{id}.pdf\"")))
        .insert_header(("X-Certificate-SHA256", issued.certificate.sha256.clone()))
        .body(issued.certificate.bytes))
}

/// A hash to verify (the JSON form of the request).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HashQuery {
    /// SHA-256 of a certificate file, 64 hex digits
    pub sha256: String,
}

async fn read_body(mut payload: web::Payload) -> Result<Vec<u8>, AppError> {
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| AppError::Invalid { code: "INVALID_BODY", field: None, message: format!("The upload broke off: {e}") })?;
        if body.len() + chunk.len() > UPLOAD_LIMIT {
            return Err(AppError::TooLarge { limit: UPLOAD_LIMIT });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

enum Checked {
    File(Vec<u8>),
    Hash(String),
}

fn checked(req: &HttpRequest, body: Vec<u8>) -> Result<Checked, AppError> {
    let json =
        req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.trim_start().starts_with("application/json"));
    if !json {
        if !body.starts_with(b"%PDF-") {
            return Err(AppError::Invalid {
                code: "NOT_A_PDF",
                field: None,
                message: "That file is not a PDF. Upload the certificate PDF, or send its SHA-256.".into(),
            });
        }
        return Ok(Checked::File(body));
    }
    let query: HashQuery = serde_json::from_slice(&body).map_err(|e| AppError::Invalid {
        code: "INVALID_JSON",
        field: None,
        message: format!("The body is not valid for this request: {e}"),
    })?;
    let sha = query.sha256.trim();
    if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::invalid("sha256", "sha256 must be 64 hexadecimal digits."));
    }
    Ok(Checked::Hash(sha.to_ascii_lowercase()))
}

/// Whether a certificate (the PDF as the body, any type but JSON) or a SHA-256 (JSON
/// `{sha256}`) is exactly one we issue for a stored record that still verifies. Recorded as
/// `CERTIFICATE_VERIFIED`.
#[utoipa::path(post, path = "/api/signatures/verify", operation_id = "verify_certificate", tag = "signatures", security(("manager" = [])),
    request_body(content = HashQuery, description = "`{sha256}` as JSON, or the PDF itself as `application/pdf`"),
    responses((status = 200, body = Verdict), (status = 400, body = ErrorBody, description = "not a PDF, or not a SHA-256"), (status = 413, body = ErrorBody)))]
pub async fn verify(
    Authed(Manager(auth), payload): Authed<Manager, web::Payload>,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let input = checked(&req, read_body(payload).await?)?;
    let now = Ts(state.clock.now());
    let verdict = state
        .db(move |c| {
            write_tx(c, |c| {
                let (verdict, by) = match &input {
                    Checked::File(pdf) => (verify::by_file(c, pdf, now)?, "file"),
                    Checked::Hash(sha) => (verify::by_hash(c, sha)?, "hash"),
                };
                let summary = json!({ "sha256": verdict.sha256, "status": verdict.status, "by": by });
                let entity = verdict.signature_id.map(|id| (ENTITY, id.to_string()));
                NewAuditEvent { actor: auth.actor(), lane_id: None, action: "CERTIFICATE_VERIFIED", entity, summary, reason: None }
                    .append(c, now.0)?;
                Ok(verdict)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(verdict))
}

/// The filter as the manifest and the audit log state it.
fn described(f: &SignatureFilter) -> Value {
    json!({
        "from": f.from, "until": f.until, "customer": f.customer, "lane": f.lane,
        "language": f.language.map(|l| l.as_str()), "agreement_version": f.agreement_version,
        "staff": f.staff, "device": f.device, "unit": f.unit,
    })
}

/// The filter of an export: the list's, whose paging parameters (a form may send them along)
/// are checked like the list's and ignored.
fn export_filter(q: &SignaturesQuery, state: &AppState) -> Result<SignatureFilter, AppError> {
    present("limit", &q.limit, 100)?;
    present("cursor", &q.cursor, 200)?;
    filter_of(q, state.settings.tz)
}

/// How many signatures an export of these filters would hold.
#[derive(serde::Serialize, ToSchema)]
pub struct ExportSize {
    /// matching signatures (at most `max` + 1: counting stops there)
    pub count: usize,
    /// the most one export holds
    pub max: usize,
    /// an export would be refused with `EXPORT_TOO_LARGE`
    pub too_many: bool,
}

fn counted(c: &mut crate::db::DbConn, filter: &SignatureFilter) -> Result<usize, AppError> {
    Ok(signature_listing::page(c, filter, None, MAX_SIGNATURES as i64 + 1)?.len())
}

/// How many signatures match the list's filters, and whether an export would be refused: the
/// screen asks before it starts a download, so a refusal is shown in words instead of as a
/// file. Reads no record, so it is not audited.
#[utoipa::path(get, path = "/api/signatures/export/size", tag = "signatures", security(("manager" = [])), params(SignaturesQuery),
    responses((status = 200, body = ExportSize)))]
pub async fn export_size(
    Authed(Manager(_), query): Authed<Manager, web::Query<SignaturesQuery>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let filter = export_filter(&query, &state)?;
    let count = state.db(move |c| counted(c, &filter)).await?;
    Ok(HttpResponse::Ok().json(ExportSize { count, max: MAX_SIGNATURES, too_many: count > MAX_SIGNATURES }))
}

/// Checks the size and writes `SIGNATURES_EXPORT_STARTED` (409 `EXPORT_TOO_LARGE` above
/// [`MAX_SIGNATURES`]).
async fn start(state: &web::Data<AppState>, actor: Actor, format: &'static str, filter: &SignatureFilter) -> Result<(), AppError> {
    let (filter, now) = (filter.clone(), state.clock.now());
    state
        .db(move |c| {
            let count = counted(c, &filter)?;
            if count > MAX_SIGNATURES {
                let message = format!("More than {MAX_SIGNATURES} signatures match; narrow the filter (for example by dates).");
                return Err(AppError::Conflict { code: "EXPORT_TOO_LARGE", message, details: json!({ "max": MAX_SIGNATURES }) });
            }
            write_tx(c, |c| {
                let summary = json!({ "format": format, "filter": described(&filter), "count": count });
                NewAuditEvent { actor, lane_id: None, action: "SIGNATURES_EXPORT_STARTED", entity: None, summary, reason: None }
                    .append(c, now)?;
                Ok(())
            })
        })
        .await
}

type Produce = fn(&crate::db::pool::DbPool, &SignatureFilter, &Value, Ts, export::Sink) -> Result<Summary, AppError>;

/// Streams what `produce` writes, from a blocking thread, through a small channel (the
/// back-pressure that bounds memory), then audits the end.
fn stream(state: &web::Data<AppState>, actor: Actor, format: &'static str, filter: SignatureFilter, produce: Produce) -> HttpResponse {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<web::Bytes, std::io::Error>>(4);
    let (pool, now) = (state.pool.clone(), Ts(state.clock.now()));
    actix_web::rt::task::spawn_blocking(move || {
        let mut sink = |bytes: Vec<u8>| tx.blocking_send(Ok(web::Bytes::from(bytes))).is_ok();
        let result = produce(&pool, &filter, &described(&filter), now, &mut sink);
        if let Err(e) = &result {
            tracing::error!(error = %e, format, "signature export failed");
            let _ = tx.blocking_send(Err(std::io::Error::other("the export failed")));
        }
        if let Err(e) = export::audit_end(&pool, actor, format, &result, now) {
            tracing::error!(error = %e, format, "could not audit the end of an export");
        }
    });
    let body = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    let (mime, name) = match format {
        "zip" => ("application/zip", format!("signatures-{}.zip", now.0.format("%Y%m%dT%H%M%SZ"))),
        _ => ("text/csv; charset=utf-8", format!("signatures-{}.csv", now.0.format("%Y%m%dT%H%M%SZ"))),
    };
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, mime))
        .insert_header((CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .streaming(body)
}

/// Every signature matching the list's filters as one ZIP: a certificate PDF each, with
/// `manifest.csv`, `manifest.json` and `SHA256SUMS`. Streamed; audited at start and end.
#[utoipa::path(get, path = "/api/signatures/export.zip", tag = "signatures", security(("manager" = [])), params(SignaturesQuery),
    responses((status = 200, content_type = "application/zip", body = Vec<u8>), (status = 409, body = ErrorBody, description = "EXPORT_TOO_LARGE")))]
pub async fn export_zip(
    Authed(Manager(auth), query): Authed<Manager, web::Query<SignaturesQuery>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let filter = export_filter(&query, &state)?;
    start(&state, auth.actor(), "zip", &filter).await?;
    Ok(stream(&state, auth.actor(), "zip", filter, export::archive))
}

/// The list under its filters as CSV, with every hash and whether each record verifies.
/// Streamed; audited at start and end.
#[utoipa::path(get, path = "/api/signatures/export.csv", tag = "signatures", security(("manager" = [])), params(SignaturesQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 409, body = ErrorBody, description = "EXPORT_TOO_LARGE")))]
pub async fn export_csv(
    Authed(Manager(auth), query): Authed<Manager, web::Query<SignaturesQuery>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let filter = export_filter(&query, &state)?;
    start(&state, auth.actor(), "csv", &filter).await?;
    Ok(stream(&state, auth.actor(), "csv", filter, |pool, filter, _, _, sink| export::list_csv(pool, filter, sink)))
}
