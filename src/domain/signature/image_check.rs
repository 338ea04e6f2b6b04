//! The PNG side: decoding the kiosk's base64 / data URL and checking size, dimensions and ink.

use std::io::Cursor;

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use image::codecs::png::PngDecoder;
use image::{DynamicImage, ImageDecoder, Limits, Rgba, RgbaImage};

use super::SignatureError;
use super::{MAX_HEIGHT, MAX_PNG_BYTES, MAX_WIDTH, MIN_HEIGHT, MIN_INK_PIXELS, MIN_WIDTH};

/// What `canvas.toDataURL('image/png')` puts before the base64 payload.
const DATA_URL_PREFIX: &str = "data:image/png;base64,";

/// Longer input is refused unread: twice the base64 length of [`MAX_PNG_BYTES`] leaves ample
/// room for a data URL prefix and line breaks.
const MAX_BASE64_CHARS: usize = 2 * (MAX_PNG_BYTES / 3 + 1) * 4;

/// Memory the PNG decoder may use (a 2400×1200 16-bit RGBA image needs 23 MB).
const MAX_DECODE_ALLOC: u64 = 64 * 1024 * 1024;

/// Standard alphabet; padding optional, since some clients strip it.
const BASE64: GeneralPurpose =
    GeneralPurpose::new(&alphabet::STANDARD, GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent));

/// Ink needs alpha at least this (out of 255)...
const INK_MIN_ALPHA: u8 = 32;
/// ...and a channel further than this from white (255).
const INK_MIN_DARKNESS: u8 = 48;

/// What a valid PNG signature holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PngCheck {
    /// width in pixels
    pub width: u32,
    /// height in pixels
    pub height: u32,
    /// pixels that count as ink (visible and not near-white)
    pub ink_pixels: u32,
}

/// Decodes plain base64 or a `data:image/png;base64,` data URL (ASCII whitespace ignored) into
/// PNG bytes. The byte limit is enforced from the text length before decoding.
pub fn decode_base64_png(data: &str) -> Result<Vec<u8>, SignatureError> {
    if data.len() > MAX_BASE64_CHARS {
        return Err(too_large_png());
    }
    let payload: String = strip_data_url(data.trim())?.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if payload.is_empty() {
        return Err(SignatureError::Missing);
    }
    if payload.trim_end_matches('=').len() * 3 / 4 > MAX_PNG_BYTES {
        return Err(too_large_png());
    }
    BASE64.decode(payload).map_err(|_| SignatureError::InvalidImage("it is not valid base64".into()))
}

/// The base64 payload: `data` itself, or what follows a PNG data URL prefix.
fn strip_data_url(data: &str) -> Result<&str, SignatureError> {
    if let Some(payload) = strip_prefix_ignore_case(data, DATA_URL_PREFIX) {
        Ok(payload)
    } else if strip_prefix_ignore_case(data, "data:").is_some() {
        Err(SignatureError::InvalidImage("only base64 PNG data URLs are accepted".into()))
    } else {
        Ok(data)
    }
}

fn strip_prefix_ignore_case<'a>(data: &'a str, prefix: &str) -> Option<&'a str> {
    let head = data.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| data.get(prefix.len()..)).flatten()
}

/// Checks PNG bytes: at most [`MAX_PNG_BYTES`], a decodable PNG, dimensions within limits
/// (read from the header, before decoding pixels) and at least [`MIN_INK_PIXELS`] of ink.
pub fn check_png(bytes: &[u8]) -> Result<PngCheck, SignatureError> {
    if bytes.len() > MAX_PNG_BYTES {
        return Err(too_large_png());
    }
    let decoder = PngDecoder::with_limits(Cursor::new(bytes), decode_limits()).map_err(|_| not_png())?;
    let (width, height) = decoder.dimensions();
    check_dimensions(width, height)?;
    let image = DynamicImage::from_decoder(decoder).map_err(|_| not_png())?.into_rgba8();
    let ink_pixels = count_ink(&image);
    if ink_pixels < MIN_INK_PIXELS {
        return Err(SignatureError::Blank);
    }
    Ok(PngCheck { width, height, ink_pixels })
}

fn decode_limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    limits
}

/// Refuses images outside `MIN_WIDTH×MIN_HEIGHT ..= MAX_WIDTH×MAX_HEIGHT`.
fn check_dimensions(width: u32, height: u32) -> Result<(), SignatureError> {
    let fits = (MIN_WIDTH..=MAX_WIDTH).contains(&width) && (MIN_HEIGHT..=MAX_HEIGHT).contains(&height);
    if fits { Ok(()) } else { Err(SignatureError::Dimensions { width, height }) }
}

fn count_ink(image: &RgbaImage) -> u32 {
    // At most 2400 × 1200 pixels after check_dimensions, so the count fits.
    image.pixels().fold(0, |n, p| n + u32::from(is_ink(p)))
}

/// Visible and not near-white: transparent and white backgrounds are both "no ink".
fn is_ink(pixel: &Rgba<u8>) -> bool {
    let [r, g, b, a] = pixel.0;
    a >= INK_MIN_ALPHA && 255 - r.min(g).min(b) > INK_MIN_DARKNESS
}

fn too_large_png() -> SignatureError {
    SignatureError::TooLarge(format!("the image is over {} KiB", MAX_PNG_BYTES / 1024))
}

fn not_png() -> SignatureError {
    SignatureError::InvalidImage("it is not a valid PNG image".into())
}
