//! The one error type of the service and its JSON envelope (spec/api.md):
//! `{"error": {"code": "SNAKE_UPPER_CODE", "message": "human sentence", "details": {...}}}`.
//! Internal causes are logged once here and never sent to the client.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use chrono::{DateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde_json::{Value, json};

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the input is malformed; `field` names it when there is one.
    #[error("{message}")]
    Invalid {
        /// stable code, e.g. `VALIDATION_FAILED`
        code: &'static str,
        /// the offending field
        field: Option<String>,
        /// what is wrong, for a person
        message: String,
    },
    /// 401: no valid credentials (`NOT_AUTHENTICATED`, `INVALID_CREDENTIALS`, `SESSION_ENDED`, ...).
    #[error("{message}")]
    Unauthenticated {
        /// stable code
        code: &'static str,
        /// what to do
        message: String,
    },
    /// 403: authenticated but not allowed (role, scope, step-up).
    #[error("{message}")]
    Forbidden {
        /// stable code, e.g. `STEP_UP_REQUIRED`
        code: &'static str,
        /// what is missing
        message: String,
    },
    /// 404: no such thing.
    #[error("{what} was not found.")]
    NotFound {
        /// what was looked for, e.g. "Lane"
        what: &'static str,
    },
    /// 409: the request conflicts with the current state.
    #[error("{message}")]
    Conflict {
        /// stable code, e.g. `STALE_VERSION`, `SOLD_OUT`, `LANE_BUSY`
        code: &'static str,
        /// what happened
        message: String,
        /// e.g. the current view
        details: Value,
    },
    /// 413: the body exceeds its limit.
    #[error("The request is too large (limit {limit} bytes).")]
    TooLarge {
        /// the limit in bytes
        limit: usize,
    },
    /// 423: PIN login locked.
    #[error("Too many wrong PINs. Try again after {until}.")]
    Locked {
        /// when the lock ends
        until: DateTime<Utc>,
    },
    /// 429: too many requests; sent with `Retry-After`.
    #[error("Too many attempts. Please wait {retry_after_secs} seconds and try again.")]
    RateLimited {
        /// seconds until the next attempt is allowed
        retry_after_secs: u64,
    },
    /// 503: the database cannot be reached. The cause is logged, not sent.
    #[error("The database is unavailable. Please try again shortly.")]
    Unavailable(String),
    /// 500: a bug or an unexpected failure. The cause is logged, not sent.
    #[error("Something went wrong on the server.")]
    Internal(String),
}

impl AppError {
    /// A 400 naming the field at fault.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid { code: "VALIDATION_FAILED", field: Some(field.into()), message: message.into() }
    }

    /// 401 for a request with no credentials at all.
    pub fn not_signed_in() -> Self {
        Self::Unauthenticated { code: "NOT_AUTHENTICATED", message: "Please sign in first.".into() }
    }

    /// A 403 with a code.
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self::Forbidden { code, message: message.into() }
    }

    /// A 409 with a code and no details.
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Self {
        Self::Conflict { code, message: message.into(), details: json!({}) }
    }

    /// The stable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid { code, .. }
            | Self::Unauthenticated { code, .. }
            | Self::Forbidden { code, .. }
            | Self::Conflict { code, .. } => code,
            Self::NotFound { .. } => "NOT_FOUND",
            Self::TooLarge { .. } => "PAYLOAD_TOO_LARGE",
            Self::Locked { .. } => "PIN_LOCKED",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Unavailable(_) => "DATABASE_UNAVAILABLE",
            Self::Internal(_) => "INTERNAL",
        }
    }

    fn details(&self) -> Value {
        match self {
            Self::Invalid { field: Some(field), .. } => json!({ "field": field }),
            Self::Conflict { details, .. } => details.clone(),
            Self::TooLarge { limit } => json!({ "limit_bytes": limit }),
            Self::Locked { until } => json!({ "locked_until": until }),
            Self::RateLimited { retry_after_secs } => json!({ "retry_after_seconds": retry_after_secs }),
            _ => json!({}),
        }
    }

    /// The JSON body sent to the client.
    pub fn body(&self) -> Value {
        json!({ "error": { "code": self.code(), "message": self.to_string(), "details": self.details() } })
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Invalid { .. } => StatusCode::BAD_REQUEST,
            Self::Unauthenticated { .. } => StatusCode::UNAUTHORIZED,
            Self::Forbidden { .. } => StatusCode::FORBIDDEN,
            Self::NotFound { .. } => StatusCode::NOT_FOUND,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Locked { .. } => StatusCode::LOCKED,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Unavailable(cause) => tracing::warn!(error.cause = %cause, "database unavailable"),
            Self::Internal(cause) => tracing::error!(error.cause = %cause, "internal error"),
            _ => {}
        }
        let mut resp = HttpResponse::build(self.status_code());
        if let Self::RateLimited { retry_after_secs } = self {
            resp.insert_header(("Retry-After", retry_after_secs.to_string()));
        }
        resp.json(self.body())
    }
}

impl From<DieselError> for AppError {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::NotFound => Self::NotFound { what: "The record" },
            DieselError::DatabaseError(kind, info) => from_database(kind, info.as_ref()),
            other => Self::Internal(other.to_string()),
        }
    }
}

/// Maps a refusal by the database. SQLite reports trigger aborts as `Unknown`, so those are
/// recognised by the trigger's message (written in the migrations).
fn from_database(kind: DatabaseErrorKind, info: &dyn diesel::result::DatabaseErrorInformation) -> AppError {
    let message = info.message();
    let conflict =
        |code, text: &str| AppError::Conflict { code, message: text.into(), details: json!({ "constraint": info.constraint_name() }) };
    match kind {
        DatabaseErrorKind::UniqueViolation
        | DatabaseErrorKind::ForeignKeyViolation
        | DatabaseErrorKind::CheckViolation
        | DatabaseErrorKind::NotNullViolation => conflict("CONSTRAINT_VIOLATION", "The change conflicts with the data already stored."),
        DatabaseErrorKind::ExclusionViolation => conflict("BLOCK_OVERLAP", "That time block overlaps another block of the same stay."),
        DatabaseErrorKind::RestrictViolation => conflict("IMMUTABLE_RECORD", "Signed records and the audit log cannot be changed."),
        DatabaseErrorKind::SerializationFailure => conflict("RETRY", "Another change got there first. Please try again."),
        DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand => AppError::Unavailable(message.to_owned()),
        _ if message.contains("checkin_blocks_no_overlap") => {
            conflict("BLOCK_OVERLAP", "That time block overlaps another block of the same stay.")
        }
        _ if message.contains("immutable") || message.contains("cannot be edited") => {
            conflict("IMMUTABLE_RECORD", "Signed records and the audit log cannot be changed.")
        }
        _ if message.contains("database is locked") => AppError::Unavailable(message.to_owned()),
        _ => AppError::Internal(message.to_owned()),
    }
}

impl From<r2d2::Error> for AppError {
    fn from(err: r2d2::Error) -> Self {
        Self::Unavailable(err.to_string())
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(err: actix_web::error::BlockingError) -> Self {
        Self::Internal(err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::MessageBody;

    fn rendered(err: AppError) -> (u16, Value) {
        let resp = err.error_response();
        let status = resp.status().as_u16();
        let bytes = resp.into_body().try_into_bytes().unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[test]
    fn validation_error_body_is_exact() {
        let (status, body) = rendered(AppError::invalid("pin", "The PIN must be 6 digits."));
        assert_eq!(status, 400);
        assert_eq!(
            body,
            json!({"error": {"code": "VALIDATION_FAILED", "message": "The PIN must be 6 digits.", "details": {"field": "pin"}}})
        );
    }

    #[test]
    fn conflict_carries_its_code_and_details() {
        let err = AppError::Conflict { code: "STALE_VERSION", message: "The lane moved on.".into(), details: json!({"rev": 7}) };
        let (status, body) = rendered(err);
        assert_eq!(status, 409);
        assert_eq!(body, json!({"error": {"code": "STALE_VERSION", "message": "The lane moved on.", "details": {"rev": 7}}}));
    }

    #[test]
    fn internal_causes_are_not_sent() {
        let (status, body) = rendered(AppError::Internal("password=hunter2 at db".into()));
        assert_eq!(status, 500);
        assert_eq!(body, json!({"error": {"code": "INTERNAL", "message": "Something went wrong on the server.", "details": {}}}));
    }

    #[test]
    fn unavailable_database_is_503() {
        let (status, body) = rendered(AppError::Unavailable("connection refused".into()));
        assert_eq!(status, 503);
        assert_eq!(body["error"]["code"], "DATABASE_UNAVAILABLE");
        assert!(!body.to_string().contains("refused"));
    }

    #[test]
    fn rate_limited_says_when_to_retry() {
        let resp = AppError::RateLimited { retry_after_secs: 7 }.error_response();
        assert_eq!(resp.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("7"));
        let (status, body) = rendered(AppError::RateLimited { retry_after_secs: 7 });
        assert_eq!(
            (status, &body["error"]["code"], &body["error"]["details"]["retry_after_seconds"]),
            (429, &json!("RATE_LIMITED"), &json!(7))
        );
    }

    #[test]
    fn not_found_from_diesel_is_404() {
        let (status, body) = rendered(DieselError::NotFound.into());
        assert_eq!((status, body["error"]["code"].as_str()), (404, Some("NOT_FOUND")));
    }
}
