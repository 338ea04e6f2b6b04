//! One file per entity: the row struct, its `New*` insert struct and its queries.

pub mod agreement;
pub mod audit_event;
pub mod inventory;
pub mod lane;
pub mod staff;
