//! Finding and creating customers: ID scans at a register, manual entry, search.

use actix_web::HttpResponse;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use super::text::{Input, Lines, Text};
use super::validate;
use super::web;
use super::wire::ErrorBody;
use crate::access::extract::{AnyStaff, AtRegister, Authed};
use crate::access::principal::StaffAuth;
use crate::checkin::identify::{self, Identified, ScannedIdentity};
use crate::checkin::secrets;
use crate::db::ids::{CustomerId, VisitId};
use crate::db::models::audit_event::NewAuditEvent;
use crate::db::models::customer::Customer;
use crate::db::models::visit::Visit;
use crate::db::schema::{checkin_blocks, customers};
use crate::db::sql_types::Ts;
use crate::db::{DbConn, write_tx};
use crate::domain::identity;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::admission;
use crate::lanes::board::due_flags;
use crate::lanes::views::register::{CustomerSummary, customer_summary};

/// A scan from the register's wedge scanner.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Identify {
    /// the raw scanner text (never stored or logged; 1–4000 characters; line breaks, tabs and
    /// the ASCII separators FS, GS and RS allowed, no other control character)
    #[schema(value_type = String, min_length = 1, max_length = 4000)]
    pub scan: Input,
}

/// The customer's open stay.
#[derive(Serialize, ToSchema)]
pub struct OpenVisit {
    /// visit
    #[schema(value_type = String, format = "uuid")]
    pub visit_id: VisitId,
    /// since
    pub started_at: DateTime<Utc>,
    /// current checkout time
    pub checkout_at: Option<DateTime<Utc>>,
    /// the room or locker number
    pub number: Option<String>,
    /// ROOM or LOCKER
    pub kind: Option<String>,
    /// past the checkout time
    pub overdue: bool,
}

/// The result of a scan.
#[derive(Serialize, ToSchema)]
pub struct IdentifyResponse {
    /// MATCHED, ALREADY_CHECKED_IN or NO_MATCH
    pub result: String,
    /// the customer found
    pub customer: Option<CustomerSummary>,
    /// how identity was established (pass to session start)
    pub identity_method: Option<String>,
    /// the open stay (ALREADY_CHECKED_IN)
    pub visit: Option<OpenVisit>,
    /// what the scan showed (NO_MATCH: prefill a new customer)
    pub scanned: Option<ScannedIdentity>,
}

fn open_visit(conn: &mut DbConn, customer: CustomerId, now: DateTime<Utc>) -> Result<Option<OpenVisit>, AppError> {
    use diesel::prelude::*;
    let Some(visit) = Visit::open_for(conn, customer)? else { return Ok(None) };
    use crate::db::schema::{lockers, rooms};
    let block: Option<(Ts, Option<crate::db::ids::RoomId>, Option<crate::db::ids::LockerId>)> = checkin_blocks::table
        .filter(checkin_blocks::visit_id.eq(visit.id))
        .order(checkin_blocks::ends_at.desc())
        .select((checkin_blocks::ends_at, checkin_blocks::room_id, checkin_blocks::locker_id))
        .first(conn)
        .optional()?;
    let ends = block.as_ref().map(|b| b.0);
    let (number, kind) = match block {
        Some((_, Some(room), _)) => (rooms::table.find(room).select(rooms::number).first::<String>(conn).optional()?, Some("ROOM")),
        Some((_, None, Some(locker))) => {
            (lockers::table.find(locker).select(lockers::number).first::<String>(conn).optional()?, Some("LOCKER"))
        }
        _ => (None, None),
    };
    let kind = kind.map(str::to_owned);
    Ok(Some(OpenVisit {
        visit_id: visit.id,
        started_at: visit.started_at.0,
        checkout_at: ends.map(|t| t.0),
        overdue: due_flags(ends.map(|t| t.0), now).0,
        number,
        kind,
    }))
}

fn identify_inner(
    conn: &mut DbConn,
    by: &StaffAuth,
    lane: &str,
    scan: &Text,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<IdentifyResponse, AppError> {
    let key = secrets::id_hash_key(conn, now)?;
    let (found, parsed) = identify::resolve(conn, scan, &key, today)?;
    let customer = match found {
        Identified::NoMatch(scanned) => {
            return Ok(IdentifyResponse { result: "NO_MATCH".into(), customer: None, identity_method: None, visit: None, scanned });
        }
        Identified::Matched(customer, certain) => (customer, certain),
    };
    let (customer, certain) = customer;
    admission::check_ban(&customer, now)?;
    write_tx(conn, |conn| {
        // A fuzzy name match is only a suggestion: it must not rebind the ID's lookup hashes.
        if let Some(scan) = parsed.as_ref().filter(|_| certain) {
            identify::enrich(conn, customer.id, scan, &key, Ts(now))?;
        }
        let method = match (&parsed, certain) {
            (Some(_), true) => "ID_SCAN",
            (Some(_), false) => "STAFF_CHECKED",
            (None, _) => "MANUAL",
        };
        let entity = Some(("customer", customer.id.to_string()));
        NewAuditEvent {
            actor: by.actor(),
            lane_id: Some(lane),
            action: "CUSTOMER_IDENTIFIED",
            entity,
            summary: json!({ "method": method }),
            reason: None,
        }
        .append(conn, now)?;
        let visit = open_visit(conn, customer.id, now)?;
        let result = if visit.is_some() { "ALREADY_CHECKED_IN" } else { "MATCHED" };
        Ok(IdentifyResponse {
            result: result.into(),
            customer: Some(customer_summary(&customer)),
            identity_method: Some(method.into()),
            visit,
            scanned: None,
        })
    })
}

/// Resolves an ID or membership-card scan at this register (403 `BANNED`, `UNDERAGE`,
/// `ID_EXPIRED`; 400 `INVALID_SCAN`). An open stay is not an error: ALREADY_CHECKED_IN.
#[utoipa::path(post, path = "/api/lanes/{lane}/identify", tag = "customers", request_body = Identify, security(("register" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 200, body = IdentifyResponse), (status = 400, body = ErrorBody, description = "`INVALID_SCAN`"), (status = 403, body = ErrorBody, description = "`BANNED`, `UNDERAGE`, `ID_EXPIRED`")))]
pub async fn identify(
    Authed(at, body): Authed<AtRegister, web::Json<Identify>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let scan = scan_text(&body.scan)?;
    let now = state.clock.now();
    let today = now.with_timezone(&state.settings.tz).date_naive();
    let answer = state.db(move |c| identify_inner(c, &at.auth, &at.lane, &scan, now, today)).await?;
    Ok(HttpResponse::Ok().json(answer))
}

/// Raw scanner text: what wedge scanners send (see [`Lines::Scan`]), never a NUL. The scan
/// parser then turns line breaks and separators into structure, so none reaches the database.
fn scan_text(raw: &Input) -> Result<Text, AppError> {
    raw.text("scan", 1, 4000, Lines::Scan)
}

/// A new customer, typed in or from a scan.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomer {
    /// full name (1–200 characters; from the scan when omitted)
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    pub name: Option<Input>,
    /// date of birth (1900-01-01 to today; from the scan when omitted)
    pub dob: Option<NaiveDate>,
    /// membership number (1–50 characters)
    #[schema(value_type = Option<String>, min_length = 1, max_length = 50)]
    pub membership_number: Option<Input>,
    /// the raw ID scan, to store its lookup hashes and parsed fields (never the text)
    #[schema(value_type = Option<String>)]
    pub scan: Option<Input>,
}

/// A `CreateCustomer` whose every field passed its check.
struct NewCustomer {
    name: Option<Text>,
    dob: Option<NaiveDate>,
    membership_number: Option<Text>,
    scan: Option<Text>,
}

fn create_inner(conn: &mut DbConn, by: &StaffAuth, body: NewCustomer, now: DateTime<Utc>, today: NaiveDate) -> Result<Customer, AppError> {
    use diesel::prelude::*;
    let key = secrets::id_hash_key(conn, now)?;
    let scan = body
        .scan
        .as_deref()
        .map(|raw| identity::parse(&identity::normalize_scan(raw)).ok_or_else(|| AppError::invalid("scan", "That is not an ID scan.")))
        .transpose()?;
    let name = match body.name {
        Some(name) => name,
        None => {
            let scanned = scan.as_ref().and_then(|s| s.display_name()).ok_or_else(|| AppError::invalid("name", "A name is required."))?;
            Text::new("name", &scanned, 1, 200, Lines::One)?
        }
    };
    let dob = match (body.dob, scan.as_ref().and_then(|s| s.dob)) {
        (Some(dob), _) => Some(dob),
        (None, Some(scanned)) => Some(
            validate::date_of_birth("scan", scanned, today)
                .map_err(|_| AppError::invalid("dob", "The date of birth on this ID is not possible."))?,
        ),
        (None, None) => None,
    };
    identity::check(dob, scan.as_ref().and_then(|s| s.expires_on), today).map_err(admission::refusal)?;
    let id = CustomerId::new();
    write_tx(conn, |conn| {
        diesel::insert_into(customers::table)
            .values((
                customers::id.eq(id),
                customers::name.eq(name.as_str()),
                customers::dob.eq(dob),
                customers::membership_number.eq(body.membership_number.as_deref()),
                customers::created_at.eq(Ts(now)),
                customers::updated_at.eq(Ts(now)),
            ))
            .execute(conn)?;
        if let Some(scan) = &scan {
            identify::enrich(conn, id, scan, &key, Ts(now))?;
        }
        let summary = json!({ "from_scan": scan.is_some() });
        NewAuditEvent {
            actor: by.actor(),
            lane_id: None,
            action: "CUSTOMER_CREATED",
            entity: Some(("customer", id.to_string())),
            summary,
            reason: None,
        }
        .append(conn, now)?;
        Customer::find(conn, id)?.ok_or(AppError::NotFound { what: "The customer" })
    })
}

/// Creates a customer from a scan (no match found) or by hand (403 `UNDERAGE`, `ID_EXPIRED`).
#[utoipa::path(post, path = "/api/customers", operation_id = "create_customer", tag = "customers", request_body = CreateCustomer, security(("staff" = [])),
    responses((status = 201, body = CustomerSummary), (status = 403, body = ErrorBody, description = "`UNDERAGE`, `ID_EXPIRED`")))]
pub async fn create(
    Authed(AnyStaff(auth), body): Authed<AnyStaff, web::Json<CreateCustomer>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let today = now.with_timezone(&state.settings.tz).date_naive();
    let body = NewCustomer {
        name: body.name.as_ref().map(|n| n.text("name", 1, 200, Lines::One)).transpose()?,
        dob: body.dob.map(|d| validate::date_of_birth("dob", d, today)).transpose()?,
        membership_number: body.membership_number.as_ref().map(|n| n.text("membership_number", 1, 50, Lines::One)).transpose()?,
        scan: body.scan.as_ref().map(scan_text).transpose()?,
    };
    let customer = state.db(move |c| create_inner(c, &auth, body, now, today)).await?;
    Ok(HttpResponse::Created().json(customer_summary(&customer)))
}

/// A name or membership-number search.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct Search {
    /// 2–100 characters
    #[param(value_type = String, min_length = 2, max_length = 100)]
    pub q: Input,
}

/// A customer found by a search, with their open stay (so the register shows the stay instead
/// of offering a check-in the server would refuse with `ALREADY_CHECKED_IN`).
#[derive(Serialize, ToSchema)]
pub struct CustomerHit {
    /// the customer
    #[serde(flatten)]
    pub customer: CustomerSummary,
    /// the open stay, if any
    pub visit: Option<OpenVisit>,
}

/// Finds customers by name (contains, any case) or exact membership number; up to 20, each
/// with their open stay.
#[utoipa::path(get, path = "/api/customers", operation_id = "search_customers", tag = "customers", security(("staff" = [])), params(Search),
    responses((status = 200, body = Vec<CustomerHit>)))]
pub async fn search(
    Authed(AnyStaff(_), query): Authed<AnyStaff, web::Query<Search>>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let q = query.q.text("q", 2, 100, Lines::One)?;
    let now = state.clock.now();
    let found = state
        .db(move |c| {
            let customers = Customer::search(c, &q)?;
            customers
                .iter()
                .map(|customer| Ok(CustomerHit { customer: customer_summary(customer), visit: open_visit(c, customer.id, now)? }))
                .collect::<Result<Vec<_>, AppError>>()
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
}
