//! The screens: the built bundle (served by the binary, no secret in it), the front-end's own
//! unit tests and type check, and a full check-in driven in a real headless Chromium.
//!
//! The Node/Chromium parts need `kiosk-ui/node_modules` (`npm ci`) and `/usr/bin/chromium`
//! (`.ci/run` installs both). Without them these tests are skipped with a notice, except under
//! `CI=true`, where that is a failure.

#[path = "../support/mod.rs"]
mod support;

#[path = "../realtime/server.rs"]
#[allow(dead_code)]
mod server;

mod agreements;
mod browser;
mod bundle;
mod customers;
mod evidence;
mod keyboard;
mod kiosk;
mod manager;
mod node;
mod renewals;
mod reports;
mod slip;
mod stays;
mod typed;
mod unit;
mod waitlist;
