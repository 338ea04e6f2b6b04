//! Body limits and the JSON error envelope for what actix itself refuses (bad JSON, too large,
//! unknown route), so every 4xx has the same shape; and [`Json`], the body extractor whose
//! refusals name the field at fault.

use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::{FromRequest, HttpRequest, web};
use serde::de::DeserializeOwned;

use super::text;
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

/// A JSON body. Read like `web::Json` (same limits, content type and `INVALID_JSON` for text
/// that is not JSON), then turned into `T` keeping track of where it is, so a value of the
/// wrong type or an unknown enumeration member is 400 `VALIDATION_FAILED` naming its field
/// (`role`, `items[0].amount_cents`); an error of the whole body (a missing field) stays
/// `INVALID_JSON`.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The body.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let value = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let value = value.await?.into_inner();
            serde_path_to_error::deserialize(value).map(Json).map_err(|err| body_error(&err).into())
        })
    }
}

/// The refusal for a body that is JSON but not the request's shape.
fn body_error(err: &serde_path_to_error::Error<serde_json::Error>) -> AppError {
    // the message may quote what was sent: keep control characters out of it
    let message = text::printable(&err.inner().to_string());
    let path = err.path().to_string();
    // a field is named only when the failing value sits under a key of the body object
    if !matches!(err.path().iter().next(), Some(serde_path_to_error::Segment::Map { .. })) {
        return AppError::Invalid {
            code: "INVALID_JSON",
            field: None,
            message: format!("The body is not valid for this request: {message}"),
        };
    }
    AppError::invalid(path.clone(), format!("{path} is not valid: {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::StaffRole;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        description: String,
        amount_cents: i64,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        role: StaffRole,
        items: Vec<Item>,
        when: Option<chrono::NaiveDate>,
    }

    fn refusal(json: &str) -> (&'static str, Option<String>, String) {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        match serde_path_to_error::deserialize::<_, Body>(value).map_err(|e| body_error(&e)).unwrap_err() {
            AppError::Invalid { code, field, message } => (code, field, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_value_names_its_field() {
        let (code, field, message) = refusal(r#"{"role": "a\u0000b", "items": []}"#);
        assert_eq!((code, field.as_deref()), ("VALIDATION_FAILED", Some("role")));
        assert!(!message.contains('\0'), "{message:?}");
        let (code, field, _) = refusal(r#"{"role": "STAFF", "items": [{"description": "x", "amount_cents": "1"}]}"#);
        assert_eq!((code, field.as_deref()), ("VALIDATION_FAILED", Some("items[0].amount_cents")));
        let (_, field, _) = refusal(r#"{"role": "STAFF", "items": [], "when": "a\u0000b"}"#);
        assert_eq!(field.as_deref(), Some("when"));
    }

    #[test]
    fn a_body_of_the_wrong_shape_is_invalid_json_and_an_unknown_field_is_named() {
        let (code, field, _) = refusal(r#"{"items": []}"#);
        assert_eq!((code, field), ("INVALID_JSON", None));
        let (code, field, message) = refusal(r#"[1, 2]"#);
        assert_eq!((code, field), ("INVALID_JSON", None), "{message}");
        let (code, field, message) = refusal(r#"{"role": "STAFF", "items": [], "extra": 1}"#);
        assert_eq!((code, field.as_deref()), ("VALIDATION_FAILED", Some("extra")), "{message}");
    }
}
