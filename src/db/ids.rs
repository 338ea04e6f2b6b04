//! Newtype ids, one per entity, so that a `RoomId` can never be passed where a `LockerId` is
//! expected. Each is a UUID v7 (time-ordered) stored through [`super::sql_types::Uuid`].

use diesel::deserialize::{self, FromSql};
use diesel::serialize::{self, IsNull, Output, ToSql};

use super::MultiBackend;
use super::sql_types::Uuid as SqlUuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = SqlUuid)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            /// A fresh time-ordered id.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }

        impl ToSql<SqlUuid, MultiBackend> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                out.set_value((SqlUuid, &self.0));
                Ok(IsNull::No)
            }
        }

        impl FromSql<SqlUuid, MultiBackend> for $name {
            fn from_sql(bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                bytes.from_sql::<uuid::Uuid, SqlUuid>().map(Self)
            }
        }
    )*};
}

id_type!(
    /// `customers.id`
    CustomerId,
    /// `staff.id`
    StaffId,
    /// `staff_sessions.id`
    StaffSessionId,
    /// `devices.id`
    DeviceId,
    /// `device_pairing_codes.id`
    PairingCodeId,
    /// `register_sessions.id`
    RegisterSessionId,
    /// `rooms.id`
    RoomId,
    /// `lockers.id`
    LockerId,
    /// `visits.id`
    VisitId,
    /// `checkin_blocks.id`
    BlockId,
    /// `waitlist.id`
    WaitlistId,
    /// `inventory_holds.id`
    HoldId,
    /// `lane_sessions.id`
    LaneSessionId,
    /// `payment_intents.id`
    PaymentIntentId,
    /// `charges.id`
    ChargeId,
    /// `agreements.id`
    AgreementId,
    /// `agreement_signatures.id`
    SignatureId,
    /// `checkouts.id`
    CheckoutId,
    /// `inventory_transitions.id`
    TransitionId,
    /// `inventory_holds.resource_id`: a room's or a locker's id, per `resource_type`
    ResourceId,
);

impl From<RoomId> for ResourceId {
    fn from(id: RoomId) -> Self {
        Self(id.0)
    }
}

impl From<LockerId> for ResourceId {
    fn from(id: LockerId) -> Self {
        Self(id.0)
    }
}
