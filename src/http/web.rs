//! actix-web's `web` module as the handlers use it, with one change: [`Json`] is
//! [`super::limits::Json`], whose refusals name the field at fault (`web::Json<T>` in a handler
//! signature is ours; everything else is actix's).

pub use super::limits::Json;
pub use actix_web::web::*;
