//! Putting data into a database: the demo club, and the first-run tools a real club uses
//! (first manager, lanes, inventory from CSV, agreement text).

pub mod demo;
pub mod inventory_csv;
pub mod setup;
pub mod year;
