//! QR codes as SVG text, drawn here so a printed slip needs no script or image service: one
//! `<svg>` element (no XML prolog, so it can be placed straight into a page), one unit per
//! module with the 4-module quiet zone, scaled by whoever shows it.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The QR code of `text` (error correction M: a slip survives a crease) as an `<svg>`
/// element; the text is carried byte for byte.
pub fn svg(text: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let image = code.render::<svg::Color<'_>>().module_dimensions(1, 1).quiet_zone(true).build();
    // the renderer opens with `<?xml ...?>`, which an HTML page would show as a comment
    Ok(image.find("<svg").map_or(image.clone(), |start| image[start..].to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_becomes_one_svg_element() {
        let hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let image = svg(hash).unwrap();
        assert!(image.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{image}");
        assert!(image.ends_with("</svg>"));
        // 64 bytes at level M: version 5, 37 modules + 2 × 4 quiet = 45 units square
        assert!(image.contains("viewBox=\"0 0 45 45\""), "{image}");
        assert_eq!(image, svg(hash).unwrap(), "the same text draws the same code");
        assert_ne!(image, svg(&hash.replace('e', "f")).unwrap());
    }

    #[test]
    fn text_too_long_for_any_version_is_an_error() {
        assert!(svg(&"x".repeat(4000)).is_err());
    }
}
