//! Lane sessions shared by a register and a kiosk: role-filtered views, the hub that pushes
//! them to sockets, the lifecycle commands, cross-process notifications and the idle timeout.
//! The database is the truth; the hub only delivers.

pub mod commands;
pub mod hub;
pub mod idle;
pub mod notify;
pub mod outbox;
pub mod views;
