//! Keyed lookup hashes of identity data (domain.md: raw scans are never stored, only hashes).
//! Both are HMAC-SHA256 under a server-held key, never plain SHA-256: names, birth dates and
//! licence numbers are guessable, so an unkeyed hash could be brute-forced from a database dump.

use chrono::NaiveDate;
use hmac::digest::Key;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::names::key_tokens;

type HmacSha256 = Hmac<Sha256>;

/// The identity hash of a person: hex HMAC-SHA256 of `first|last|YYYY-MM-DD`, where `first`
/// is the first token of the normalised first name and `last` the last token of the
/// normalised last name. `None` when either name normalises to nothing.
pub fn identity_hash(key: &[u8], first: &str, last: &str, dob: NaiveDate) -> Option<String> {
    let (first, last) = key_tokens(first, last)?;
    let message = format!("{first}|{last}|{}", dob.format("%Y-%m-%d"));
    Some(keyed_hex(key, &message))
}

/// The hash of an ID number: hex HMAC-SHA256 of `STATE:NUMBER`, the number upper-cased with
/// whitespace and dashes removed, the state trimmed and upper-cased (empty when unknown).
/// Callers should not store a hash of an empty number.
pub fn id_number_hash(key: &[u8], issuing_state: Option<&str>, id_number: &str) -> String {
    let state = issuing_state.map(|s| s.trim().to_uppercase()).unwrap_or_default();
    let number: String = id_number.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_uppercase).collect();
    keyed_hex(key, &format!("{state}:{number}"))
}

/// Hex HMAC-SHA256 of `message` under `key`.
fn keyed_hex(key: &[u8], message: &str) -> String {
    let mut mac = <HmacSha256 as Mac>::new(&block_key(key));
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The key as one hash block, exactly as HMAC prepares it (RFC 2104: a key longer than the
/// block is hashed first, then zero-padded). This makes construction infallible for any key
/// length and gives the same result as `Hmac::new_from_slice`.
fn block_key(key: &[u8]) -> Key<HmacSha256> {
    let mut block = Key::<HmacSha256>::default();
    let hashed;
    let key = if key.len() > block.len() {
        hashed = Sha256::digest(key);
        hashed.as_slice()
    } else {
        key
    };
    for (slot, byte) in block.iter_mut().zip(key) {
        *slot = *byte;
    }
    block
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"test-key-not-a-real-secret";

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn reference_hmac(key: &[u8], message: &str) -> String {
        let mut mac = HmacSha256::new_from_slice(key).unwrap();
        mac.update(message.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    #[test]
    fn matches_standard_hmac_for_short_block_and_long_keys() {
        for key in [&b""[..], KEY, &[7u8; 64][..], &[9u8; 65][..], &[1u8; 300][..]] {
            assert_eq!(keyed_hex(key, "a|b|2000-01-01"), reference_hmac(key, "a|b|2000-01-01"));
        }
    }

    #[test]
    fn identity_hash_is_hmac_of_normalised_tokens() {
        let hash = identity_hash(KEY, "JANELLE MARIE", "MERIWETHER", date(1990, 3, 14));
        assert_eq!(hash, Some(reference_hmac(KEY, "janelle|meriwether|1990-03-14")));
        assert_eq!(hash.as_deref().map(str::len), Some(64));
    }

    #[test]
    fn the_same_person_from_two_scans_hashes_the_same() {
        let dob = date(1988, 11, 2);
        let a = identity_hash(KEY, "  ROBERTO ", "QUINTANILLA JR", dob);
        let b = identity_hash(KEY, "Roberto  Luis", "quintanilla", dob);
        let c = identity_hash(KEY, "robertó", "Quintanilla, Jr.", dob);
        assert!(a.is_some());
        assert_eq!(a, b);
        assert_eq!(a, c);
    }

    #[test]
    fn a_different_key_dob_or_name_gives_a_different_hash() {
        let dob = date(1988, 11, 2);
        let base = identity_hash(KEY, "Roberto", "Quintanilla", dob);
        assert_ne!(base, identity_hash(b"another-key", "Roberto", "Quintanilla", dob));
        assert_ne!(base, identity_hash(KEY, "Roberto", "Quintanilla", date(1988, 11, 3)));
        assert_ne!(base, identity_hash(KEY, "Roberta", "Quintanilla", dob));
    }

    #[test]
    fn identity_hash_needs_both_names() {
        assert_eq!(identity_hash(KEY, "", "Quintanilla", date(1988, 11, 2)), None);
        assert_eq!(identity_hash(KEY, "Roberto", " - ", date(1988, 11, 2)), None);
    }

    #[test]
    fn id_number_hash_normalises_number_and_state() {
        let a = id_number_hash(KEY, Some("tx"), "1234-5678 9");
        assert_eq!(a, reference_hmac(KEY, "TX:123456789"));
        assert_eq!(a, id_number_hash(KEY, Some(" TX "), "123456789"));
        assert_eq!(id_number_hash(KEY, None, "d12 34"), reference_hmac(KEY, ":D1234"));
        assert_ne!(a, id_number_hash(KEY, Some("CA"), "123456789"));
        assert_ne!(a, id_number_hash(b"other", Some("TX"), "123456789"));
    }

    #[test]
    fn never_a_plain_sha256() {
        let plain = hex::encode(Sha256::digest(b"TX:123456789"));
        assert_ne!(id_number_hash(KEY, Some("TX"), "123456789"), plain);
        assert_ne!(id_number_hash(b"", Some("TX"), "123456789"), plain);
    }
}
