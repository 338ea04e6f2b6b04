//! Extractors: a handler states who may call it by the principal type it takes.
//!
//! | extractor | who | refusals |
//! |---|---|---|
//! | [`AnyStaff`] | any signed-in staff member | 401 none/ended, 403 `WRONG_PRINCIPAL` for a kiosk |
//! | [`Manager`] | a manager | + 403 `MANAGER_REQUIRED` |
//! | [`SteppedUpManager`] | a manager who re-entered the PIN within 5 min | + 403 `STEP_UP_REQUIRED` |
//! | [`AtRegister`] | staff signed in at the register of the path's `{lane}` | + 403 `REGISTER_REQUIRED` |
//! | [`AtDesk`] | staff signed in at any register through this login, or a manager | 403 `REGISTER_REQUIRED` |
//! | [`KioskOf`] | the kiosk paired to the path's `{lane}` | 403 `WRONG_PRINCIPAL` for staff, `LANE_SCOPE` for another lane |
//! | [`Kiosk`] | any paired kiosk | 403 `WRONG_PRINCIPAL` for staff |
//! | [`LaneViewer`] | any staff, or the kiosk of the path's `{lane}` | as above |
//! | [`LaneActor`] | the register or the kiosk of the path's `{lane}` | as above |
//!
//! Actix resolves a handler's arguments concurrently, so a
//! handler that also takes a path or a body wraps them in [`Authed`]: the principal is settled
//! first, and an anonymous call is refused with 401 before its body is even read.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

use super::credentials::Credentials;
use super::principal::{StaffAuth, resolve_device, resolve_staff};
use crate::db::DbConn;
use crate::db::models::device::Device;
use crate::db::models::lane::is_valid_lane_id;
use crate::db::models::register_session::RegisterSession;
use crate::error::AppError;
use crate::http::state::AppState;

type Fut<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

struct Ctx {
    state: web::Data<AppState>,
    creds: Credentials,
    lane: Option<String>,
}

fn ctx(req: &HttpRequest) -> Result<Ctx, AppError> {
    let state = req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| AppError::Internal("no AppState".into()))?;
    let lane = req.match_info().get("lane").map(str::to_owned);
    Ok(Ctx { state, creds: Credentials::from_request(req), lane })
}

impl Ctx {
    fn lane(&self) -> Result<String, AppError> {
        self.lane.clone().filter(|l| is_valid_lane_id(l)).ok_or(AppError::NotFound { what: "The lane" })
    }

    async fn staff(&self) -> Result<StaffAuth, AppError> {
        self.staff_with_auth(|_, _| Ok(())).await.map(|(auth, ())| auth)
    }

    /// The staff caller and `then` (which sees who it is), read on the same pooled connection
    /// in one blocking call.
    async fn staff_with_auth<T: Send + 'static>(
        &self,
        then: impl FnOnce(&mut DbConn, &StaffAuth) -> Result<T, AppError> + Send + 'static,
    ) -> Result<(StaffAuth, T), AppError> {
        let now = self.state.clock.now();
        match (self.creds.staff.clone(), self.creds.device.clone()) {
            (Some(token), _) => {
                self.state
                    .db(move |c| {
                        let auth = resolve_staff(c, &token, now)?;
                        let value = then(c, &auth)?;
                        Ok((auth, value))
                    })
                    .await
            }
            (None, Some(token)) => {
                self.state.db(move |c| resolve_device(c, &token, now)).await?;
                Err(AppError::forbidden("WRONG_PRINCIPAL", "This action is for staff, not for a kiosk."))
            }
            (None, None) => Err(AppError::not_signed_in()),
        }
    }

    async fn device(&self) -> Result<Device, AppError> {
        let now = self.state.clock.now();
        match (self.creds.device.clone(), self.creds.staff.clone()) {
            (Some(token), _) => self.state.db(move |c| resolve_device(c, &token, now)).await,
            (None, Some(token)) => {
                self.state.db(move |c| resolve_staff(c, &token, now)).await?;
                Err(AppError::forbidden("WRONG_PRINCIPAL", "This action is for the customer's kiosk."))
            }
            (None, None) => Err(AppError::not_signed_in()),
        }
    }
}

fn lane_scope(device: &Device, lane: &str) -> Result<(), AppError> {
    if device.lane_id == lane { Ok(()) } else { Err(AppError::forbidden("LANE_SCOPE", "This kiosk belongs to another lane.")) }
}

macro_rules! extractor {
    ($ty:ty, |$c:ident| $body:expr) => {
        impl FromRequest for $ty {
            type Error = AppError;
            type Future = Fut<Self>;
            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                let ctx = ctx(req);
                Box::pin(async move {
                    let $c = ctx?;
                    $body
                })
            }
        }
    };
}

/// A principal `P`, then the rest `B` (path, body, ...), extracted in that order.
#[derive(Debug)]
pub struct Authed<P, B>(pub P, pub B);

impl<P, B> FromRequest for Authed<P, B>
where
    P: FromRequest<Error = AppError> + 'static,
    B: FromRequest + 'static,
{
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let (req, mut payload) = (req.clone(), payload.take());
        Box::pin(async move {
            let principal = P::from_request(&req, &mut Payload::None).await?;
            let rest = B::from_request(&req, &mut payload).await.map_err(Into::into)?;
            Ok(Authed(principal, rest))
        })
    }
}

/// Any signed-in staff member.
#[derive(Debug)]
pub struct AnyStaff(pub StaffAuth);
extractor!(AnyStaff, |c| Ok(AnyStaff(c.staff().await?)));

/// A signed-in manager.
#[derive(Debug)]
pub struct Manager(pub StaffAuth);
extractor!(Manager, |c| {
    let auth = c.staff().await?;
    auth.require_manager()?;
    Ok(Manager(auth))
});

/// A manager who re-entered their PIN within the last 5 minutes (403 `STEP_UP_REQUIRED`).
#[derive(Debug)]
pub struct SteppedUpManager(pub StaffAuth);
extractor!(SteppedUpManager, |c| {
    let auth = c.staff().await?;
    auth.require_manager()?;
    auth.require_step_up(c.state.clock.now())?;
    Ok(SteppedUpManager(auth))
});

/// Staff signed in at the register of the path's lane, through this login session.
#[derive(Debug)]
pub struct AtRegister {
    /// who
    pub auth: StaffAuth,
    /// the lane of the path
    pub lane: String,
    /// their register session there
    pub register: RegisterSession,
}
extractor!(AtRegister, |c| {
    let lane = c.lane()?;
    let lane_q = lane.clone();
    // the caller and their register in one trip to the database
    let (auth, register) = c.staff_with_auth(move |conn, _| Ok(RegisterSession::active_on_lane(conn, &lane_q)?)).await?;
    let session = auth.session_id;
    match register {
        Some(register) if register.staff_session_id == session => Ok(AtRegister { auth, lane, register }),
        _ => Err(AppError::forbidden("REGISTER_REQUIRED", format!("Sign in at the register of {lane} first."))),
    }
});

/// Staff signed in at some register through this login session, or a manager (who may act
/// from the back office). For routes about a customer rather than a lane.
#[derive(Debug)]
pub struct AtDesk {
    /// who
    pub auth: StaffAuth,
    /// the lane of their register, if they are at one
    pub lane: Option<String>,
}
extractor!(AtDesk, |c| {
    let (auth, register) = c.staff_with_auth(|conn, auth| Ok(RegisterSession::active_of_login(conn, auth.session_id)?)).await?;
    match (register, auth.require_manager()) {
        (Some(register), _) => Ok(AtDesk { auth, lane: Some(register.lane_id) }),
        (None, Ok(())) => Ok(AtDesk { auth, lane: None }),
        (None, Err(_)) => Err(AppError::forbidden("REGISTER_REQUIRED", "Sign in at a register first.")),
    }
});

/// The kiosk paired to the path's lane.
#[derive(Debug)]
pub struct KioskOf {
    /// the device
    pub device: Device,
    /// the lane of the path (= the device's lane)
    pub lane: String,
}
extractor!(KioskOf, |c| {
    let lane = c.lane()?;
    let device = c.device().await?;
    lane_scope(&device, &lane)?;
    Ok(KioskOf { device, lane })
});

/// Any paired kiosk (for routes without a lane in the path).
#[derive(Debug)]
pub struct Kiosk(pub Device);
extractor!(Kiosk, |c| Ok(Kiosk(c.device().await?)));

/// Who may look at a lane: any staff member, or that lane's kiosk.
#[derive(Debug)]
pub enum LaneViewer {
    /// staff (register, manager monitor)
    Staff(StaffAuth, String),
    /// the lane's own kiosk
    Kiosk(Device, String),
}
extractor!(LaneViewer, |c| {
    let lane = c.lane()?;
    if c.creds.staff.is_some() {
        return Ok(LaneViewer::Staff(c.staff().await?, lane));
    }
    let device = c.device().await?;
    lane_scope(&device, &lane)?;
    Ok(LaneViewer::Kiosk(device, lane))
});

/// Either screen of the path's lane: the signed-in register or the paired kiosk (commands both
/// the employee and the customer may send).
#[derive(Debug)]
pub enum LaneActor {
    /// the employee at the register
    Register(AtRegister),
    /// the customer at the kiosk
    Kiosk(KioskOf),
}

impl FromRequest for LaneActor {
    type Error = AppError;
    type Future = Fut<Self>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let has_staff = Credentials::from_request(req).staff.is_some();
        let register = AtRegister::from_request(req, payload);
        let kiosk = KioskOf::from_request(req, payload);
        Box::pin(async move { if has_staff { Ok(LaneActor::Register(register.await?)) } else { Ok(LaneActor::Kiosk(kiosk.await?)) } })
    }
}
