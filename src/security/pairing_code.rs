//! One-time kiosk pairing codes: 8 characters from an alphabet without look-alikes
//! (no 0/O, 1/I/L), typed on a tablet by a manager standing next to it.

use rand_core::{OsRng, RngCore};

const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Length of a pairing code.
pub const LEN: usize = 8;

/// A new random code.
pub fn generate() -> String {
    (0..LEN)
        .map(|_| {
            // Rejection sampling keeps every character equally likely.
            loop {
                let b = (OsRng.next_u32() & 0xff) as usize;
                if b < 256 - 256 % ALPHABET.len() {
                    break ALPHABET[b % ALPHABET.len()] as char;
                }
            }
        })
        .collect()
}

/// What a person typed, normalised: upper case, spaces and dashes removed. `None` if it
/// cannot be a code.
pub fn normalize(typed: &str) -> Option<String> {
    let code: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).map(|c| c.to_ascii_uppercase()).collect();
    (code.len() == LEN && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_alphabet_and_normalize() {
        let code = generate();
        assert_eq!(code.len(), LEN);
        assert_eq!(normalize(&code), Some(code.clone()));
        let typed = format!("{}-{} ", code[..4].to_lowercase(), &code[4..]);
        assert_eq!(normalize(&typed), Some(code));
        assert_eq!(normalize("ABCD0123"), None, "0 and 1 are not in the alphabet");
        assert_eq!(normalize("ABC"), None);
    }
}
