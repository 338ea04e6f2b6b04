//! The enumerations of `spec/domain.md`, stored as upper-case TEXT with a CHECK in the database.

use std::fmt;
use std::str::FromStr;

/// A text value that is not one of an enumeration's members.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a valid {kind}")]
pub struct UnknownValue {
    /// the enumeration
    pub kind: &'static str,
    /// what was given
    pub value: String,
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every member, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stored (and wire) spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, UnknownValue> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    _ => Err(UnknownValue { kind: stringify!($name), value: s.to_owned() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// Lifecycle of a lane session.
    LaneSessionStatus {
        /// no customer
        Idle = "IDLE",
        /// started by the employee
        Active = "ACTIVE",
        /// waiting for the customer's input
        AwaitingCustomer = "AWAITING_CUSTOMER",
        /// signed, but the held resource was lost: staff must assign
        AwaitingAssignment = "AWAITING_ASSIGNMENT",
        /// quote issued, payment due
        AwaitingPayment = "AWAITING_PAYMENT",
        /// paid, waiting for the signature
        AwaitingSignature = "AWAITING_SIGNATURE",
        /// done
        Completed = "COMPLETED",
        /// cancelled with a reason
        Cancelled = "CANCELLED",
    }
);

impl LaneSessionStatus {
    /// The statuses in which a session is *live* (at most one per lane).
    pub const LIVE: [Self; 5] =
        [Self::Active, Self::AwaitingCustomer, Self::AwaitingAssignment, Self::AwaitingPayment, Self::AwaitingSignature];

    /// Whether the session still occupies its lane.
    pub fn is_live(self) -> bool {
        Self::LIVE.contains(&self)
    }
}

text_enum!(
    /// What a customer rents.
    RentalType {
        /// a locker
        Locker = "LOCKER",
        /// a locker free for eligible gym members
        GymLocker = "GYM_LOCKER",
        /// a standard room
        Standard = "STANDARD",
        /// a double room
        Double = "DOUBLE",
        /// a special room
        Special = "SPECIAL",
    }
);

text_enum!(
    /// Tier of a room (DELUXE and VIP are deprecated and refused).
    RoomType {
        /// standard
        Standard = "STANDARD",
        /// double
        Double = "DOUBLE",
        /// special
        Special = "SPECIAL",
    }
);

text_enum!(
    /// State of a room or locker.
    InventoryStatus {
        /// ready to rent
        Clean = "CLEAN",
        /// assigned to a customer
        Occupied = "OCCUPIED",
        /// needs cleaning
        Dirty = "DIRTY",
        /// being cleaned
        Cleaning = "CLEANING",
        /// not usable
        OutOfOrder = "OUT_OF_ORDER",
    }
);

text_enum!(
    /// Kind of time block within a visit.
    BlockType {
        /// the first 6 h
        Initial = "INITIAL",
        /// a further 6 h
        Renewal = "RENEWAL",
        /// the final 2 h
        Final2h = "FINAL2H",
    }
);

text_enum!(
    /// Payment intent lifecycle.
    PaymentStatus {
        /// waiting for an explicit mark-paid
        Due = "DUE",
        /// paid, attributed
        Paid = "PAID",
        /// no longer due
        Cancelled = "CANCELLED",
        /// paid and given back
        Refunded = "REFUNDED",
    }
);

text_enum!(
    /// How a payment was taken.
    PaymentMethod {
        /// cash
        Cash = "CASH",
        /// card terminal
        Card = "CARD",
        /// anything else, with a reference
        Other = "OTHER",
    }
);

text_enum!(
    /// Upgrade waitlist entry lifecycle.
    WaitlistStatus {
        /// waiting
        Active = "ACTIVE",
        /// a room is held for the entry
        Offered = "OFFERED",
        /// upgraded
        Completed = "COMPLETED",
        /// cancelled
        Cancelled = "CANCELLED",
        /// the stay ended first
        Expired = "EXPIRED",
    }
);

text_enum!(
    /// Staff role.
    StaffRole {
        /// works the register
        Staff = "STAFF",
        /// may also override, audit and manage
        Manager = "MANAGER",
    }
);

text_enum!(
    /// Language of the kiosk and the agreement.
    Language {
        /// English
        En = "EN",
        /// Spanish
        Es = "ES",
    }
);

text_enum!(
    /// Why an inventory hold exists.
    HoldKind {
        /// held for the customer at a lane while they pay and sign
        LaneSelection = "LANE_SELECTION",
        /// held for a waitlisted upgrade offer
        UpgradeHold = "UPGRADE_HOLD",
    }
);

text_enum!(
    /// Which inventory table a hold points into.
    ResourceType {
        /// `rooms`
        Room = "ROOM",
        /// `lockers`
        Locker = "LOCKER",
    }
);

text_enum!(
    /// Who performed an audited action.
    ActorType {
        /// a staff member (session)
        Staff = "STAFF",
        /// a paired kiosk
        Device = "DEVICE",
        /// the server itself (jobs, seeding, migrations)
        System = "SYSTEM",
    }
);

text_enum!(
    /// How the customer's identity was established for a check-in (signature evidence).
    IdentityMethod {
        /// the ID was scanned and matched
        IdScan = "ID_SCAN",
        /// the employee looked at the ID and confirmed name and date of birth
        StaffChecked = "STAFF_CHECKED",
        /// no ID check (e.g. a membership card only)
        Manual = "MANUAL",
    }
);

text_enum!(
    /// How the customer made their mark (spec/evidence.md §3; issue 15, accessible signing).
    SignatureMethod {
        /// drawn on the signature pad
        Drawn = "DRAWN",
        /// the customer typed their full name and confirmed with its own button
        Typed = "TYPED",
    }
);

impl From<RoomType> for RentalType {
    fn from(t: RoomType) -> Self {
        match t {
            RoomType::Standard => Self::Standard,
            RoomType::Double => Self::Double,
            RoomType::Special => Self::Special,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_round_trips_through_text_and_json() {
        for s in InventoryStatus::ALL {
            assert_eq!(s.as_str().parse::<InventoryStatus>(), Ok(*s));
            assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{}\"", s.as_str()));
        }
        assert_eq!(BlockType::Final2h.as_str(), "FINAL2H");
    }

    #[test]
    fn unknown_values_are_refused_with_the_enum_name() {
        let err = "DELUXE".parse::<RoomType>().unwrap_err();
        assert_eq!(err.to_string(), "\"DELUXE\" is not a valid RoomType");
    }

    #[test]
    fn live_statuses_match_the_spec() {
        assert!(LaneSessionStatus::AwaitingSignature.is_live());
        assert!(!LaneSessionStatus::Completed.is_live());
        assert!(!LaneSessionStatus::Idle.is_live());
    }
}
