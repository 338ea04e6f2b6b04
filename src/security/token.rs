//! Bearer secrets: 256-bit random tokens shown once and stored only as SHA-256 hashes.
//! A prefix names the kind (`fds_` staff session, `fdd_` device) so a presented token is
//! looked up in the right table and a device token can never pass as a staff session.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// Which kind of principal a token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// a staff session (cookie `fd_session` or Bearer)
    StaffSession,
    /// a paired kiosk (cookie `fd_device` or Bearer)
    Device,
}

impl TokenKind {
    fn prefix(self) -> &'static str {
        match self {
            Self::StaffSession => "fds_",
            Self::Device => "fdd_",
        }
    }

    /// The kind a presented token claims, if it has a known prefix.
    pub fn of(token: &str) -> Option<Self> {
        [Self::StaffSession, Self::Device].into_iter().find(|k| token.starts_with(k.prefix()))
    }
}

/// A new random token of `kind`.
pub fn generate(kind: TokenKind) -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("{}{}", kind.prefix(), URL_SAFE_NO_PAD.encode(bytes))
}

/// The stored form of a secret: lower-case hex SHA-256.
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_prefixed_and_hashed() {
        let a = generate(TokenKind::StaffSession);
        let b = generate(TokenKind::StaffSession);
        assert_ne!(a, b);
        assert_eq!(a.len(), 4 + 43);
        assert_eq!(TokenKind::of(&a), Some(TokenKind::StaffSession));
        assert_eq!(TokenKind::of(&generate(TokenKind::Device)), Some(TokenKind::Device));
        assert_eq!(TokenKind::of("bearer-junk"), None);
        assert_eq!(digest(&a).len(), 64);
        assert_ne!(digest(&a), digest(&b));
    }
}
