//! `/api/agreements`: managers list the agreement versions, draft a new one per language, edit
//! a draft and activate it (after a fresh step-up). Rules: `access::agreement_admin`.

use actix_web::HttpResponse;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::text::{Input, Lines, Text};
use super::web;
use super::wire::ErrorBody;
use crate::access::agreement_admin::{self, Listed, VersionText};
use crate::access::extract::{Authed, Manager, SteppedUpManager};
use crate::db::ids::AgreementId;
use crate::domain::enums::Language;
use crate::error::AppError;
use crate::http::state::AppState;

/// The JSON body limit of a draft: 100 000 characters of text, up to 4 bytes each, and JSON
/// escapes.
pub const AGREEMENT_LIMIT: usize = 512 * 1024;

/// One agreement version as the manager sees it.
#[derive(Serialize, ToSchema)]
pub struct AgreementView {
    /// id
    #[schema(value_type = String, format = "uuid")]
    pub id: AgreementId,
    /// 1, 2, ... per language
    pub version: i32,
    /// EN or ES
    #[schema(value_type = String, example = "EN")]
    pub language: Language,
    /// heading
    pub title: String,
    /// the full text
    pub body_text: String,
    /// SHA-256 of the text (hex)
    pub body_sha256: String,
    /// the sentence beside the consent checkbox
    pub consent_text: String,
    /// customers sign this version now
    pub active: bool,
    /// signatures that refer to it
    pub signatures: i64,
    /// its text may change: inactive and never signed
    pub editable: bool,
    /// drafted
    pub created_at: DateTime<Utc>,
    /// last made active
    pub activated_at: Option<DateTime<Utc>>,
}

impl From<Listed> for AgreementView {
    fn from(l: Listed) -> Self {
        let editable = l.editable();
        let v = l.version;
        AgreementView {
            id: v.id,
            version: v.version,
            language: v.language,
            title: v.title,
            body_text: v.body_text,
            body_sha256: v.body_sha256,
            consent_text: v.consent_text,
            active: v.active,
            signatures: l.signatures,
            editable,
            created_at: v.created_at.0,
            activated_at: v.activated_at.map(|t| t.0),
        }
    }
}

/// The text of a version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementText {
    /// heading, 1–200 characters
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    pub title: Input,
    /// the full text, 1–100 000 characters (line breaks and tabs allowed)
    #[schema(value_type = String, min_length = 1, max_length = 100000)]
    pub body_text: Input,
    /// the sentence beside the consent checkbox, 1–500 characters
    #[schema(value_type = String, min_length = 1, max_length = 500)]
    pub consent_text: Input,
}

/// A new draft: its language and text.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDraft {
    /// EN or ES
    #[schema(value_type = String, example = "EN")]
    pub language: Language,
    /// heading, 1–200 characters
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    pub title: Input,
    /// the full text, 1–100 000 characters (line breaks and tabs allowed)
    #[schema(value_type = String, min_length = 1, max_length = 100000)]
    pub body_text: Input,
    /// the sentence beside the consent checkbox, 1–500 characters
    #[schema(value_type = String, min_length = 1, max_length = 500)]
    pub consent_text: Input,
}

/// The three texts, validated.
struct Checked(Text, Text, Text);

impl Checked {
    fn new(title: &Input, body_text: &Input, consent_text: &Input) -> Result<Checked, AppError> {
        Ok(Checked(
            title.text("title", 1, 200, Lines::One)?,
            body_text.text("body_text", 1, 100_000, Lines::Many)?,
            consent_text.text("consent_text", 1, 500, Lines::One)?,
        ))
    }

    fn text(&self) -> VersionText<'_> {
        VersionText { title: &self.0, body_text: &self.1, consent_text: &self.2 }
    }
}

/// Every version, by language (EN, ES) and newest first (manager).
#[utoipa::path(get, path = "/api/agreements", operation_id = "list_agreements", tag = "agreements", security(("manager" = [])),
    responses((status = 200, body = Vec<AgreementView>)))]
pub async fn list(Manager(_): Manager, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let versions = state.db(agreement_admin::list).await?;
    Ok(HttpResponse::Ok().json(versions.into_iter().map(AgreementView::from).collect::<Vec<_>>()))
}

/// Drafts a new version of a language, numbered one past its highest and inactive (manager;
/// audited `AGREEMENT_DRAFTED`).
#[utoipa::path(post, path = "/api/agreements", operation_id = "draft_agreement", tag = "agreements", request_body = NewDraft, security(("manager" = [])),
    responses((status = 201, body = AgreementView), (status = 409, body = ErrorBody, description = "`CONSTRAINT_VIOLATION` (another draft of the language took the number at the same moment)")))]
pub async fn draft(
    Authed(Manager(auth), body): Authed<Manager, web::Json<NewDraft>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (now, language) = (state.clock.now(), body.language);
    let checked = Checked::new(&body.title, &body.body_text, &body.consent_text)?;
    let made = state.db(move |c| agreement_admin::draft(c, &auth, language, &checked.text(), now)).await?;
    Ok(HttpResponse::Created().json(AgreementView::from(made)))
}

/// Replaces the text of a draft (manager; audited `AGREEMENT_EDITED`). A signed version never
/// changes: draft a new one.
#[utoipa::path(put, path = "/api/agreements/{agreement_id}", operation_id = "edit_agreement", tag = "agreements", request_body = AgreementText,
    security(("manager" = [])), params(("agreement_id" = String, Path, format = "uuid")),
    responses((status = 200, body = AgreementView), (status = 404, body = ErrorBody, description = "no such version"),
        (status = 409, body = ErrorBody, description = "`AGREEMENT_SIGNED` (customers signed it), `AGREEMENT_ACTIVE` (customers sign it now)")))]
pub async fn edit(
    Authed(Manager(auth), (id, body)): Authed<Manager, (web::Path<AgreementId>, web::Json<AgreementText>)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (now, id) = (state.clock.now(), id.into_inner());
    let checked = Checked::new(&body.title, &body.body_text, &body.consent_text)?;
    let edited = state.db(move |c| agreement_admin::edit(c, &auth, id, &checked.text(), now)).await?;
    Ok(HttpResponse::Ok().json(AgreementView::from(edited)))
}

/// Makes a version the one customers of its language sign, the previous one inactive (manager,
/// step-up; audited `AGREEMENT_ACTIVATED` with `from_version` and `to_version`). Live lanes get
/// new views at once; activating the active version changes nothing.
#[utoipa::path(post, path = "/api/agreements/{agreement_id}/activate", operation_id = "activate_agreement", tag = "agreements",
    security(("manager" = ["step_up"])), params(("agreement_id" = String, Path, format = "uuid")),
    responses((status = 200, body = AgreementView), (status = 404, body = ErrorBody, description = "no such version")))]
pub async fn activate(
    Authed(SteppedUpManager(auth), id): Authed<SteppedUpManager, web::Path<AgreementId>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (now, id, hub) = (state.clock.now(), id.into_inner(), state.hub.clone());
    let activated = state
        .db(move |c| {
            let (activated, lanes) = agreement_admin::activate(c, &hub, &auth, id, now)?;
            for lane in &lanes {
                if let Err(err) = hub.refresh(c, lane) {
                    tracing::warn!(lane.id = %lane, error = %err, "cannot push the lane's new views");
                }
            }
            Ok(activated)
        })
        .await?;
    tracing::info!(agreement.id = %id, agreement.version = activated.version.version, "agreement version activated");
    Ok(HttpResponse::Ok().json(AgreementView::from(activated)))
}
