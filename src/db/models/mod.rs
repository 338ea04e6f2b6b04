//! One file per entity: the row struct, its `New*` insert struct and its queries.

pub mod agreement;
pub mod audit_event;
pub mod device;
pub mod inventory;
pub mod lane;
pub mod register_session;
pub mod staff;
pub mod staff_session;
