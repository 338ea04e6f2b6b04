//! The OpenAPI document says what the server answers: every operation lists the refusals its
//! shape implies (the structure `.ci/schemathesis.sh` relies on), every answer has a schema,
//! every lane command answers with `rev`, and the real answers of a whole check-in match
//! their documented schemas (checked with a small validator for the JSON Schema utoipa emits).

use actix_web::http::Method;
use actix_web::test::{TestRequest, call_service, read_body};
use frontdesk::http::openapi::{ApiDoc, NO_DATABASE};
use serde_json::{Value, json};
use utoipa::OpenApi;

use crate::block_on;
use crate::both_backends;
use crate::client::*;

/// Routes where a PIN is checked (423 when PIN login is locked).
const PIN_ROUTES: [(&str, &str); 3] =
    [("POST", "/api/auth/login"), ("POST", "/api/auth/step-up"), ("POST", "/api/lanes/{lane}/session/past-due-bypass")];

/// Rate-limited routes (429 with `Retry-After`).
const RATE_LIMITED: [(&str, &str); 4] = [
    ("POST", "/api/auth/login"),
    ("POST", "/api/auth/step-up"),
    ("POST", "/api/devices/pair"),
    ("POST", "/api/lanes/{lane}/session/past-due-bypass"),
];

fn document() -> Value {
    serde_json::to_value(ApiDoc::openapi()).unwrap()
}

/// Every operation: (METHOD, path, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut all = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            all.push((method.to_uppercase(), path.clone(), op.clone()));
        }
    }
    all
}

fn codes(op: &Value) -> Vec<&str> {
    op["responses"].as_object().unwrap().keys().map(String::as_str).collect()
}

fn has_param(op: &Value, place: &str) -> bool {
    op["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["in"] == place))
}

#[test]
fn every_operation_lists_the_refusals_its_shape_implies() {
    let doc = document();
    let ops = operations(&doc);
    assert!(ops.len() >= 49, "{} operations", ops.len());
    for (method, path, op) in &ops {
        let name = format!("{method} {path}");
        let codes = codes(op);
        let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
        let body = op.get("requestBody").is_some();
        let mut expected: Vec<&str> = Vec::new();
        if secured {
            expected.extend(["401", "403"]);
        }
        if method == "POST" || path.starts_with("/ws/") {
            expected.push("403");
        }
        if body || has_param(op, "path") || has_param(op, "query") || has_param(op, "header") || path.starts_with("/ws/") {
            expected.push("400");
        }
        if body {
            expected.push("413");
        }
        if has_param(op, "path") {
            expected.push("404");
        }
        if !NO_DATABASE.contains(&path.as_str()) {
            expected.push("503");
        }
        if PIN_ROUTES.contains(&(method.as_str(), path.as_str())) {
            expected.push("423");
        }
        if RATE_LIMITED.contains(&(method.as_str(), path.as_str())) {
            expected.push("429");
            assert!(op["responses"]["429"]["headers"]["Retry-After"].is_object(), "{name}: 429 without Retry-After");
        }
        for code in expected {
            assert!(codes.contains(&code), "{name} does not list {code}: {codes:?}");
        }
        assert!(codes.iter().any(|c| c.starts_with('2') || *c == "101"), "{name} has no success");
        for code in codes {
            let response = &op["responses"][code];
            // JSON for most; a file (PDF, ZIP, CSV) under its own media type
            let schema = response["content"]
                .as_object()
                .and_then(|c| c.get("application/json").or_else(|| c.values().next()))
                .map_or(&Value::Null, |m| &m["schema"]);
            match code {
                "101" => assert!(path.starts_with("/ws/"), "{name}: 101"),
                "204" => assert!(response.get("content").is_none(), "{name}: 204 with a body"),
                c if c.starts_with('2') => {
                    assert!(schema.is_object(), "{name}: {c} has no schema");
                    let text = response["description"].as_str().unwrap_or_default();
                    assert!(!text.trim_start().starts_with('{'), "{name}: {c} described by a pseudo-schema {text:?}");
                }
                c => {
                    assert_eq!(schema["$ref"], "#/components/schemas/ErrorBody", "{name}: {c} is not the error envelope");
                    assert!(!response["description"].as_str().unwrap_or_default().is_empty(), "{name}: {c} names no code");
                }
            }
        }
    }
}

/// Follows `$ref`s to the schema itself.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(doc, doc.pointer(r.trim_start_matches('#')).unwrap_or_else(|| panic!("dangling {r}"))),
        None => schema,
    }
}

#[test]
fn every_lane_command_answers_with_the_lanes_rev() {
    let doc = document();
    let mut commands = 0;
    for (method, path, op) in operations(&doc) {
        let command = path.starts_with("/api/lanes/{lane}/session/") || path == "/api/lanes/{lane}/sessions";
        if method != "POST" || !command {
            continue;
        }
        commands += 1;
        for code in codes(&op).into_iter().filter(|c| c.starts_with('2')) {
            let schema = resolve(&doc, &op["responses"][code]["content"]["application/json"]["schema"]);
            let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
            assert!(required.contains(&"rev"), "{method} {path} {code} answers without rev: {schema}");
        }
    }
    assert_eq!(commands, 18, "lane commands");
    let start = &doc["paths"]["/api/lanes/{lane}/sessions"]["post"]["responses"];
    assert!(start["201"].is_object() && start["200"].is_null(), "starting a session answers 201");
}

#[test]
fn socket_messages_and_views_have_schemas() {
    let doc = document();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in ["KioskLaneView", "RegisterLaneView", "LaneEvent", "KioskView", "RegisterView", "ErrorBody"] {
        assert!(schemas.contains_key(name), "no component {name}");
    }
    for envelope in ["KioskLaneView", "RegisterLaneView"] {
        let props: Vec<&String> = schemas[envelope]["properties"].as_object().unwrap().keys().collect();
        assert_eq!(props, ["at", "data", "lane", "rev", "type"], "{envelope}");
    }
    let view = resolve(&doc, &doc["paths"]["/api/lanes/{lane}/view"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]);
    let alternatives: Vec<&str> = view["oneOf"].as_array().unwrap().iter().map(|a| a["$ref"].as_str().unwrap()).collect();
    assert_eq!(alternatives, ["#/components/schemas/RegisterLaneView", "#/components/schemas/KioskLaneView"]);
    for socket in ["/ws/lanes/{lane}", "/ws/monitor"] {
        let text = doc["paths"][socket]["get"]["responses"]["101"]["description"].as_str().unwrap();
        assert!(text.contains("RegisterLaneView") && text.contains("LaneEvent"), "{socket}: {text}");
    }
}

#[test]
fn operation_ids_are_unique() {
    let doc = document();
    let mut ids: Vec<String> = operations(&doc).iter().map(|(_, _, op)| op["operationId"].as_str().unwrap().to_owned()).collect();
    let all = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all, "duplicate operationIds");
}

/// What is wrong with `value` against `schema` (empty: it conforms). Covers what utoipa emits:
/// `$ref`, `oneOf`/`anyOf`/`allOf`, `type` (one or a list, `null` included), `enum`,
/// `properties`/`required`/`additionalProperties: false`, `items`, and the formats
/// `date-time`, `date` and `uuid`.
fn violations(doc: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let schema = resolve(doc, schema);
    let mut errors = Vec::new();
    if let Some(alternatives) = schema["oneOf"].as_array() {
        let matching = alternatives.iter().filter(|alt| violations(doc, alt, value, at).is_empty()).count();
        if matching != 1 {
            errors.push(format!("{at}: {matching} alternatives of oneOf match {value}"));
        }
    }
    if let Some(alternatives) = schema["anyOf"].as_array()
        && !alternatives.iter().any(|alt| violations(doc, alt, value, at).is_empty())
    {
        errors.push(format!("{at}: no alternative of anyOf matches"));
    }
    for part in schema["allOf"].as_array().into_iter().flatten() {
        errors.extend(violations(doc, part, value, at));
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let is = |t: &str| match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        other => panic!("type {other}"),
    };
    if !types.is_empty() && !types.iter().any(|t| is(t)) {
        errors.push(format!("{at}: {value} is not {types:?}"));
        return errors;
    }
    if let Some(allowed) = schema["enum"].as_array()
        && !allowed.contains(value)
    {
        errors.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    if let Some(object) = value.as_object() {
        let properties = schema["properties"].as_object();
        for required in schema["required"].as_array().into_iter().flatten() {
            if !object.contains_key(required.as_str().unwrap()) {
                errors.push(format!("{at}: {required} is missing"));
            }
        }
        for (key, item) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => errors.extend(violations(doc, sub, item, &format!("{at}.{key}"))),
                None if schema["additionalProperties"] == false => errors.push(format!("{at}: {key} is not documented")),
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            errors.extend(violations(doc, items, item, &format!("{at}[{i}]")));
        }
    }
    if let (Some(format), Some(text)) = (schema["format"].as_str(), value.as_str()) {
        let ok = match format {
            "date-time" => chrono::DateTime::parse_from_rfc3339(text).is_ok(),
            "date" => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
            "uuid" => uuid::Uuid::parse_str(text).is_ok(),
            _ => true,
        };
        if !ok {
            errors.push(format!("{at}: {text:?} is not a {format}"));
        }
    }
    errors
}

/// Calls the app and asserts the answer is one the document lists for the operation, with a
/// body matching its schema. `template` is the document's path; `{lane}` becomes `lane-1`
/// unless `path` is given.
struct Checked<'a> {
    doc: &'a Value,
    calls: usize,
}

impl Checked<'_> {
    async fn call<S, B>(
        &mut self,
        app: &S,
        method: Method,
        template: &str,
        path: Option<&str>,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value)
    where
        S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
        B: actix_web::body::MessageBody,
    {
        let path = path.map_or_else(|| template.replace("{lane}", "lane-1"), str::to_owned);
        let mut req = TestRequest::default().method(method.clone()).uri(&path);
        if let Some(token) = token {
            req = req.insert_header(("Authorization", format!("Bearer {token}")));
        }
        if let Some(body) = body {
            req = req.set_json(body);
        }
        let resp = call_service(app, req.to_request()).await;
        let status = resp.status().as_u16();
        let content_type = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let bytes = read_body(resp).await;
        let name = format!("{method} {path} -> {status}");
        let op = &self.doc["paths"][template][method.as_str().to_lowercase()];
        assert!(op.is_object(), "{template} is not documented");
        let response = &op["responses"][status.to_string()];
        assert!(response.is_object(), "{name}: undocumented status; documented {:?}", codes(op));
        self.calls += 1;
        if status == 204 {
            assert!(bytes.is_empty(), "{name}: 204 with a body");
            return (status, Value::Null);
        }
        assert!(content_type.starts_with("application/json"), "{name}: content type {content_type:?}");
        let value: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        let errors = violations(self.doc, &response["content"]["application/json"]["schema"], &value, "$");
        assert!(errors.is_empty(), "{name} does not match its schema:\n{}\n{value}", errors.join("\n"));
        (status, value)
    }

    async fn get<S, B>(&mut self, app: &S, template: &str, token: Option<&str>) -> (u16, Value)
    where
        S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
        B: actix_web::body::MessageBody,
    {
        self.call(app, Method::GET, template, None, token, None).await
    }

    async fn post<S, B>(&mut self, app: &S, template: &str, token: Option<&str>, body: Value) -> (u16, Value)
    where
        S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
        B: actix_web::body::MessageBody,
    {
        self.call(app, Method::POST, template, None, token, Some(body)).await
    }
}

both_backends!(
    fn a_whole_check_in_answers_as_documented(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let doc = document();
            let mut api = Checked { doc: &doc, calls: 0 };
            let view = "/api/lanes/{lane}/view";

            assert_eq!(api.get(&app, "/api/club", None).await.0, 200);
            let (status, signed_in) =
                api.post(&app, "/api/auth/login", None, json!({ "login": "manager", "pin": "111111", "bearer": true })).await;
            assert_eq!(status, 200);
            let manager = signed_in["token"].as_str().unwrap().to_owned();
            assert_eq!(api.post(&app, "/api/auth/step-up", Some(&manager), json!({ "pin": "111111" })).await.0, 200);
            assert_eq!(api.get(&app, "/api/auth/me", Some(&manager)).await.0, 200);
            let (status, code) = api.post(&app, "/api/lanes/{lane}/pairing-codes", Some(&manager), json!({})).await;
            assert_eq!(status, 201);
            let pairing = json!({ "code": code["code"], "name": "lane-1 kiosk", "bearer": true });
            let (status, paired) = api.post(&app, "/api/devices/pair", None, pairing).await;
            assert_eq!(status, 200);
            let kiosk = paired["token"].as_str().unwrap().to_owned();
            let register = login(&app, "alex", "222222").await;
            let sign_in = json!({ "device_key": "register-lane-1" });
            assert_eq!(api.post(&app, "/api/lanes/{lane}/register/sign-in", Some(&register), sign_in).await.0, 200);
            for (template, token) in [
                ("/api/lanes", &register),
                ("/api/lanes/{lane}", &register),
                ("/api/lanes/{lane}", &kiosk),
                ("/api/registers", &register),
                ("/api/device", &kiosk),
                ("/api/devices", &manager),
                ("/api/staff", &manager),
                (view, &register),
                (view, &kiosk),
            ] {
                assert_eq!(api.get(&app, template, Some(token)).await.0, 200, "{template}");
            }

            let (status, customer) = api.post(&app, "/api/customers", Some(&register), json!({ "name": "Robin Q. Customer", "dob": "1990-04-02", "membership_number": format!(" 4242{}", " ".repeat(60)) })).await;
            assert_eq!((status, customer["membership_number"].as_str()), (201, Some("4242")));
            assert_eq!(api.call(&app, Method::GET, "/api/customers", Some("/api/customers?q=robin"), Some(&register), None).await.0, 200);
            let (status, started) = api.post(&app, "/api/lanes/{lane}/sessions", Some(&register), json!({ "customer_id": customer["id"] })).await;
            assert_eq!(status, 201);
            let stale = json!({ "language": "EN", "expected_rev": started["rev"].as_i64().unwrap() - 1 });
            let (status, refused) = api.post(&app, "/api/lanes/{lane}/session/language", Some(&kiosk), stale).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("STALE_VERSION")));
            let steps = [
                ("/api/lanes/{lane}/session/language", &kiosk, json!({ "language": "EN" })),
                ("/api/lanes/{lane}/session/membership", &kiosk, json!({ "choice": "ONE_TIME" })),
                ("/api/lanes/{lane}/session/propose", &kiosk, json!({ "rental_type": "STANDARD" })),
                ("/api/lanes/{lane}/session/back", &kiosk, json!({ "to": "MEMBERSHIP" })),
                ("/api/lanes/{lane}/session/membership", &kiosk, json!({ "choice": "ONE_TIME" })),
                ("/api/lanes/{lane}/session/propose", &kiosk, json!({ "rental_type": "STANDARD" })),
            ];
            for (template, token, body) in steps {
                assert_eq!(api.post(&app, template, Some(token), body).await.0, 200, "{template}");
                api.get(&app, view, Some(&register)).await;
                api.get(&app, view, Some(&kiosk)).await;
            }
            let (status, locked) = api.post(&app, "/api/lanes/{lane}/session/confirm", Some(&kiosk), json!({})).await;
            assert_eq!((status, locked["already_locked"].as_bool()), (200, Some(false)));
            let (status, again) = api.post(&app, "/api/lanes/{lane}/session/confirm", Some(&register), json!({})).await;
            assert_eq!((status, again["already_locked"].as_bool(), &again["rev"]), (200, Some(true), &locked["rev"]), "{again}");
            let (status, refused) = api.post(&app, "/api/lanes/{lane}/session/back", Some(&kiosk), json!({ "to": "RENTAL" })).await;
            assert_eq!((status, refused["error"]["code"].as_str()), (409, Some("SELECTION_LOCKED")));
            let addons = json!({ "items": [{ "description": "Towel", "amount_cents": 300 }] });
            assert_eq!(api.post(&app, "/api/lanes/{lane}/session/addons", Some(&register), addons).await.0, 200);
            assert_eq!(api.get(&app, view, Some(&register)).await.0, 200);
            assert_eq!(api.get(&app, view, Some(&kiosk)).await.0, 200);
            assert_eq!(api.post(&app, "/api/lanes/{lane}/session/decline", Some(&register), json!({ "reason": "card declined" })).await.0, 200);
            let (status, paid) = post_with_key(&app, &mut api, &register, "pay-1").await;
            assert_eq!(status, 200);
            assert_eq!(post_with_key(&app, &mut api, &register, "pay-1").await.1, paid, "a retry gets the first answer");
            let (_, kiosk_view) = api.get(&app, view, Some(&kiosk)).await;
            assert_eq!(api.get(&app, view, Some(&register)).await.0, 200);
            let (status, shown) = api.post(&app, "/api/lanes/{lane}/session/agreement-shown", Some(&kiosk), json!({})).await;
            assert_eq!((status, shown["already_recorded"].as_bool()), (200, Some(false)));
            let (status, again) = api.post(&app, "/api/lanes/{lane}/session/agreement-shown", Some(&kiosk), json!({})).await;
            assert_eq!((status, again["already_recorded"].as_bool(), &again["rev"]), (200, Some(true), &shown["rev"]), "{again}");
            let signature = json!({ "agreement_id": kiosk_view["data"]["agreement"]["id"], "consent": true, "strokes": crate::strokes() });
            let (status, signed) = api.post(&app, "/api/lanes/{lane}/session/sign", Some(&kiosk), signature).await;
            assert_eq!((status, signed["status"].as_str()), (200, Some("COMPLETED")), "{signed}");
            assert!(signed["rev"].as_i64().unwrap() > shown["rev"].as_i64().unwrap());
            assert_eq!(api.get(&app, view, Some(&register)).await.0, 200);
            assert_eq!(api.get(&app, view, Some(&kiosk)).await.0, 200);
            assert_eq!(api.post(&app, "/api/lanes/{lane}/session/acknowledge", Some(&kiosk), json!({})).await.0, 200);
            assert_eq!(api.post(&app, "/api/lanes/{lane}/session/close", Some(&register), json!({})).await.0, 200);
            assert_eq!(api.post(&app, "/api/lanes/{lane}/highlight", Some(&register), json!({ "option": "LOCKER" })).await.0, 204);

            assert_eq!(api.get(&app, "/api/inventory", Some(&register)).await.0, 200);
            let (status, page) = api.get(&app, "/api/signatures", Some(&manager)).await;
            assert_eq!(status, 200);
            let one = format!("/api/signatures/{}", page["items"][0]["id"].as_str().unwrap());
            assert_eq!(api.call(&app, Method::GET, "/api/signatures/{signature_id}", Some(&one), Some(&manager), None).await.0, 200);
            assert_eq!(api.get(&app, "/api/audit/verify", Some(&manager)).await.0, 200);
            assert_eq!(api.get(&app, "/api/audit/events", Some(&manager)).await.0, 200);

            // refusals are documented and in the envelope too
            assert_eq!(api.get(&app, view, None).await.0, 401);
            assert_eq!(api.call(&app, Method::GET, view, Some("/api/lanes/nope/view"), Some(&register), None).await.0, 404);
            assert_eq!(api.call(&app, Method::GET, "/ws/lanes/{lane}", None, Some(&register), None).await.0, 400);
            assert_eq!(api.call(&app, Method::GET, "/api/customers", Some("/api/customers"), Some(&register), None).await.0, 400);
            assert_eq!(api.post(&app, "/api/lanes/{lane}/session/cancel", Some(&register), json!({ "why": 1 })).await.0, 400);
            assert_eq!(api.post(&app, "/api/auth/step-up", Some(&register), json!({ "pin": "000000" })).await.0, 403);
            assert_eq!(api.post(&app, "/api/auth/logout", Some(&register), json!({})).await.0, 204);
            assert!(api.calls >= 55, "{} calls", api.calls);
        })
    }
);

/// Marks the payment with an `Idempotency-Key`.
async fn post_with_key<S, B>(app: &S, api: &mut Checked<'_>, register: &str, key: &str) -> (u16, Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let template = "/api/lanes/{lane}/session/payment";
    let req = TestRequest::post()
        .uri("/api/lanes/lane-1/session/payment")
        .insert_header(("Authorization", format!("Bearer {register}")))
        .insert_header(("Idempotency-Key", key))
        // padded past the column's 100 characters: stored trimmed, as checked
        .set_json(json!({ "method": "CARD", "external_reference": format!("T-1{}", " ".repeat(120)) }));
    let resp = call_service(app, req.to_request()).await;
    let status = resp.status().as_u16();
    let value: Value = serde_json::from_slice(&read_body(resp).await).unwrap();
    let schema = &api.doc["paths"][template]["post"]["responses"][status.to_string()]["content"]["application/json"]["schema"];
    let errors = violations(api.doc, schema, &value, "$");
    assert!(errors.is_empty(), "payment {status}: {}\n{value}", errors.join("\n"));
    api.calls += 1;
    (status, value)
}
