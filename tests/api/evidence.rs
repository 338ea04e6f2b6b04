//! The evidence desk over HTTP: the certificate PDF (byte-identical across generations and a
//! restart, parsed with lopdf, carrying the text, the hashes and the stored bytes), verify by
//! upload or hash (genuine / one byte changed / record changed), a record altered behind the
//! triggers' back flagged in the list and its certificate, and the streamed exports (ZIP with
//! manifests whose hashes match the files, CSV of the list). Every access audited.

use actix_web::test::{TestRequest, call_service, read_body};
use diesel::prelude::*;
use frontdesk::db::BackendKind;
use frontdesk::db::schema::{agreement_signatures as sig, audit_events, issued_certificates};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::block_on;
use crate::both_backends;
use crate::client::*;
use crate::counter::{Desk, check_in, desk};
use crate::support::TestDb;

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// GET with the manager's token: status, headers' certificate hash, body bytes.
async fn fetch<S, B>(app: &S, path: &str, token: &str) -> (u16, Option<String>, Vec<u8>)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let req = TestRequest::get().uri(path).insert_header(("Authorization", format!("Bearer {token}"))).to_request();
    let resp = call_service(app, req).await;
    let status = resp.status().as_u16();
    let hash = resp.headers().get("X-Certificate-SHA256").map(|v| v.to_str().unwrap().to_owned());
    (status, hash, read_body(resp).await.to_vec())
}

/// POSTs a file to the verify endpoint.
async fn upload<S, B>(app: &S, token: &str, content_type: &str, bytes: Vec<u8>) -> (u16, Value)
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let req = TestRequest::post()
        .uri("/api/signatures/verify")
        .insert_header(("Authorization", format!("Bearer {token}")))
        .insert_header(("Content-Type", content_type.to_owned()))
        .set_payload(bytes)
        .to_request();
    let resp = call_service(app, req).await;
    let status = resp.status().as_u16();
    (status, serde_json::from_slice(&read_body(resp).await).unwrap_or(Value::Null))
}

async fn signed_three<S, B>(app: &S, desk: &Desk) -> Vec<String>
where
    S: actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse<B>, Error = actix_web::Error>,
    B: actix_web::body::MessageBody,
{
    let mut ids = Vec::new();
    for (name, rental, language) in [("Ana Uno", "STANDARD", "EN"), ("Bea Dos", "LOCKER", "ES"), ("=Cy Tres", "STANDARD", "EN")] {
        let (_, signed) = check_in(app, desk, name, rental, language).await;
        ids.push(signed["signature_id"].as_str().unwrap().to_owned());
    }
    ids
}

fn actions(db: &TestDb, action: &str) -> Vec<Value> {
    let rows: Vec<String> = audit_events::table
        .filter(audit_events::action.eq(action))
        .order(audit_events::seq)
        .select(audit_events::summary_json)
        .load(&mut db.conn())
        .unwrap();
    rows.iter().map(|s| serde_json::from_str(s).unwrap()).collect()
}

/// The text on the PDF's pages and its embedded files' bytes.
fn parsed(pdf: &[u8]) -> (String, Vec<Vec<u8>>) {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf parses");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(!pages.is_empty());
    let text = doc.extract_text(&pages).expect("text");
    let files = doc
        .objects
        .values()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) if s.dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"EmbeddedFile".as_slice()) => {
                Some(s.decompressed_content().unwrap_or_else(|_| s.content.clone()))
            }
            _ => None,
        })
        .collect();
    (text, files)
}

fn record_sha(db: &TestDb, id: &str) -> String {
    sig::table
        .filter(sig::id.eq(id.parse::<frontdesk::db::ids::SignatureId>().unwrap()))
        .select(sig::record_sha256)
        .first(&mut db.conn())
        .unwrap()
}

both_backends!(
    fn a_certificate_is_reproducible_parses_and_carries_the_evidence(db) {
        block_on(async {
            let (app, clock) = demo_app(db).await;
            let desk = desk(&app).await;
            let ids = signed_three(&app, &desk).await;
            let path = format!("/api/signatures/{}/certificate.pdf", ids[0]);
            let (status, header, first) = fetch(&app, &path, &desk.manager).await;
            assert_eq!(status, 200);
            assert!(first.starts_with(b"%PDF-"));
            assert_eq!(header.as_deref(), Some(sha(&first).as_str()));
            let (_, _, second) = fetch(&app, &path, &desk.manager).await;
            assert_eq!(first, second, "two generations are byte-identical");
            // a restart: a new application over the same database
            let pool = frontdesk::db::pool::build(&db.url, 2, std::time::Duration::from_secs(5));
            let state = frontdesk::app::AppState::with_clock(pool, crate::settings(&db.url), std::sync::Arc::new(clock.clone()));
            let restarted = actix_web::test::init_service(frontdesk::app::build(state)).await;
            let (status, _, third) = fetch(&restarted, &path, &desk.manager).await;
            assert_eq!((status, sha(&third)), (200, sha(&first)), "the same bytes after a restart");

            let (text, files) = parsed(&first);
            let record = record_sha(db, &ids[0]);
            for needle in ["Ana Uno", "Signed agreement and signature certificate", record.as_str(), "Alex Staff", "lane-1"] {
                assert!(text.contains(needle), "{needle} in the text:\n{text}");
            }
            assert!(text.contains("Every hash below was recomputed"), "{text}");
            // the attachments are the stored bytes: record.json hashes to the record hash
            let hashes: Vec<String> = files.iter().map(|f| sha(f)).collect();
            assert!(hashes.contains(&record), "record.json among {hashes:?}");
            let (text_sha, png_sha): (String, String) = sig::table
                .filter(sig::record_sha256.eq(&record))
                .select((sig::agreement_text_sha256, sig::signature_png_sha256))
                .first(&mut db.conn())
                .unwrap();
            assert!(hashes.contains(&text_sha) && hashes.contains(&png_sha), "{hashes:?}");

            // downloads are audited, and the hash is remembered as issued
            let downloads = actions(db, "CERTIFICATE_DOWNLOADED");
            assert_eq!(downloads.len(), 3);
            assert_eq!(downloads[0], json!({ "certificate_sha256": sha(&first), "record_sha256": record, "intact": true }));
            let issued: i64 = issued_certificates::table.count().get_result(&mut db.conn()).unwrap();
            assert_eq!(issued, 1);
            // not for staff, not for an unknown id
            assert_eq!(fetch(&app, &path, &desk.register).await.0, 403);
            let unknown = format!("/api/signatures/{}/certificate.pdf", uuid::Uuid::now_v7());
            assert_eq!(fetch(&app, &unknown, &desk.manager).await.0, 404);
            assert_eq!(actions(db, "CERTIFICATE_DOWNLOADED").len(), 3);
        })
    }
);

both_backends!(
    fn verify_by_upload_tells_genuine_from_one_changed_byte(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let ids = signed_three(&app, &desk).await;
            let (_, _, pdf) = fetch(&app, &format!("/api/signatures/{}/certificate.pdf", ids[1]), &desk.manager).await;
            let (status, verdict) = upload(&app, &desk.manager, "application/pdf", pdf.clone()).await;
            assert_eq!(status, 200, "{verdict}");
            assert_eq!((verdict["status"].as_str(), verdict["signature_id"].as_str()), (Some("GENUINE"), Some(ids[1].as_str())));
            assert_eq!(verdict["customer_name"], "Bea Dos");
            assert_eq!(verdict["sha256"], sha(&pdf));
            // one byte changed, in the middle of the file
            let mut changed = pdf.clone();
            let middle = changed.len() / 2;
            changed[middle] ^= 0x01;
            let (_, verdict) = upload(&app, &desk.manager, "application/pdf", changed).await;
            assert_eq!(verdict["status"], "NOT_OURS", "{verdict}");
            // by hash, any case
            let (_, verdict) = post(&app, "/api/signatures/verify", Some(&desk.manager), json!({ "sha256": sha(&pdf).to_uppercase() })).await;
            assert_eq!(verdict["status"], "GENUINE", "{verdict}");
            let (_, verdict) = post(&app, "/api/signatures/verify", Some(&desk.manager), json!({ "sha256": "0".repeat(64) })).await;
            assert_eq!((verdict["status"].as_str(), &verdict["signature_id"]), (Some("NOT_OURS"), &Value::Null));
            // a certificate never downloaded is recognised by regenerating it
            let fresh = {
                let conn = &mut db.conn();
                let id = ids[2].parse().unwrap();
                let (record, listing) = frontdesk::evidence::load(conn, id).unwrap();
                frontdesk::evidence::certify(&record, &listing)
            };
            let (_, verdict) = upload(&app, &desk.manager, "application/octet-stream", fresh.bytes).await;
            assert_eq!((verdict["status"].as_str(), verdict["signature_id"].as_str()), (Some("GENUINE"), Some(ids[2].as_str())));
            // refusals change nothing
            let before = actions(db, "CERTIFICATE_VERIFIED").len();
            let (status, body) = upload(&app, &desk.manager, "application/pdf", b"GIF89a not a pdf".to_vec()).await;
            assert_eq!((status, body["error"]["code"].as_str()), (400, Some("NOT_A_PDF")));
            let (status, body) = post(&app, "/api/signatures/verify", Some(&desk.manager), json!({ "sha256": "xyz" })).await;
            assert_eq!((status, body["error"]["details"]["field"].as_str()), (400, Some("sha256")), "{body}");
            let (status, _) = post(&app, "/api/signatures/verify", Some(&desk.register), json!({ "sha256": "0".repeat(64) })).await;
            assert_eq!(status, 403);
            let verified = actions(db, "CERTIFICATE_VERIFIED");
            assert_eq!(verified.len(), before);
            assert_eq!(verified.len(), 5);
            assert_eq!(verified[1]["status"], "NOT_OURS");
            assert_eq!(verified[2], json!({ "sha256": sha(&pdf), "status": "GENUINE", "by": "hash" }));
        })
    }
);

/// Changes a stored signature's name behind the immutability trigger.
fn tamper(db: &TestDb, id: &str) {
    let update = format!("UPDATE agreement_signatures SET customer_name = 'Someone Else' WHERE id = '{id}'");
    let sql: Vec<String> = match db.backend {
        BackendKind::Postgres => vec![
            "ALTER TABLE agreement_signatures DISABLE TRIGGER agreement_signatures_immutable".into(),
            update,
            "ALTER TABLE agreement_signatures ENABLE TRIGGER agreement_signatures_immutable".into(),
        ],
        BackendKind::Sqlite => vec!["DROP TRIGGER agreement_signatures_no_update".into(), update],
    };
    for s in sql {
        diesel::sql_query(s).execute(&mut db.conn()).unwrap();
    }
}

both_backends!(
    fn an_altered_record_is_flagged_in_the_list_its_certificate_and_verification(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let ids = signed_three(&app, &desk).await;
            let path = format!("/api/signatures/{}/certificate.pdf", ids[0]);
            let (_, _, before) = fetch(&app, &path, &desk.manager).await;
            tamper(db, &ids[0]);
            let (_, page) = get(&app, "/api/signatures", Some(&desk.manager)).await;
            let flags: Vec<(&str, bool)> =
                page["items"].as_array().unwrap().iter().map(|i| (i["customer_name"].as_str().unwrap(), i["intact"].as_bool().unwrap())).collect();
            assert_eq!(flags, [("=Cy Tres", true), ("Bea Dos", true), ("Someone Else", false)]);
            // its certificate says so
            let (_, _, after) = fetch(&app, &path, &desk.manager).await;
            assert_ne!(sha(&after), sha(&before));
            let (text, _) = parsed(&after);
            assert!(text.contains("VERIFICATION FAILED"), "{text}");
            assert_eq!(actions(db, "CERTIFICATE_DOWNLOADED")[1]["intact"], false);
            // the certificate issued before: ours, but the record changed since
            let (_, verdict) = upload(&app, &desk.manager, "application/pdf", before).await;
            assert_eq!((verdict["status"].as_str(), verdict["signature_id"].as_str()), (Some("RECORD_CHANGED"), Some(ids[0].as_str())), "{verdict}");
            // the one issued after, of an altered record, is not "genuine" either
            let (_, verdict) = upload(&app, &desk.manager, "application/pdf", after).await;
            assert_eq!(verdict["status"], "RECORD_CHANGED", "{verdict}");
        })
    }
);

/// The entries of a stored (uncompressed) ZIP, read through its central directory.
pub fn unzip(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let end = zip.windows(4).rposition(|w| w == [0x50, 0x4b, 0x05, 0x06]).expect("end of central directory");
    let le16 = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
    let le32 = |at: usize| u32::from_le_bytes([zip[at], zip[at + 1], zip[at + 2], zip[at + 3]]) as usize;
    let (count, mut at) = (le16(end + 10), le32(end + 16));
    (0..count)
        .map(|_| {
            let (method, crc, size, name_len, local) = (le16(at + 10), le32(at + 16), le32(at + 24), le16(at + 28), le32(at + 42));
            assert_eq!(method, 0, "stored");
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let data_at = local + 30 + le16(local + 26) + le16(local + 28);
            let data = zip[data_at..data_at + size].to_vec();
            assert_eq!(crc32fast::hash(&data) as usize, crc, "{name}");
            at += 46 + name_len;
            (name, data)
        })
        .collect()
}

/// Checks an export archive against itself: every PDF's hash is in both manifests and in
/// SHA256SUMS, which also covers the manifests. Returns the manifest JSON.
pub fn check_archive(entries: &[(String, Vec<u8>)]) -> Value {
    let file = |name: &str| &entries.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name}")).1;
    let manifest: Value = serde_json::from_slice(file("manifest.json")).unwrap();
    let csv = String::from_utf8(file("manifest.csv").clone()).unwrap();
    let sums = String::from_utf8(file("SHA256SUMS").clone()).unwrap();
    let pdfs: Vec<_> = entries.iter().filter(|(n, _)| n.ends_with(".pdf")).collect();
    assert_eq!(manifest["count"].as_u64().unwrap() as usize, pdfs.len());
    assert_eq!(csv.lines().count(), pdfs.len() + 1);
    for (name, bytes) in &pdfs {
        let row = manifest["files"].as_array().unwrap().iter().find(|f| f["file"] == name.as_str()).expect("manifest row");
        assert_eq!(row["certificate_sha256"], sha(bytes), "{name}");
        assert!(csv.contains(&sha(bytes)) && sums.contains(&format!("{}  {name}\n", sha(bytes))), "{name}");
    }
    for name in ["manifest.csv", "manifest.json"] {
        assert!(sums.contains(&format!("{}  {name}\n", sha(file(name)))), "{name} in SHA256SUMS");
    }
    manifest
}

both_backends!(
    fn an_export_streams_certificates_with_manifests_that_match(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let ids = signed_three(&app, &desk).await;
            let (status, _, zip) = fetch(&app, "/api/signatures/export.zip", &desk.manager).await;
            assert_eq!(status, 200);
            let entries = unzip(&zip);
            assert_eq!(entries.len(), 6, "{:?}", entries.iter().map(|e| &e.0).collect::<Vec<_>>());
            let manifest = check_archive(&entries);
            let listed: Vec<&str> = manifest["files"].as_array().unwrap().iter().map(|f| f["signature_id"].as_str().unwrap()).collect();
            assert_eq!(listed, [ids[2].as_str(), ids[1].as_str(), ids[0].as_str()]);
            assert_eq!(manifest["files"][1]["record_sha256"], record_sha(db, &ids[1]));
            // each exported PDF verifies as genuine
            let pdf = entries.iter().find(|(n, _)| n.ends_with(&format!("{}.pdf", ids[1]))).unwrap().1.clone();
            assert_eq!(upload(&app, &desk.manager, "application/pdf", pdf).await.1["status"], "GENUINE");
            // audited at start and end, the end naming the manifests' hashes
            assert_eq!(actions(db, "SIGNATURES_EXPORT_STARTED")[0]["count"], 3);
            let end = &actions(db, "SIGNATURES_EXPORTED")[0];
            assert_eq!((end["count"].as_u64(), end["complete"].as_bool()), (Some(3), Some(true)));
            let json_sha = sha(&entries.iter().find(|(n, _)| n == "manifest.json").unwrap().1);
            assert!(end["manifests"].as_array().unwrap().iter().any(|m| m["file"] == "manifest.json" && m["sha256"] == json_sha), "{end}");

            // the screen asks first how many an export would hold (not audited)
            let (status, size) = get(&app, "/api/signatures/export/size?language=EN", Some(&desk.manager)).await;
            assert_eq!((status, size), (200, json!({ "count": 2, "max": 20_000, "too_many": false })));
            assert_eq!(actions(db, "SIGNATURES_EXPORT_STARTED").len(), 1);
            // the list's filters apply; a bad one is refused before anything is written
            let (_, _, es) = fetch(&app, "/api/signatures/export.zip?language=ES", &desk.manager).await;
            let es = unzip(&es);
            assert_eq!(check_archive(&es)["files"][0]["customer_name"], "Bea Dos");
            let (status, _) = get(&app, "/api/signatures/export.zip?language=FR", Some(&desk.manager)).await;
            assert_eq!(status, 400);
            assert_eq!(actions(db, "SIGNATURES_EXPORT_STARTED").len(), 2);
            assert_eq!(get(&app, "/api/signatures/export.zip", Some(&desk.register)).await.0, 403);
        })
    }
);

both_backends!(
    fn the_csv_export_lists_the_filtered_signatures_with_their_hashes(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let ids = signed_three(&app, &desk).await;
            let (status, _, csv) = fetch(&app, "/api/signatures/export.csv", &desk.manager).await;
            assert_eq!(status, 200);
            let csv = String::from_utf8(csv).unwrap();
            let lines: Vec<&str> = csv.lines().collect();
            assert_eq!(lines.len(), 4, "{csv}");
            assert!(lines[0].starts_with("signature_id,signed_at,customer_name,"), "{}", lines[0]);
            assert!(lines[1].starts_with(&format!("{},", ids[2])) && lines[1].contains(",'=Cy Tres,"), "a formula is defused: {}", lines[1]);
            assert!(lines[3].contains(&record_sha(db, &ids[0])) && lines[3].ends_with(",true"), "{}", lines[3]);
            let (_, _, one) = fetch(&app, "/api/signatures/export.csv?customer=bea", &desk.manager).await;
            assert_eq!(String::from_utf8(one).unwrap().lines().count(), 2);
            let ends = actions(db, "SIGNATURES_EXPORTED");
            assert_eq!((ends[0]["format"].as_str(), ends[0]["count"].as_u64()), (Some("csv"), Some(3)));
            assert_eq!(ends[0]["manifests"][0]["sha256"], sha(csv.as_bytes()));
        })
    }
);

/// Peak resident memory of this process so far (VmHWM, KiB; 0 where /proc is missing).
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()).unwrap_or(0)
}

/// Copies of one real signature under new ids (each with its own record hash), `signed_at`
/// a second apart.
fn copies(db: &TestDb, id: &str, count: usize) {
    let conn = &mut db.conn();
    let original = frontdesk::db::models::signature::NewSignature::find(conn, id.parse().unwrap()).unwrap().unwrap();
    conn.transaction::<_, diesel::result::Error, _>(|c| {
        for i in 0..count {
            let mut copy = original.clone();
            copy.id = frontdesk::db::ids::SignatureId::new();
            let earlier = |t: frontdesk::db::sql_types::Ts| frontdesk::db::sql_types::Ts(t.0 - chrono::Duration::seconds(i as i64 + 1));
            (copy.agreement_shown_at, copy.consent_at, copy.signed_at) =
                (earlier(original.agreement_shown_at), earlier(original.consent_at), earlier(original.signed_at));
            copy.record_sha256 = frontdesk::checkin::evidence::record_sha256(&copy);
            copy.insert(c)?;
        }
        Ok(())
    })
    .unwrap();
}

/// Exports every signature into a file (the sink a slow client would be), and returns the
/// archive's entries, the peak memory before and after, and the summary.
fn export_to_file(db: &TestDb) -> (Vec<(String, Vec<u8>)>, u64, u64, usize) {
    use std::io::Write;
    let pool = frontdesk::db::pool::build(&db.url, 2, std::time::Duration::from_secs(5));
    let path = tempfile::NamedTempFile::new().unwrap();
    let mut file = std::io::BufWriter::new(std::fs::File::create(path.path()).unwrap());
    let before = peak_kib();
    let mut sink = |bytes: Vec<u8>| file.write_all(&bytes).is_ok();
    let now = frontdesk::db::sql_types::Ts(chrono::Utc::now());
    let filter = frontdesk::db::models::signature_listing::SignatureFilter::default();
    let summary = frontdesk::evidence::export::archive(&pool, &filter, &Value::Null, now, &mut sink).unwrap();
    drop(file);
    let after = peak_kib();
    assert!(summary.complete);
    let bytes = std::fs::read(path.path()).unwrap();
    eprintln!("archive: {} KiB", bytes.len() / 1024);
    (unzip(&bytes), before, after, summary.count)
}

both_backends!(
    fn an_export_of_a_thousand_signatures_matches_its_manifest(db) {
        block_on(async {
            let (app, _) = demo_app(db).await;
            let desk = desk(&app).await;
            let (_, signed) = check_in(&app, &desk, "Ana Uno", "STANDARD", "EN").await;
            copies(db, signed["signature_id"].as_str().unwrap(), 999);
            let (entries, before, after, count) = export_to_file(db);
            assert_eq!(count, 1000);
            assert_eq!(entries.len(), 1003);
            let manifest = check_archive(&entries);
            assert!(manifest["files"].as_array().unwrap().iter().all(|f| f["intact"] == true));
            // a figure for docs/performance.md, not an assertion: run this test alone to read it
            eprintln!("export of {count} signatures ({:?}): peak RSS {before} KiB before, {after} KiB after", db.backend);
        })
    }
);
