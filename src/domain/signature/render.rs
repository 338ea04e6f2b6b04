//! Server-side rendering of strokes to PNG, for when only strokes arrive. Deterministic: only
//! IEEE-exact arithmetic (+ − × ÷ √), an order-independent blend (max of alpha) and fixed PNG
//! encoder settings, so the same strokes always give the same bytes and the same SHA-256.
//! The settings: black ink as grey + alpha (half the bytes of RGBA, the same picture), the
//! `Sub` filter on every row and fast deflate (since 2026-12-08; from 2026-12-03 RGBA with
//! adaptive filters, and before that default deflate, which was a fifth of the server's CPU per
//! check-in): a signature is evidence through the PNG bytes and hash stored when it was
//! signed, so older signatures stay verifiable; only a re-rendering of their strokes would
//! differ.

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, GrayAlphaImage, ImageEncoder, LumaA};

use super::{MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT, MIN_WIDTH, SignatureError, Stroke, Strokes, check_strokes};

/// Half the pen width (2.5 px), in output pixels.
const LINE_RADIUS: f64 = 1.25;
/// Radius of the dot drawn for a single-point stroke (a tap), a little wider than the pen.
const DOT_RADIUS: f64 = 2.0;
/// Segments are drawn in pieces at most this long, so each piece's pixel box stays small.
const PIECE_LENGTH: f64 = 4.0;

/// A position in output pixels.
type Pt = (f64, f64);

/// Checks the strokes, then draws them in black on a transparent canvas and encodes a PNG.
/// The canvas is the stroke canvas size, scaled down uniformly to fit [`MAX_WIDTH`] ×
/// [`MAX_HEIGHT`] and widened to at least [`MIN_WIDTH`] × [`MIN_HEIGHT`] if that scaling made
/// it too thin, so the result always passes the PNG dimension check.
pub fn render_png(s: &Strokes) -> Result<Vec<u8>, SignatureError> {
    check_strokes(s)?;
    draw_png(s)
}

/// [`render_png`] without the check, for callers that have just run it.
pub(super) fn draw_png(s: &Strokes) -> Result<Vec<u8>, SignatureError> {
    let (scale, width, height) = fit(s.width, s.height);
    let mut canvas = GrayAlphaImage::new(width, height);
    for stroke in &s.strokes {
        draw_stroke(&mut canvas, stroke, scale);
    }
    encode(&canvas)
}

/// The coordinate scale and the output size in pixels for a `w` × `h` stroke canvas.
fn fit(w: f64, h: f64) -> (f64, u32, u32) {
    let scale = (f64::from(MAX_WIDTH) / w).min(f64::from(MAX_HEIGHT) / h).min(1.0);
    let pixels = |v: f64, lo: u32, hi: u32| (v * scale).round().clamp(f64::from(lo), f64::from(hi)) as u32;
    (scale, pixels(w, MIN_WIDTH, MAX_WIDTH), pixels(h, MIN_HEIGHT, MAX_HEIGHT))
}

fn draw_stroke(canvas: &mut GrayAlphaImage, stroke: &Stroke, scale: f64) {
    let points: Vec<Pt> = stroke.points.iter().map(|p| (p.x * scale, p.y * scale)).collect();
    if let [dot] = points.as_slice() {
        draw_segment(canvas, *dot, *dot, DOT_RADIUS);
    }
    for (a, b) in points.iter().zip(points.iter().skip(1)) {
        draw_segment(canvas, *a, *b, LINE_RADIUS);
    }
}

/// Draws the thick segment `a`–`b` (a disc when `a == b`), piece by piece.
fn draw_segment(canvas: &mut GrayAlphaImage, a: Pt, b: Pt, radius: f64) {
    let pieces = (distance(a, b) / PIECE_LENGTH).ceil().max(1.0) as u32;
    let at = |k: u32| {
        let f = f64::from(k) / f64::from(pieces);
        (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f)
    };
    for k in 0..pieces {
        paint_box(canvas, (at(k), at(k + 1)), (a, b), radius);
    }
}

/// Paints the pixels around the piece `p`–`q` by their distance to the whole segment `a`–`b`,
/// anti-aliased over one pixel at the edge; darker coverage wins where lines overlap.
fn paint_box(canvas: &mut GrayAlphaImage, (p, q): (Pt, Pt), (a, b): (Pt, Pt), radius: f64) {
    let reach = radius + 0.5;
    let (x0, x1) = pixel_span(p.0.min(q.0) - reach, p.0.max(q.0) + reach, canvas.width());
    let (y0, y1) = pixel_span(p.1.min(q.1) - reach, p.1.max(q.1) + reach, canvas.height());
    for y in y0..y1 {
        for x in x0..x1 {
            let centre = (f64::from(x) + 0.5, f64::from(y) + 0.5);
            let coverage = (reach - distance_to_segment(centre, a, b)).clamp(0.0, 1.0);
            let alpha = (coverage * 255.0).round() as u8;
            let pixel = canvas.get_pixel_mut(x, y);
            if alpha > pixel.0[1] {
                *pixel = LumaA([0, alpha]);
            }
        }
    }
}

/// Pixel indices `lo..hi` whose cells meet `[from, to]`, clipped to `0..limit`.
fn pixel_span(from: f64, to: f64, limit: u32) -> (u32, u32) {
    let lo = (from.floor().max(0.0) as u32).min(limit);
    let hi = (to.ceil().max(0.0) as u32).min(limit);
    (lo, hi.max(lo))
}

fn distance_to_segment(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length_sq = dx * dx + dy * dy;
    let t = if length_sq > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length_sq).clamp(0.0, 1.0) } else { 0.0 };
    distance(p, (a.0 + t * dx, a.1 + t * dy))
}

fn distance(a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    (dx * dx + dy * dy).sqrt()
}

/// PNG with fixed settings (the defaults could change between crate versions). One filter
/// (`Sub`) for every row: `Adaptive` tries all five per row, which was most of the encoding's
/// cost for an image that is nearly all blank rows (docs/performance.md).
fn encode(canvas: &GrayAlphaImage) -> Result<Vec<u8>, SignatureError> {
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Sub)
        .write_image(canvas.as_raw(), canvas.width(), canvas.height(), ExtendedColorType::La8)
        .map_err(|_| SignatureError::InvalidImage("the strokes could not be encoded".into()))?;
    Ok(out)
}
