//! Who may act at the desk: staff sessions, step-up, kiosk devices, register sign-in, and the
//! extractors that put a checked principal into each handler's signature.

pub mod agreement_admin;
pub mod credentials;
pub mod devices;
pub mod extract;
pub mod login;
pub mod principal;
pub mod registers;
pub mod staff_admin;
