//! Tests for the signature checks; PNG fixtures are drawn in code, strokes are JSON literals.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder, Rgba, RgbaImage};

use super::*;

/// A signature recorded on a 600×200 pad: 60 points over 3 strokes.
const RECORDED: &str = r#"{"width":600,"height":200,"strokes":[
{"points":[
{"x":80,"y":120,"t":120},{"x":90.2,"y":107.9,"t":136},{"x":99.7,"y":95.6,"t":152},{"x":107.7,"y":84.1,"t":168},{"x":113.8,"y":74.1,"t":184},
{"x":117.5,"y":66.5,"t":200},{"x":118.8,"y":61.9,"t":216},{"x":117.7,"y":60.7,"t":232},{"x":114.7,"y":62.9,"t":248},{"x":110.2,"y":68.7,"t":264},
{"x":105,"y":77.5,"t":280},{"x":99.8,"y":88.8,"t":296},{"x":95.3,"y":101.9,"t":312},{"x":92.3,"y":115.8,"t":328},{"x":91.2,"y":129.4,"t":344},
{"x":92.5,"y":141.8,"t":360},{"x":96.2,"y":152.1,"t":376},{"x":102.3,"y":159.3,"t":392},{"x":110.3,"y":163.1,"t":408},{"x":119.8,"y":163,"t":424},
{"x":130,"y":159,"t":440},{"x":140.2,"y":151.3,"t":456},{"x":149.7,"y":140.6,"t":472},{"x":157.7,"y":127.5,"t":488},{"x":163.8,"y":113.1,"t":504}]},
{"points":[
{"x":170,"y":120,"t":700},{"x":179.5,"y":133.7,"t":714},{"x":188.9,"y":144.4,"t":728},{"x":198.4,"y":149.7,"t":742},{"x":207.9,"y":148.4,"t":756},
{"x":217.4,"y":141,"t":770},{"x":226.8,"y":128.9,"t":784},{"x":236.3,"y":114.8,"t":798},{"x":245.8,"y":101.9,"t":812},{"x":255.3,"y":93,"t":826},
{"x":264.7,"y":90,"t":840},{"x":274.2,"y":93.6,"t":854},{"x":283.7,"y":103.1,"t":868},{"x":293.2,"y":116.3,"t":882},{"x":302.6,"y":130.2,"t":896},
{"x":312.1,"y":142,"t":910},{"x":321.6,"y":148.9,"t":924},{"x":331.1,"y":149.4,"t":938},{"x":340.5,"y":143.5,"t":952},{"x":350,"y":132.4,"t":966}]},
{"points":[
{"x":380,"y":140,"t":1200},{"x":390.7,"y":143.2,"t":1215},{"x":401.4,"y":145.5,"t":1230},{"x":412.1,"y":146.2,"t":1245},{"x":422.9,"y":144.7,"t":1260},
{"x":433.6,"y":141.2,"t":1275},{"x":444.3,"y":135.8,"t":1290},{"x":455,"y":129.2,"t":1305},{"x":465.7,"y":122.3,"t":1320},{"x":476.4,"y":116.1,"t":1335},
{"x":487.1,"y":111.2,"t":1350},{"x":497.9,"y":108.4,"t":1365},{"x":508.6,"y":107.7,"t":1380},{"x":519.3,"y":108.9,"t":1395},{"x":530,"y":111.6,"t":1410}]}]}"#;

fn recorded() -> Strokes {
    serde_json::from_str(RECORDED).unwrap()
}

fn strokes(json: &str) -> Strokes {
    serde_json::from_str(json).unwrap()
}

fn png_of(image: &RgbaImage) -> Vec<u8> {
    let mut out = Vec::new();
    PngEncoder::new(&mut out).write_image(image.as_raw(), image.width(), image.height(), ExtendedColorType::Rgba8).unwrap();
    out
}

fn transparent(width: u32, height: u32) -> RgbaImage {
    RgbaImage::new(width, height)
}

fn white(width: u32, height: u32) -> RgbaImage {
    RgbaImage::from_pixel(width, height, Rgba([255, 255, 255, 255]))
}

/// A white 600×200 image with a 3 px dark-blue wavy polyline across it.
fn drawn_signature() -> RgbaImage {
    let mut image = white(600, 200);
    for x in 60..540u32 {
        let y = 100.0 + 40.0 * (f64::from(x) / 25.0).sin();
        for dy in -1..=1 {
            image.put_pixel(x, (y as i32 + dy) as u32, Rgba([20, 30, 90, 255]));
        }
    }
    image
}

fn code<T: std::fmt::Debug>(result: Result<T, SignatureError>) -> &'static str {
    result.unwrap_err().code()
}

// --- check_png -------------------------------------------------------------------------------

#[test]
fn a_drawn_signature_passes_and_its_ink_is_counted() {
    let check = check_png(&png_of(&drawn_signature())).unwrap();
    assert_eq!((check.width, check.height), (600, 200));
    assert!(check.ink_pixels >= 3 * 480, "{check:?}");
}

#[test]
fn transparent_and_white_backgrounds_are_blank() {
    assert_eq!(code(check_png(&png_of(&transparent(600, 200)))), "SIGNATURE_BLANK");
    assert_eq!(code(check_png(&png_of(&white(600, 200)))), "SIGNATURE_BLANK");
}

#[test]
fn faint_or_near_white_pixels_are_not_ink() {
    let faint = RgbaImage::from_pixel(600, 200, Rgba([0, 0, 0, 31]));
    let pale = RgbaImage::from_pixel(600, 200, Rgba([210, 210, 210, 255]));
    assert_eq!(code(check_png(&png_of(&faint))), "SIGNATURE_BLANK");
    assert_eq!(code(check_png(&png_of(&pale))), "SIGNATURE_BLANK");
}

#[test]
fn ink_needs_at_least_min_ink_pixels() {
    let mut image = transparent(600, 200);
    (0..MIN_INK_PIXELS - 1).for_each(|x| image.put_pixel(x, 10, Rgba([0, 0, 0, 255])));
    assert_eq!(code(check_png(&png_of(&image))), "SIGNATURE_BLANK");
    image.put_pixel(300, 10, Rgba([0, 0, 0, 255]));
    assert_eq!(check_png(&png_of(&image)).unwrap().ink_pixels, MIN_INK_PIXELS);
}

#[test]
fn dimensions_outside_the_limits_are_refused() {
    let black = |w, h| png_of(&RgbaImage::from_pixel(w, h, Rgba([0, 0, 0, 255])));
    assert_eq!(check_png(&black(1, 1)), Err(SignatureError::Dimensions { width: 1, height: 1 }));
    assert_eq!(code(check_png(&black(5000, 100))), "SIGNATURE_DIMENSIONS");
    assert_eq!(code(check_png(&black(2401, 600))), "SIGNATURE_DIMENSIONS");
    assert_eq!(code(check_png(&black(600, 1201))), "SIGNATURE_DIMENSIONS");
    assert_eq!(code(check_png(&black(99, 200))), "SIGNATURE_DIMENSIONS");
    assert!(check_png(&black(100, 50)).is_ok());
    assert!(check_png(&black(2400, 1200)).is_ok());
}

#[test]
fn garbage_truncated_and_foreign_bytes_are_invalid_images() {
    let png = png_of(&drawn_signature());
    let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00];
    let cases: [&[u8]; 5] = [b"", b"not a png at all", &jpeg, &png[..png.len() / 2], &png[..20]];
    for bytes in cases {
        assert_eq!(code(check_png(bytes)), "SIGNATURE_INVALID_IMAGE", "{} bytes", bytes.len());
    }
}

#[test]
fn more_than_a_mebibyte_is_too_large() {
    assert_eq!(code(check_png(&vec![0u8; MAX_PNG_BYTES + 1])), "SIGNATURE_TOO_LARGE");
}

// --- decode_base64_png -----------------------------------------------------------------------

#[test]
fn plain_base64_and_data_urls_decode() {
    let png = png_of(&drawn_signature());
    let text = STANDARD.encode(&png);
    assert_eq!(decode_base64_png(&text).unwrap(), png);
    assert_eq!(decode_base64_png(&format!("data:image/png;base64,{text}")).unwrap(), png);
    assert_eq!(decode_base64_png(&format!("DATA:image/PNG;base64,{text}")).unwrap(), png);
    assert_eq!(decode_base64_png(text.trim_end_matches('=')).unwrap(), png);
}

#[test]
fn whitespace_in_base64_is_ignored() {
    let png = png_of(&drawn_signature());
    let text = STANDARD.encode(&png);
    let wrapped: Vec<String> = text.as_bytes().chunks(76).map(|c| String::from_utf8_lossy(c).into()).collect();
    assert_eq!(decode_base64_png(&format!("  {}\r\n", wrapped.join("\r\n"))).unwrap(), png);
}

#[test]
fn bad_base64_and_foreign_data_urls_are_invalid_images() {
    for text in ["not base64!", "data:image/jpeg;base64,/9j/4AAQ", "data:image/png,abcd", "ü€🙂", "QUJD\u{0}"] {
        assert_eq!(code(decode_base64_png(text)), "SIGNATURE_INVALID_IMAGE", "{text:?}");
    }
}

#[test]
fn empty_base64_is_missing() {
    for text in ["", "   ", "data:image/png;base64,", "data:image/png;base64, \n"] {
        assert_eq!(code(decode_base64_png(text)), "SIGNATURE_MISSING", "{text:?}");
    }
}

#[test]
fn oversize_base64_is_refused_before_decoding() {
    let exact = STANDARD.encode(vec![0u8; MAX_PNG_BYTES]);
    assert_eq!(decode_base64_png(&exact).unwrap().len(), MAX_PNG_BYTES);
    let over = STANDARD.encode(vec![0u8; MAX_PNG_BYTES + 1]);
    assert_eq!(code(decode_base64_png(&over)), "SIGNATURE_TOO_LARGE");
    let huge = "A".repeat(50 * MAX_PNG_BYTES);
    assert_eq!(code(decode_base64_png(&huge)), "SIGNATURE_TOO_LARGE");
}

// --- check_strokes ---------------------------------------------------------------------------

#[test]
fn a_recorded_signature_passes() {
    let s = recorded();
    assert_eq!((s.strokes.len(), s.strokes.iter().map(|k| k.points.len()).sum::<usize>()), (3, 60));
    assert_eq!(check_strokes(&s), Ok(()));
}

#[test]
fn unknown_fields_are_refused_when_parsing() {
    let extra = r#"{"width":600,"height":200,"strokes":[],"pressure":1}"#;
    let extra_in_point = r#"{"width":600,"height":200,"strokes":[{"points":[{"x":1,"y":1,"t":0,"p":1}]}]}"#;
    assert!(serde_json::from_str::<Strokes>(extra).is_err());
    assert!(serde_json::from_str::<Strokes>(extra_in_point).is_err());
}

#[test]
fn non_finite_or_off_canvas_points_are_invalid() {
    let bad = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.5, 600.5];
    for value in bad {
        let mut s = recorded();
        s.strokes[1].points[4].x = value;
        let err = check_strokes(&s).unwrap_err();
        assert_eq!(err.code(), "SIGNATURE_STROKES_INVALID");
        assert!(err.to_string().contains("stroke 2, point 5 lies outside the canvas"), "{err}");
    }
    let mut s = recorded();
    s.strokes[0].points[0].y = 200.1;
    assert_eq!(code(check_strokes(&s)), "SIGNATURE_STROKES_INVALID");
}

#[test]
fn edge_coordinates_are_on_the_canvas() {
    let s = strokes(r#"{"width":600,"height":200,"strokes":[{"points":[{"x":0,"y":0,"t":0},{"x":600,"y":200,"t":9}]}]}"#);
    assert_eq!(check_strokes(&s), Ok(()));
}

#[test]
fn bad_times_are_invalid() {
    let mut cases = Vec::new();
    for t in [f64::NAN, f64::INFINITY, -1.0] {
        let mut s = recorded();
        s.strokes[0].points[3].t = t;
        cases.push(s);
    }
    let mut backwards = recorded();
    backwards.strokes[0].points[3].t = 100.0;
    let mut overlapping = recorded();
    overlapping.strokes[2].points[0].t = 960.0;
    cases.extend([backwards, overlapping]);
    for s in cases {
        assert_eq!(code(check_strokes(&s)), "SIGNATURE_STROKES_INVALID");
    }
}

#[test]
fn equal_times_are_allowed() {
    let mut s = recorded();
    s.strokes[1].points[0].t = 504.0;
    s.strokes[1].points[1].t = 504.0;
    s.strokes[1].points[2].t = 714.0;
    assert_eq!(check_strokes(&s), Ok(()));
}

#[test]
fn bad_canvases_are_invalid() {
    for (width, height) in [(99.0, 200.0), (4001.0, 200.0), (600.0, 49.0), (600.0, 2001.0), (f64::NAN, 200.0), (600.0, f64::INFINITY)] {
        let s = Strokes { width, height, ..recorded() };
        assert_eq!(code(check_strokes(&s)), "SIGNATURE_STROKES_INVALID", "{width}×{height}");
    }
}

#[test]
fn an_empty_stroke_is_invalid_and_no_strokes_is_blank() {
    let mut s = recorded();
    s.strokes[1].points.clear();
    assert!(check_strokes(&s).unwrap_err().to_string().contains("stroke 2 has no points"));
    assert_eq!(check_strokes(&Strokes { strokes: vec![], ..recorded() }), Err(SignatureError::Blank));
}

#[test]
fn too_many_points_or_strokes_are_too_large() {
    let point = Point { x: 10.0, y: 10.0, t: 1.0 };
    let many_points = Strokes { strokes: vec![Stroke { points: vec![point.clone(); MAX_POINTS + 1] }], ..recorded() };
    assert_eq!(code(check_strokes(&many_points)), "SIGNATURE_TOO_LARGE");
    let one = Stroke { points: vec![point] };
    let many_strokes = Strokes { strokes: vec![one; MAX_STROKES + 1], ..recorded() };
    assert_eq!(code(check_strokes(&many_strokes)), "SIGNATURE_TOO_LARGE");
}

#[test]
fn a_tap_or_a_tiny_squiggle_is_blank_but_a_short_line_is_not() {
    let tap = strokes(r#"{"width":600,"height":200,"strokes":[{"points":[{"x":50,"y":50,"t":0}]}]}"#);
    let squiggle = strokes(
        r#"{"width":600,"height":200,"strokes":[{"points":[
        {"x":50,"y":50,"t":0},{"x":53,"y":51,"t":5},{"x":55,"y":50,"t":9}]}]}"#,
    );
    let line = strokes(r#"{"width":600,"height":200,"strokes":[{"points":[{"x":50,"y":50,"t":0},{"x":70,"y":50,"t":40}]}]}"#);
    assert_eq!(check_strokes(&tap), Err(SignatureError::Blank));
    assert_eq!(check_strokes(&squiggle), Err(SignatureError::Blank));
    assert_eq!(check_strokes(&line), Ok(()));
}

// --- render_png ------------------------------------------------------------------------------

#[test]
fn rendering_is_deterministic() {
    let first = render_png(&recorded()).unwrap();
    let second = render_png(&recorded()).unwrap();
    assert_eq!(first, second);
    assert_eq!(sha256_hex(&first), sha256_hex(&second));
}

#[test]
fn a_rendered_signature_passes_check_png_with_ink() {
    let check = check_png(&render_png(&recorded()).unwrap()).unwrap();
    assert_eq!((check.width, check.height), (600, 200));
    assert!(check.ink_pixels > 10 * MIN_INK_PIXELS, "{check:?}");
}

#[test]
fn rendering_draws_black_on_transparent() {
    let png = render_png(&recorded()).unwrap();
    let image = image::load_from_memory_with_format(&png, image::ImageFormat::Png).unwrap().into_rgba8();
    assert_eq!(image.get_pixel(5, 5).0, [0, 0, 0, 0]);
    assert_eq!(image.get_pixel(80, 120).0, [0, 0, 0, 255]);
    assert!(image.pixels().all(|p| p.0[..3] == [0, 0, 0]));
}

#[test]
fn a_single_point_stroke_is_a_dot() {
    let mut s = recorded();
    s.strokes.push(Stroke { points: vec![Point { x: 560.0, y: 40.0, t: 2000.0 }] });
    let image = image::load_from_memory(&render_png(&s).unwrap()).unwrap().into_rgba8();
    assert_eq!(image.get_pixel(560, 40).0[3], 255);
    assert_eq!(image.get_pixel(556, 40).0[3], 0);
}

#[test]
fn big_canvases_are_scaled_down_to_fit() {
    let big = strokes(r#"{"width":4000,"height":2000,"strokes":[{"points":[{"x":0,"y":0,"t":0},{"x":4000,"y":2000,"t":9}]}]}"#);
    let check = check_png(&render_png(&big).unwrap()).unwrap();
    assert_eq!((check.width, check.height), (2400, 1200));
    let thin = strokes(r#"{"width":4000,"height":50,"strokes":[{"points":[{"x":0,"y":25,"t":0},{"x":4000,"y":25,"t":9}]}]}"#);
    let check = check_png(&render_png(&thin).unwrap()).unwrap();
    assert_eq!((check.width, check.height), (2400, 50));
}

#[test]
fn render_refuses_invalid_strokes() {
    let mut s = recorded();
    s.strokes[0].points[0].x = f64::NAN;
    assert_eq!(code(render_png(&s)), "SIGNATURE_STROKES_INVALID");
}

// --- accept ----------------------------------------------------------------------------------

#[test]
fn accept_renders_strokes_when_no_png_arrives() {
    let s = recorded();
    let mark = accept(None, Some(&s)).unwrap();
    assert_eq!(mark.png, render_png(&s).unwrap());
    assert_eq!(mark.png_sha256, sha256_hex(&mark.png));
    let json = mark.strokes_json.unwrap();
    assert_eq!(serde_json::from_str::<Strokes>(&json).unwrap(), s);
    assert!(json.starts_with(r#"{"width":600.0,"height":200.0,"strokes":[{"points":[{"x":80.0,"y":120.0,"t":120.0}"#));
}

#[test]
fn accept_keeps_a_submitted_png_byte_for_byte() {
    let png = png_of(&drawn_signature());
    let data_url = format!("data:image/png;base64,{}", STANDARD.encode(&png));
    let alone = accept(Some(&data_url), None).unwrap();
    assert_eq!((alone.png.as_slice(), alone.strokes_json), (png.as_slice(), None));
    let both = accept(Some(&data_url), Some(&recorded())).unwrap();
    assert_eq!(both.png, png);
    assert!(both.strokes_json.is_some());
}

#[test]
fn accept_refuses_what_is_wrong() {
    let blank = STANDARD.encode(png_of(&white(600, 200)));
    let good = STANDARD.encode(png_of(&drawn_signature()));
    let mut bad_strokes = recorded();
    bad_strokes.strokes[0].points[1].t = -5.0;
    assert_eq!(code(accept(None, None)), "SIGNATURE_MISSING");
    assert_eq!(code(accept(Some("  "), None)), "SIGNATURE_MISSING");
    assert_eq!(code(accept(Some(&blank), None)), "SIGNATURE_BLANK");
    assert_eq!(code(accept(Some("%%%"), Some(&recorded()))), "SIGNATURE_INVALID_IMAGE");
    assert_eq!(code(accept(Some(&good), Some(&bad_strokes))), "SIGNATURE_STROKES_INVALID");
}

// --- errors and hashes -----------------------------------------------------------------------

#[test]
fn codes_are_stable_and_messages_are_sentences() {
    let all = [
        (SignatureError::Missing, "SIGNATURE_MISSING"),
        (SignatureError::TooLarge("x".into()), "SIGNATURE_TOO_LARGE"),
        (SignatureError::InvalidImage("x".into()), "SIGNATURE_INVALID_IMAGE"),
        (SignatureError::Dimensions { width: 1, height: 1 }, "SIGNATURE_DIMENSIONS"),
        (SignatureError::Blank, "SIGNATURE_BLANK"),
        (SignatureError::StrokesInvalid("x".into()), "SIGNATURE_STROKES_INVALID"),
    ];
    for (err, code) in all {
        assert_eq!(err.code(), code);
        let text = err.to_string();
        assert!(text.starts_with(char::is_uppercase) && text.ends_with('.'), "{text}");
    }
    assert_eq!(
        SignatureError::Dimensions { width: 5000, height: 100 }.to_string(),
        "The signature image is 5000×100 px; it must be between 100×50 and 2400×1200 px."
    );
}

#[test]
fn sha256_hex_is_lowercase_hex() {
    assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/// Alternating corner-to-corner points on a 4000×2000 canvas: each segment is one diagonal.
fn zigzag(points: usize) -> Strokes {
    let corner = |i: usize| if i.is_multiple_of(2) { (0.0, 0.0) } else { (4000.0, 2000.0) };
    let points = (0..points).map(|i| Point { x: corner(i).0, y: corner(i).1, t: i as f64 }).collect();
    Strokes { width: 4000.0, height: 2000.0, strokes: vec![Stroke { points }] }
}

#[test]
fn an_endless_scribble_is_too_large_but_a_long_one_renders() {
    assert_eq!(code(check_strokes(&zigzag(MAX_POINTS))), "SIGNATURE_TOO_LARGE");
    assert_eq!(code(check_strokes(&zigzag(MAX_PATH_DIAGONALS as usize + 2))), "SIGNATURE_TOO_LARGE");
    let png = render_png(&zigzag(MAX_PATH_DIAGONALS as usize)).unwrap();
    assert_eq!(check_png(&png).map(|c| (c.width, c.height)), Ok((2400, 1200)));
}
