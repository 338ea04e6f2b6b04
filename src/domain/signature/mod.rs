//! Signature checks (spec/evidence.md, "Validation of a submitted signature"). The customer's
//! mark arrives from the kiosk as a PNG (`canvas.toDataURL('image/png')`), as the signature
//! pad's strokes, or both; [`accept`] validates what came and yields the [`Mark`] to store.
//! A typed signature's name is checked against the customer's name on file ([`typed_name_matches`]).
//! Pure: no I/O. Every refusal has a stable code ([`SignatureError::code`]) for a 400 answer.

mod image_check;
mod render;
mod strokes;
#[cfg(test)]
mod tests;
mod typed;

pub use image_check::{PngCheck, check_png, decode_base64_png};
pub use render::render_png;
pub use strokes::{Point, Stroke, Strokes, check_strokes};
pub use typed::{MAX_TYPED_NAME, MIN_TYPED_NAME, name_key, typed_name_matches};

use sha2::{Digest, Sha256};

/// Largest accepted PNG, in bytes (spec/api.md: signature submissions ≤ 1 MiB).
pub const MAX_PNG_BYTES: usize = 1024 * 1024;
/// Widest accepted PNG, in pixels.
pub const MAX_WIDTH: u32 = 2400;
/// Tallest accepted PNG, in pixels.
pub const MAX_HEIGHT: u32 = 1200;
/// Narrowest accepted PNG, in pixels.
pub const MIN_WIDTH: u32 = 100;
/// Shortest accepted PNG, in pixels.
pub const MIN_HEIGHT: u32 = 50;
/// Fewest ink pixels a PNG must carry. A 2.5 px pen drawing the shortest stroke mark we accept
/// (20 canvas units, see [`MIN_INK_LENGTH`]) leaves about 50 pixels, while a real signature on
/// the 600×200 pad leaves thousands; below 50 is an empty pad, a stray tap or edge noise.
pub const MIN_INK_PIXELS: u32 = 50;
/// Most points accepted over all strokes.
pub const MAX_POINTS: usize = 20_000;
/// Most strokes accepted.
pub const MAX_STROKES: usize = 500;
/// Longest total stroke path accepted, in canvas diagonals. Rendering costs time in proportion
/// to path length; a real signature is a few canvas widths long, while 20 000 points could
/// otherwise cross a 4000×2000 canvas 20 000 times (tens of seconds of drawing).
pub const MAX_PATH_DIAGONALS: f64 = 100.0;
/// Strokes carry ink with at least this many points in total...
pub const MIN_INK_POINTS: usize = 10;
/// ...or with at least this total path length, in canvas units.
pub const MIN_INK_LENGTH: f64 = 20.0;

/// Why a submitted signature is refused; nothing is stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// Neither an image nor strokes were sent.
    #[error("No signature was sent.")]
    Missing,
    /// The PNG is over [`MAX_PNG_BYTES`], or the strokes exceed [`MAX_POINTS`]/[`MAX_STROKES`].
    #[error("The signature is too large: {0}.")]
    TooLarge(String),
    /// The image is not base64, not a PNG data URL, or not a decodable PNG.
    #[error("The signature image could not be read: {0}.")]
    InvalidImage(String),
    /// The PNG is outside [`MIN_WIDTH`]×[`MIN_HEIGHT`] ..= [`MAX_WIDTH`]×[`MAX_HEIGHT`].
    #[error(
        "The signature image is {width}×{height} px; it must be between \
         {MIN_WIDTH}×{MIN_HEIGHT} and {MAX_WIDTH}×{MAX_HEIGHT} px."
    )]
    Dimensions {
        /// width of the refused image
        width: u32,
        /// height of the refused image
        height: u32,
    },
    /// Too little ink: an empty pad or a stray tap.
    #[error("The signature is blank; please sign in the box.")]
    Blank,
    /// The strokes are malformed; the text says where.
    #[error("The signature strokes are malformed: {0}.")]
    StrokesInvalid(String),
}

impl SignatureError {
    /// The stable code sent to clients.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Missing => "SIGNATURE_MISSING",
            Self::TooLarge(_) => "SIGNATURE_TOO_LARGE",
            Self::InvalidImage(_) => "SIGNATURE_INVALID_IMAGE",
            Self::Dimensions { .. } => "SIGNATURE_DIMENSIONS",
            Self::Blank => "SIGNATURE_BLANK",
            Self::StrokesInvalid(_) => "SIGNATURE_STROKES_INVALID",
        }
    }
}

/// The accepted mark, ready to store as evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// the PNG: the submitted bytes unchanged, or the server's rendering of the strokes
    pub png: Vec<u8>,
    /// lowercase hex SHA-256 of `png`
    pub png_sha256: String,
    /// canonical serde_json serialisation of the strokes, if strokes were sent
    pub strokes_json: Option<String>,
}

/// Validates a submission and yields its mark: strokes are checked when present; a PNG, when
/// present, is checked and becomes the mark; strokes alone are rendered. A blank (empty or
/// whitespace-only) `png_base64` counts as absent.
pub fn accept(png_base64: Option<&str>, strokes: Option<&Strokes>) -> Result<Mark, SignatureError> {
    if let Some(s) = strokes {
        check_strokes(s)?;
    }
    let png = match (png_base64.filter(|d| !d.trim().is_empty()), strokes) {
        (Some(data), _) => {
            let bytes = decode_base64_png(data)?;
            check_png(&bytes)?;
            bytes
        }
        (None, Some(s)) => render::draw_png(s)?,
        (None, None) => return Err(SignatureError::Missing),
    };
    let strokes_json = strokes.map(strokes::canonical_json).transpose()?;
    Ok(Mark { png_sha256: sha256_hex(&png), png, strokes_json })
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}
