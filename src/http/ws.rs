//! WebSockets: `GET /ws/lanes/{lane}` (a register or that lane's kiosk) and `GET /ws/monitor`
//! (managers, every lane). Authenticated before the upgrade, `Origin` checked. The server
//! pushes; a client sends only `{"type":"ping"}` and `{"type":"resync"}`.

use std::sync::Arc;
use std::time::Duration;

use actix_web::{HttpRequest, HttpResponse, web};
use actix_ws::{AggregatedMessage, AggregatedMessageStream, CloseCode, CloseReason, Session};
use futures_util::StreamExt;
use serde_json::json;
use tokio::time::{Instant, interval_at, timeout};

use super::origin;
use crate::access::extract::{LaneViewer, Manager};
use crate::db::models::device::Device;
use crate::db::models::lane::Lane;
use crate::db::models::staff_session::StaffSession;
use crate::db::sql_types::Ts;
use crate::error::AppError;
use crate::http::state::AppState;
use crate::lanes::hub::{Membership, PrincipalKey, Role};
use crate::lanes::views::envelope;

/// Largest client message the protocol layer accepts (bigger ones close the socket).
const PROTOCOL_LIMIT: usize = 1024 * 1024;
/// Largest client message the application handles; bigger ones get an error frame.
pub const MESSAGE_LIMIT: usize = 64 * 1024;
/// A send slower than this means the client cannot keep up; the socket is closed.
const SEND_TIMEOUT: Duration = Duration::from_secs(10);

fn check_origin(req: &HttpRequest, state: &AppState) -> Result<(), AppError> {
    // Browsers always send Origin on a WebSocket upgrade; scripts may not (they hold a token).
    match req.headers().get("origin").map(|o| o.to_str().unwrap_or_default()) {
        Some(origin) if !origin::is_ours(req, &state.settings.allowed_origins, origin) => {
            Err(AppError::forbidden("ORIGIN_NOT_ALLOWED", "This page's origin may not open a socket."))
        }
        _ => Ok(()),
    }
}

/// The upgrade itself; a request that is not a WebSocket handshake is a 400 in the error
/// envelope (`NOT_A_WEBSOCKET`), not actix's plain-text refusal.
fn upgrade(req: &HttpRequest, body: web::Payload) -> Result<(HttpResponse, Session, actix_ws::MessageStream), AppError> {
    actix_ws::handle(req, body).map_err(|err| AppError::Invalid {
        code: "NOT_A_WEBSOCKET",
        field: None,
        message: format!("This address is a WebSocket: {err}"),
    })
}

/// A lane's socket: the register view for staff, the kiosk view for the lane's kiosk.
#[utoipa::path(get, path = "/ws/lanes/{lane}", operation_id = "lane_socket", tag = "realtime", security(("staff" = []), ("kiosk" = [])),
    params(("lane" = String, Path, example = "lane-1", pattern = "^lane-[1-9][0-9]{0,3}$")),
    responses((status = 101, description = "switching to WebSocket. The server sends `lane.view` messages (schema `RegisterLaneView` to staff, `KioskLaneView` to the lane's kiosk) and events (`LaneEvent`); the client sends only `{\"type\": \"ping\"}` and `{\"type\": \"resync\"}` (docs/realtime.md)")))]
pub async fn lane(
    viewer: LaneViewer,
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    check_origin(&req, &state)?;
    let (lane, role, principal) = match viewer {
        LaneViewer::Staff(auth, lane) => (lane, Role::Register, PrincipalKey::Staff(auth.session_id)),
        LaneViewer::Kiosk(device, lane) => (lane, Role::Kiosk, PrincipalKey::Device(device.id)),
    };
    let (response, session, stream) = upgrade(&req, body)?;
    let membership = state.hub.join(Some(&lane), role, principal);
    Socket { state: state.into_inner(), membership, role, principal, lanes: Some(vec![lane]) }.spawn(session, stream);
    Ok(response)
}

/// The manager's club-wide monitor: register views of every lane.
#[utoipa::path(get, path = "/ws/monitor", operation_id = "monitor_socket", tag = "realtime", security(("manager" = [])),
    responses((status = 101, description = "switching to WebSocket. The server sends a `RegisterLaneView` of every lane, then of every change, and `LaneEvent` answers; the client sends only `{\"type\": \"ping\"}` and `{\"type\": \"resync\"}`")))]
pub async fn monitor(
    Manager(auth): Manager,
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
) -> Result<HttpResponse, actix_web::Error> {
    check_origin(&req, &state)?;
    let (response, session, stream) = upgrade(&req, body)?;
    let principal = PrincipalKey::Staff(auth.session_id);
    let membership = state.hub.join(None, Role::Monitor, principal);
    Socket { state: state.into_inner(), membership, role: Role::Monitor, principal, lanes: None }.spawn(session, stream);
    Ok(response)
}

struct Socket {
    state: Arc<AppState>,
    membership: Membership,
    role: Role,
    principal: PrincipalKey,
    /// `None`: every lane (monitor)
    lanes: Option<Vec<String>>,
}

fn error_frame(code: &str, message: &str) -> String {
    envelope("error", None, 0, &json!({ "code": code, "message": message })).to_string()
}

impl Socket {
    /// Runs the socket in its own task, with the protocol's frame limits.
    fn spawn(self, session: Session, stream: actix_ws::MessageStream) {
        let stream = stream.max_frame_size(PROTOCOL_LIMIT).aggregate_continuations().max_continuation_size(PROTOCOL_LIMIT);
        actix_web::rt::spawn(self.run(session, stream));
    }

    async fn run(self, mut session: Session, mut stream: AggregatedMessageStream) {
        self.send_current().await;
        let every = self.state.settings.ws_ping;
        let mut ping = interval_at(Instant::now() + every, every);
        let mut last_heard = Instant::now();
        let reason = loop {
            tokio::select! {
                out = self.membership.outbox.next() => match out {
                    Some(text) => {
                        if !matches!(timeout(SEND_TIMEOUT, session.text(text.to_string())).await, Ok(Ok(()))) {
                            break close(CloseCode::Away, "too slow");
                        }
                    }
                    None => break close(CloseCode::Policy, "closed by the server"),
                },
                frame = stream.next() => match frame {
                    Some(Ok(msg)) => {
                        last_heard = Instant::now();
                        if let Some(reason) = self.on_message(&mut session, msg).await {
                            break reason;
                        }
                    }
                    Some(Err(err)) => break close(CloseCode::Protocol, &err.to_string()),
                    None => break None,
                },
                _ = ping.tick() => {
                    if last_heard.elapsed() > self.state.settings.ws_timeout {
                        break close(CloseCode::Away, "no pong");
                    }
                    if !self.still_allowed().await {
                        break close(CloseCode::Policy, "signed out or revoked");
                    }
                    if session.ping(b"").await.is_err() {
                        break None;
                    }
                }
            }
        };
        let _ = session.close(reason).await;
    }

    /// Handles one client message; `Some` ends the socket.
    async fn on_message(&self, session: &mut Session, msg: AggregatedMessage) -> Option<Option<CloseReason>> {
        let reply = match msg {
            AggregatedMessage::Text(text) => self.on_text(&text).await,
            AggregatedMessage::Binary(_) => Some(error_frame("BINARY_NOT_SUPPORTED", "Send JSON text messages.")),
            AggregatedMessage::Ping(bytes) => return session.pong(&bytes).await.err().map(|_| None),
            AggregatedMessage::Pong(_) => None,
            AggregatedMessage::Close(_) => return Some(None),
        };
        match reply {
            Some(text) => session.text(text).await.err().map(|_| None),
            None => None,
        }
    }

    async fn on_text(&self, text: &str) -> Option<String> {
        if text.len() > MESSAGE_LIMIT {
            return Some(error_frame("FRAME_TOO_LARGE", "Messages are limited to 64 KiB."));
        }
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(_) => return Some(error_frame("INVALID_JSON", "That message is not valid JSON.")),
        };
        match value.get("type").and_then(|t| t.as_str()) {
            Some("ping") => Some(envelope("pong", None, 0, &json!({})).to_string()),
            Some("resync") => {
                self.send_current().await;
                None
            }
            _ => Some(error_frame("UNKNOWN_MESSAGE_TYPE", "Known message types: ping, resync.")),
        }
    }

    /// Queues the current view of each lane of this socket.
    async fn send_current(&self) {
        let (hub, lanes) = (self.state.hub.clone(), self.lanes.clone());
        let loaded = self
            .state
            .db(move |conn| {
                let lanes = match lanes {
                    Some(lanes) => lanes,
                    None => Lane::all(conn)?.into_iter().map(|l| l.id).collect(),
                };
                lanes.iter().map(|lane| hub.load(conn, lane)).collect::<Result<Vec<_>, _>>()
            })
            .await;
        match loaded {
            Ok(views) => views.iter().for_each(|v| self.state.hub.send_current(&self.membership, self.role, v)),
            Err(err) => tracing::warn!(error = %err, "cannot load views for a socket"),
        }
    }

    /// Re-checks that the principal may still listen (sessions end, devices get revoked).
    async fn still_allowed(&self) -> bool {
        let (principal, now) = (self.principal, Ts(self.state.clock.now()));
        let check = self.state.db(move |conn| match principal {
            PrincipalKey::Staff(id) => Ok(StaffSession::is_current(conn, id, now)?),
            PrincipalKey::Device(id) => match Device::find(conn, id)?.filter(|d| d.revoked_at.is_none()) {
                // the heartbeat keeps the kiosk's "last seen" current while its socket is open
                Some(device) => {
                    if let Err(err) = Device::seen(conn, &device, now) {
                        tracing::warn!(device.id = %device.id, error = %err, "cannot record when the kiosk was last seen");
                    }
                    Ok(true)
                }
                None => Ok(false),
            },
        });
        // A database hiccup does not close a working socket.
        check.await.unwrap_or(true)
    }
}

fn close(code: CloseCode, description: &str) -> Option<CloseReason> {
    Some(CloseReason { code, description: Some(description.to_owned()) })
}
