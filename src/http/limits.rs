//! Body limits and the JSON error envelope for what actix itself refuses (bad JSON, too large,
//! unknown route), so every 4xx has the same shape.

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::{HttpRequest, web};

use crate::error::AppError;

/// Largest ordinary JSON body (spec/api.md).
pub const JSON_LIMIT: usize = 64 * 1024;

/// JSON bodies: 64 KiB, errors as `AppError`.
pub fn json_config() -> web::JsonConfig {
    json_config_with(JSON_LIMIT)
}

/// JSON bodies up to `limit` bytes (signature submissions: 1 MiB).
pub fn json_config_with(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default().limit(limit).error_handler(json_error)
}

fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let app = match &err {
        JsonPayloadError::OverflowKnownLength { limit, .. } | JsonPayloadError::Overflow { limit } => AppError::TooLarge { limit: *limit },
        JsonPayloadError::ContentType => {
            AppError::Invalid { code: "UNSUPPORTED_CONTENT_TYPE", field: None, message: "Send the body as application/json.".into() }
        }
        JsonPayloadError::Deserialize(e) => {
            AppError::Invalid { code: "INVALID_JSON", field: None, message: format!("The body is not valid for this request: {e}") }
        }
        other => AppError::Invalid { code: "INVALID_JSON", field: None, message: other.to_string() },
    };
    app.into()
}

/// Path parameters that do not parse are a 400, not a 404.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default()
        .error_handler(|err: PathError, _| AppError::Invalid { code: "INVALID_PATH", field: None, message: err.to_string() }.into())
}

/// Query strings that do not parse are a 400.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err: QueryPayloadError, _| {
        AppError::Invalid { code: "INVALID_QUERY", field: None, message: err.to_string() }.into()
    })
}

/// Unknown routes: 404 in the JSON envelope.
pub async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::NotFound { what: "The page or endpoint" })
}
