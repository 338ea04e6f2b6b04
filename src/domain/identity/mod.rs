//! Customer identity from ID scans (flows.md §1 step 1, reference §3.4): AAMVA scan parsing,
//! name normalisation, keyed lookup hashes, fuzzy name matching, ID validity (age, expiry) and
//! membership-card barcodes. Pure: no I/O, no clock. Raw scan text is never stored or logged;
//! only the keyed hashes and the parsed fields leave this module.

pub mod aamva;
pub mod correction;
pub mod hashing;
pub mod matching;
pub mod membership_scan;
pub mod names;
pub mod validity;

pub use aamva::{IdScan, looks_like_aamva, normalize_scan, parse};
pub use hashing::{id_number_hash, identity_hash};
pub use matching::{Candidate, best_fuzzy_match, exact_name_match, fuzzy_name_match};
pub use membership_scan::membership_number;
pub use names::{first_and_last_tokens, key_tokens, normalize_name};
pub use validity::{IdRefusal, check};
