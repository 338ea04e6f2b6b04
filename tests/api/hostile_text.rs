//! Every text and date the API accepts is checked before anything reaches the database. Walks
//! the OpenAPI document: for every operation, every string field of its request body (nested
//! objects and arrays included, `$ref`s resolved), every string query, path and header
//! parameter, it sends the operation's valid example with that one value made hostile, as the
//! right principal, and expects the refusal to name that field:
//! - a NUL byte (`"a\u0000b"`) in a body field or a query parameter: 400 `VALIDATION_FAILED`
//!   with `details.field` naming it;
//! - a NUL in a path segment: 400 or 404 in the JSON error envelope (path segments are
//!   identifiers: a lane id that cannot exist is 404 like an unknown one, a malformed UUID 400
//!   `INVALID_PATH`);
//! - a header cannot carry a NUL (HTTP refuses it), so a header parameter gets a tab, a
//!   control character refused as well: 400 naming the header;
//! - every date and date-time field gets the extremes (year -262143, 1899-12-31, 9999-12-31,
//!   and for a date of birth tomorrow): 400 `VALIDATION_FAILED` naming it.
//!
//! The valid examples live in `EXAMPLES` below. A text or date field of the document that the
//! table does not cover fails the test, so a new field cannot escape. Afterwards, no table
//! has gained or lost a row and no lane moved.

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::Method;
use actix_web::test::{TestRequest, call_service, read_body};
use base64::Engine;
use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use frontdesk::db::schema::*;
use serde_json::{Value, json};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::support::TestDb;

const NUL: &str = "a\u{0}b";

/// One operation's valid example: a body that passes every check (`Null`: no body), the query
/// parameters (all of them, with valid values) and the header parameters.
struct Example {
    method: &'static str,
    path: &'static str,
    body: fn() -> Value,
    query: &'static [(&'static str, &'static str)],
    headers: &'static [(&'static str, &'static str)],
}

const fn op(method: &'static str, path: &'static str, body: fn() -> Value) -> Example {
    Example { method, path, body, query: &[], headers: &[] }
}

fn none() -> Value {
    Value::Null
}

fn empty() -> Value {
    json!({})
}

/// For an operation without text or date fields (only its path is tried).
const NO_TEXT: Example = op("", "", none);
/// The same with a body (`{"expected_rev": ...}` only).
const NO_TEXT_BODY: Example = op("", "", empty);

/// An adult's Texas licence, valid until 2031.
fn licence() -> String {
    "@\n\u{1e}\rANSI 636015090002DL00410278ZT03190007DLDAQ40001234\nDCSQUINTERO\nDACJANE\nDBB04021990\nDBA04022031\nDAJTX\n".into()
}

/// A signature-list cursor that decodes (`signed_at|id`).
const SIGNATURE_CURSOR: &str = "MjAyNi0xMS0yMFQxODowMDowMC4wMDAwMDBafDAxOTNhNWIwLTdlMWYtN2MyYS05ZDNlLTRmNWE2YjdjOGQ5ZQ";

/// Every operation with a text or date in its body, query or headers.
const EXAMPLES: &[Example] = &[
    op("POST", "/api/auth/login", || json!({ "login": "alex", "pin": "222222", "bearer": true })),
    op("POST", "/api/auth/step-up", || json!({ "pin": "222222" })),
    op("POST", "/api/staff", || json!({ "login": "robin", "display_name": "Robin Zoë", "role": "STAFF", "pin": "444444" })),
    op("POST", "/api/staff/{staff_id}/pin", || json!({ "pin": "555555" })),
    op("POST", "/api/devices/pair", || json!({ "code": "ABCD-EFGH", "name": "Lane 1 kiosk", "bearer": true })),
    op("POST", "/api/lanes/{lane}/register/sign-in", || json!({ "device_key": "register-lane-1" })),
    op("POST", "/api/lanes/{lane}/register/force-sign-out", || json!({ "reason": "Left without signing out" })),
    op(
        "POST",
        "/api/lanes/{lane}/sessions",
        || json!({ "customer_id": "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e", "identity_method": "MANUAL", "expected_rev": null }),
    ),
    op("POST", "/api/lanes/{lane}/session/language", || json!({ "language": "ES", "expected_rev": null })),
    op("POST", "/api/lanes/{lane}/session/back", || json!({ "to": "MEMBERSHIP", "expected_rev": null })),
    op("POST", "/api/lanes/{lane}/session/cancel", || json!({ "reason": "Changed their mind", "expected_rev": null })),
    op("POST", "/api/lanes/{lane}/highlight", || json!({ "option": "STANDARD" })),
    op("POST", "/api/lanes/{lane}/identify", || json!({ "scan": licence() })),
    op(
        "POST",
        "/api/customers/{customer_id}/corrections",
        || json!({ "name": "José Ñúñez", "dob": "1990-04-02", "membership_number": "M7781", "reason": "misspelt" }),
    ),
    op("POST", "/api/customers", || json!({ "name": "José Ñúñez", "dob": "1990-04-02", "membership_number": "M7781", "scan": licence() })),
    op("POST", "/api/lanes/{lane}/session/membership", || json!({ "choice": "ONE_TIME", "expected_rev": null })),
    op("POST", "/api/lanes/{lane}/session/propose", || json!({ "rental_type": "STANDARD", "expected_rev": null })),
    op("POST", "/api/lanes/{lane}/session/waitlist", || json!({ "desired": "DOUBLE", "backup": "STANDARD", "expected_rev": null })),
    op("POST", "/api/lanes/{lane}/session/hold", || json!({ "number": "214", "expected_rev": null })),
    op(
        "POST",
        "/api/lanes/{lane}/session/addons",
        || json!({ "items": [{ "description": "Towel", "amount_cents": 300 }], "expected_rev": null }),
    ),
    Example {
        headers: &[("Idempotency-Key", "pay-7f3a")],
        ..op(
            "POST",
            "/api/lanes/{lane}/session/payment",
            || json!({ "method": "CARD", "external_reference": "T-1029", "expected_rev": null }),
        )
    },
    op("POST", "/api/lanes/{lane}/session/decline", || json!({ "reason": "Insufficient funds", "expected_rev": null })),
    op(
        "POST",
        "/api/lanes/{lane}/session/past-due-bypass",
        || json!({ "manager_login": "manager", "pin": "111111", "expected_rev": null }),
    ),
    Example {
        headers: &[("Idempotency-Key", "sign-7f3a")],
        ..op("POST", "/api/lanes/{lane}/session/sign", || {
            json!({
                "agreement_id": "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e",
                "consent": true,
                "consent_at": "2026-11-20T17:59:00Z",
                "signature_png": "",
                "method": "TYPED",
                "typed_name": "Sam Signer",
            })
        })
    },
    op("POST", "/api/lanes/{lane}/session/assign", || json!({ "number": "214", "expected_rev": null })),
    op(
        "POST",
        "/api/agreements",
        || json!({ "language": "EN", "title": "Reglas de la casa", "body_text": "1. Sé amable.\n2. Silencio.", "consent_text": "Acepto." }),
    ),
    op(
        "PUT",
        "/api/agreements/{agreement_id}",
        || json!({ "title": "Reglas de la casa", "body_text": "1. Sé amable.\n2. Silencio.", "consent_text": "Acepto." }),
    ),
    Example { query: &[("q", "Kim")], ..op("GET", "/api/customers", none) },
    Example { query: &[("q", "214")], ..op("GET", "/api/inventory", none) },
    Example { query: &[("q", "214")], ..op("GET", "/api/stays", none) },
    op("POST", "/api/stays/{visit_id}/checkout", || json!({ "late_fee": "PAID", "method": "CASH", "expected_late_fee_cents": 1500 })),
    Example { query: &[("status", "ACTIVE")], ..op("GET", "/api/waitlist", none) },
    op("POST", "/api/waitlist/{waitlist_id}/offer", || json!({ "number": "216" })),
    op(
        "POST",
        "/api/waitlist/{waitlist_id}/pay",
        || json!({ "payment_intent_id": "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e", "method": "CASH" }),
    ),
    op("POST", "/api/waitlist/{waitlist_id}/cancel", || json!({ "reason": "Changed their mind" })),
    op(
        "POST",
        "/api/lanes/{lane}/renewals",
        || json!({ "visit_id": "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e", "hours": 6, "expected_rev": null }),
    ),
    op(
        "POST",
        "/api/inventory/status",
        || json!({ "units": [{ "kind": "ROOM", "number": "214" }], "status": "CLEAN", "override_reason": "Cleaned by the night shift" }),
    ),
    Example {
        query: &[
            ("limit", "10"),
            ("cursor", "5"),
            ("actor", "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e"),
            ("action", "STAFF_CREATED"),
            ("lane", "lane-1"),
            ("entity_type", "agreement_signature"),
            ("entity_id", "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e"),
            ("from", "2026-11-01"),
            ("to", "2026-11-30"),
        ],
        ..op("GET", "/api/audit/events", none)
    },
    Example { query: SIGNATURE_FILTERS, ..op("GET", "/api/signatures", none) },
    Example { query: SIGNATURE_FILTERS, ..op("GET", "/api/signatures/export.zip", none) },
    Example { query: SIGNATURE_FILTERS, ..op("GET", "/api/signatures/export.csv", none) },
    Example { query: SIGNATURE_FILTERS, ..op("GET", "/api/signatures/export/size", none) },
    op("POST", "/api/signatures/verify", || json!({ "sha256": "0".repeat(64) })),
    Example { query: &[("from", "2026-11-01"), ("to", "2026-11-30"), ("format", "json")], ..op("GET", "/api/reports/{name}", none) },
];

/// The signature list's parameters; the exports take the same (their paging is checked and
/// ignored).
const SIGNATURE_FILTERS: &[(&str, &str)] = &[
    ("limit", "10"),
    ("cursor", SIGNATURE_CURSOR),
    ("from", "2026-11-01"),
    ("to", "2026-11-30"),
    ("customer", "Ana"),
    ("lane", "lane-1"),
    ("language", "EN"),
    ("agreement_version", "1"),
    ("staff", "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e"),
    ("device", "0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e"),
    ("unit", "214"),
];

/// A valid value for each path parameter.
fn path_value(name: &str) -> Option<&'static str> {
    match name {
        "lane" => Some("lane-1"),
        "name" => Some("revenue"),
        "staff_id" | "device_id" | "signature_id" | "agreement_id" | "customer_id" | "visit_id" | "block_id" | "waitlist_id" => {
            Some("0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e")
        }
        _ => None,
    }
}

/// `template` with its path parameters filled in, `hostile` (if any) replaced by `a%00b`.
fn fill(template: &str, fields: &[Field], hostile: Option<&str>) -> String {
    fields.iter().fold(template.to_owned(), |path, field| match field {
        Field::Path(name) => {
            let value = if hostile == Some(name.as_str()) { "a%00b" } else { path_value(name).unwrap() };
            path.replace(&format!("{{{name}}}"), value)
        }
        _ => path,
    })
}

/// A text or date field of an operation.
#[derive(Debug, Clone)]
enum Field {
    /// a body field: its name as the API reports it (`items[0].description`) and its JSON path
    Body(String, Vec<Step>, Option<String>),
    Query(String, Option<String>),
    Path(String),
    Header(String),
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index,
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => resolve(doc, &doc["components"]["schemas"][r.trim_start_matches("#/components/schemas/")]),
        None => schema,
    }
}

fn is_string(schema: &Value) -> bool {
    match &schema["type"] {
        Value::String(t) => t == "string",
        Value::Array(ts) => ts.iter().any(|t| t == "string"),
        _ => false,
    }
}

/// The string fields under `schema`, with their JSON path and format.
fn strings(doc: &Value, schema: &Value, name: &str, path: &[Step], out: &mut Vec<Field>) {
    let schema = resolve(doc, schema);
    for key in ["oneOf", "anyOf", "allOf"] {
        for alt in schema[key].as_array().into_iter().flatten() {
            strings(doc, alt, name, path, out);
        }
    }
    if is_string(schema) {
        out.push(Field::Body(name.to_owned(), path.to_vec(), schema["format"].as_str().map(str::to_owned)));
    }
    if let Some(items) = schema.get("items") {
        let mut p = path.to_vec();
        p.push(Step::Index);
        strings(doc, items, &format!("{name}[0]"), &p, out);
    }
    for (key, prop) in schema["properties"].as_object().into_iter().flatten() {
        let mut p = path.to_vec();
        p.push(Step::Key(key.clone()));
        let child = if name.is_empty() { key.clone() } else { format!("{name}.{key}") };
        strings(doc, prop, &child, &p, out);
    }
}

/// Every text or date field of an operation.
fn fields(doc: &Value, op: &Value) -> Vec<Field> {
    let mut out = Vec::new();
    if let Some(schema) = op["requestBody"]["content"]["application/json"].get("schema") {
        strings(doc, schema, "", &[], &mut out);
    }
    for param in op["parameters"].as_array().into_iter().flatten() {
        if !is_string(resolve(doc, &param["schema"])) {
            continue;
        }
        let name = param["name"].as_str().unwrap().to_owned();
        let format = resolve(doc, &param["schema"])["format"].as_str().map(str::to_owned);
        out.push(match param["in"].as_str().unwrap() {
            "query" => Field::Query(name, format),
            "path" => Field::Path(name),
            "header" => Field::Header(name),
            other => panic!("a parameter in {other}"),
        });
    }
    out
}

fn at<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index => v.get_mut(0),
    })
}

/// One request as built from an example.
#[derive(Clone)]
struct Call {
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Value,
}

impl Call {
    async fn send<S, B>(&self, app: &S, token: Option<&str>) -> (u16, Value)
    where
        S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
        B: MessageBody,
    {
        let query = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(&self.query).finish();
        let uri = if query.is_empty() { self.path.clone() } else { format!("{}?{query}", self.path) };
        let mut req = TestRequest::default().method(self.method.clone()).uri(&uri);
        if let Some(token) = token {
            req = req.insert_header(("Authorization", format!("Bearer {token}")));
        }
        for (name, value) in &self.headers {
            req = req.insert_header((name.as_str(), value.as_str()));
        }
        if !self.body.is_null() {
            req = req.set_json(&self.body);
        }
        let resp = call_service(app, req.to_request()).await;
        let status = resp.status().as_u16();
        (status, serde_json::from_slice(&read_body(resp).await).unwrap_or(Value::Null))
    }
}

/// Rows per table and each lane's revision: what a refused request must leave alone.
fn fingerprint(db: &TestDb) -> Vec<(&'static str, i64)> {
    let conn = &mut db.conn();
    macro_rules! counts {
        ($($table:ident),+) => {
            vec![$((stringify!($table), $table::table.count().get_result::<i64>(conn).unwrap())),+]
        };
    }
    let mut rows = counts!(
        customers,
        staff,
        staff_sessions,
        devices,
        device_pairing_codes,
        register_sessions,
        visits,
        waitlist,
        inventory_holds,
        lane_sessions,
        payment_intents,
        checkin_blocks,
        charges,
        agreement_signatures,
        audit_events,
        idempotency_keys
    );
    rows.extend(lanes::table.select(lanes::rev).order(lanes::id).load::<i64>(conn).unwrap().into_iter().map(|rev| ("lanes.rev", rev)));
    rows
}

/// The extreme values for a date or date-time field.
fn extremes(format: &str, dob: bool, tomorrow: NaiveDate) -> Vec<String> {
    let mut days = vec!["-262143-01-01".to_owned(), "1899-12-31".to_owned(), "9999-12-31".to_owned()];
    if dob {
        days.push(tomorrow.to_string());
    }
    match format {
        "date" => days,
        "date-time" => days.into_iter().map(|d| format!("{d}T00:00:00Z")).collect(),
        _ => Vec::new(),
    }
}

both_backends!(
    fn every_text_and_date_of_the_api_refuses_hostile_values_naming_the_field(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let manager = manager(&app).await;
            let kiosk = pair_kiosk(&app, &manager, "lane-1").await;
            let register = login(&app, "alex", "222222").await;
            assert_eq!(sign_in_register(&app, &register, "lane-1", "register-1").await.0, 200);
            let (_, doc) = get(&app, "/api/openapi.json", None).await;
            let tomorrow = (start() + Duration::days(1)).with_timezone(&crate::settings(&db.url).tz).date_naive();
            let before = fingerprint(db);

            let mut checked = 0;
            let mut covered = Vec::new();
            for (path, ops) in doc["paths"].as_object().unwrap() {
                for (method, op) in ops.as_object().unwrap() {
                    let method = method.to_uppercase();
                    let fields = fields(&doc, op);
                    let texts: Vec<&Field> = fields.iter().filter(|f| !matches!(f, Field::Path(_))).collect();
                    let example = EXAMPLES.iter().find(|e| e.method == method && e.path == path.as_str());
                    let example = match example {
                        Some(e) => e,
                        None if texts.is_empty() && op.get("requestBody").is_none() => &NO_TEXT,
                        None if texts.is_empty() => &NO_TEXT_BODY,
                        None => panic!("{method} {path} has text or date fields {texts:?}: add a valid example to EXAMPLES"),
                    };
                    covered.push((example.method, example.path));
                    // the principal: the first scheme of the operation's security
                    let scheme = op["security"][0].as_object().and_then(|s| s.keys().next().cloned());
                    let token = match scheme.as_deref() {
                        None => None,
                        Some("staff" | "register") => Some(register.as_str()),
                        Some("manager") => Some(manager.as_str()),
                        Some("kiosk") => Some(kiosk.as_str()),
                        Some(other) => panic!("unknown security scheme {other}"),
                    };
                    for field in &fields {
                        if let Field::Path(name) = field {
                            assert!(path_value(name).is_some(), "{method} {path}: add the path parameter {name} to path_value");
                        }
                    }
                    let base = Call {
                        method: Method::from_bytes(method.as_bytes()).unwrap(),
                        path: fill(path, &fields, None),
                        query: example.query.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
                        headers: example.headers.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
                        body: (example.body)(),
                    };
                    for field in &fields {
                        // (the request, the field its refusal must name, what was made hostile)
                        let mut tries: Vec<(Call, String, String)> = Vec::new();
                        let variant = |f: &dyn Fn(&mut Call)| {
                            let mut call = base.clone();
                            f(&mut call);
                            call
                        };
                        match field {
                            Field::Body(name, steps, format) => {
                                let mut probe = base.body.clone();
                                assert!(at(&mut probe, steps).is_some(), "{method} {path}: the example body has no {name}; add it to EXAMPLES");
                                let mut values = vec![NUL.to_owned()];
                                values.extend(extremes(format.as_deref().unwrap_or(""), name == "dob", tomorrow));
                                for value in values {
                                    let call = variant(&|c: &mut Call| *at(&mut c.body, steps).unwrap() = json!(value));
                                    tries.push((call, name.clone(), format!("{value:?}")));
                                }
                            }
                            Field::Query(name, format) => {
                                assert!(base.query.iter().any(|(k, _)| k == name), "{method} {path}: the example has no query parameter {name}; add it to EXAMPLES");
                                let mut values = vec![NUL.to_owned()];
                                values.extend(extremes(format.as_deref().unwrap_or(""), false, tomorrow));
                                for value in values {
                                    let call = variant(&|c: &mut Call| c.query.iter_mut().filter(|(k, _)| k == name).for_each(|(_, v)| *v = value.clone()));
                                    tries.push((call, name.clone(), format!("{value:?}")));
                                }
                            }
                            Field::Header(name) => {
                                assert!(base.headers.iter().any(|(k, _)| k == name), "{method} {path}: the example has no header {name}; add it to EXAMPLES");
                                let call = variant(&|c: &mut Call| c.headers.iter_mut().filter(|(k, _)| k == name).for_each(|(_, v)| *v = "a\tb".into()));
                                tries.push((call, name.clone(), "a tab".into()));
                            }
                            Field::Path(name) => {
                                let call = variant(&|c: &mut Call| c.path = fill(path, &fields, Some(name)));
                                let (status, resp) = call.send(&app, token).await;
                                assert!(matches!(status, 400 | 404), "{method} {path} with a NUL in {name}: {status} {resp}");
                                assert!(resp["error"]["code"].is_string(), "{method} {path} with a NUL in {name}: {resp}");
                                checked += 1;
                                continue;
                            }
                        }
                        for (call, name, what) in tries {
                            let (status, resp) = call.send(&app, token).await;
                            assert_eq!(status, 400, "{method} {path} with {what} in {name}: {resp}");
                            assert_eq!(resp["error"]["code"], "VALIDATION_FAILED", "{method} {path} with {what} in {name}: {resp}");
                            assert_eq!(resp["error"]["details"]["field"], name.as_str(), "{method} {path} with {what} in {name}: {resp}");
                            assert!(resp["error"]["message"].as_str().is_some_and(|m| !m.is_empty() && !m.contains('\0')), "{resp}");
                            checked += 1;
                        }
                    }
                }
            }
            for example in EXAMPLES {
                assert!(covered.contains(&(example.method, example.path)), "EXAMPLES has {} {}, which the document does not", example.method, example.path);
            }
            assert!(checked >= 80, "only {checked} hostile requests sent");
            assert_eq!(fingerprint(db), before, "a refused request changed the database");
        })
    }
);

both_backends!(
    fn a_date_of_birth_in_the_future_or_before_1900_is_a_validation_error_not_an_age_refusal(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let register = login(&app, "alex", "222222").await;
            let today = start().with_timezone(&crate::settings(&db.url).tz).date_naive();
            let before = fingerprint(db);
            for dob in [today + Duration::days(1), today + Duration::days(365 * 30), NaiveDate::from_ymd_opt(1899, 12, 31).unwrap()] {
                let (status, body) = post(&app, "/api/customers", Some(&register), json!({ "name": "Zoë Future", "dob": dob })).await;
                assert_eq!((status, body["error"]["code"].as_str(), body["error"]["details"]["field"].as_str()), (400, Some("VALIDATION_FAILED"), Some("dob")), "{dob}: {body}");
            }
            assert_eq!(fingerprint(db), before);
            // the limits themselves are accepted, and the age rule still applies inside them
            let (status, body) = post(&app, "/api/customers", Some(&register), json!({ "name": "Old Timer", "dob": "1900-01-01" })).await;
            assert_eq!(status, 201, "{body}");
            let (status, body) = post(&app, "/api/customers", Some(&register), json!({ "name": "Born Today", "dob": today })).await;
            assert_eq!((status, body["error"]["code"].as_str()), (403, Some("UNDERAGE")), "{body}");
        })
    }
);

both_backends!(
    fn unicode_names_are_stored_as_sent_and_scans_keep_their_separators(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let register = login(&app, "alex", "222222").await;
            assert_eq!(sign_in_register(&app, &register, "lane-1", "register-1").await.0, 200);
            for name in ["José Ñúñez", "Zoë O'Brien-Smith", "田中 太郎", "Ana 😀"] {
                let (status, body) = post(&app, "/api/customers", Some(&register), json!({ "name": format!("  {name}\n") })).await;
                assert_eq!((status, body["name"].as_str()), (201, Some(name)), "{body}");
            }
            // a real scanner's AAMVA text (LF, CR, RS) is accepted and parsed
            let (status, body) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": licence() })).await;
            assert_eq!((status, body["result"].as_str(), body["scanned"]["name"].as_str()), (200, Some("NO_MATCH"), Some("Jane Quintero")), "{body}");
            // ... but not with a NUL, an escape or a bidi override in it
            for bad in ["\u{0}", "\u{1b}[2J", "\u{202e}"] {
                let scan = licence().replace("QUINTERO", &format!("QUIN{bad}TERO"));
                let (status, body) = post(&app, "/api/lanes/lane-1/identify", Some(&register), json!({ "scan": scan })).await;
                assert_eq!((status, body["error"]["details"]["field"].as_str()), (400, Some("scan")), "{bad:?}: {body}");
            }
            // a stored User-Agent is cleaned, not refused
            let req = TestRequest::post()
                .uri("/api/auth/login")
                .insert_header(("User-Agent", actix_web::http::header::HeaderValue::from_bytes(b"Mozilla/5.0\t(evil) \xff").unwrap()))
                .set_json(json!({ "login": "sam", "pin": "333333" }))
                .to_request();
            assert_eq!(call_service(&app, req).await.status().as_u16(), 200);
            let agents: Vec<Option<String>> = staff_sessions::table.select(staff_sessions::user_agent).load(&mut db.conn()).unwrap();
            assert!(agents.contains(&Some("Mozilla/5.0 (evil) \u{fffd}".into())), "{agents:?}");
        })
    }
);

#[test]
fn the_signature_cursor_of_the_examples_decodes() {
    let text = String::from_utf8(base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(SIGNATURE_CURSOR).unwrap()).unwrap();
    assert_eq!(text, "2026-11-20T18:00:00.000000Z|0193a5b0-7e1f-7c2a-9d3e-4f5a6b7c8d9e");
}
