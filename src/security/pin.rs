//! Staff PINs: exactly six digits, stored only as Argon2id hashes.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand_core::OsRng;

/// Why a PIN cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    /// not six ASCII digits
    #[error("A PIN is exactly 6 digits.")]
    Format,
    /// the hasher failed (should not happen)
    #[error("The PIN could not be hashed.")]
    Hash,
}

/// Checks the PIN's form: exactly six ASCII digits.
pub fn validate(pin: &str) -> Result<(), PinError> {
    if pin.len() == 6 && pin.bytes().all(|b| b.is_ascii_digit()) { Ok(()) } else { Err(PinError::Format) }
}

/// Hashes a valid PIN with Argon2id and a random salt (PHC string).
pub fn hash(pin: &str) -> Result<String, PinError> {
    validate(pin)?;
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(pin.as_bytes(), &salt).map(|h| h.to_string()).map_err(|_| PinError::Hash)
}

/// Whether `pin` matches the stored hash. A malformed hash never matches.
pub fn verify(pin: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| Argon2::default().verify_password(pin.as_bytes(), &parsed).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_verifies_against_its_own_hash_only() {
        let stored = hash("123456").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(!stored.contains("123456"));
        assert!(verify("123456", &stored));
        assert!(!verify("123457", &stored));
        assert!(!verify("123456", "not-a-hash"));
    }

    #[test]
    fn only_six_digits_are_pins() {
        for bad in ["12345", "1234567", "12345a", "", "１２３４５６"] {
            assert_eq!(validate(bad), Err(PinError::Format), "{bad}");
        }
    }
}
