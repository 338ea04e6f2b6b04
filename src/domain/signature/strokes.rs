//! The vector side: strokes as a signature pad records them, and their validation.

use serde::{Deserialize, Serialize};

use super::{MAX_PATH_DIAGONALS, MAX_POINTS, MAX_STROKES, MIN_INK_LENGTH, MIN_INK_POINTS, SignatureError};

/// Accepted canvas widths, in canvas units.
const CANVAS_WIDTHS: std::ops::RangeInclusive<f64> = 100.0..=4000.0;
/// Accepted canvas heights, in canvas units.
const CANVAS_HEIGHTS: std::ops::RangeInclusive<f64> = 50.0..=2000.0;

/// A drawn signature: the pad's canvas size and its strokes, in canvas units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strokes {
    /// canvas width
    pub width: f64,
    /// canvas height
    pub height: f64,
    /// strokes in the order drawn
    pub strokes: Vec<Stroke>,
}

/// One pen-down to pen-up movement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stroke {
    /// points in the order sampled
    pub points: Vec<Point>,
}

/// One sampled pen position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// from the canvas's left edge
    pub x: f64,
    /// from the canvas's top edge
    pub y: f64,
    /// milliseconds since the pad opened
    pub t: f64,
}

/// Checks strokes: canvas size, counts (at most [`MAX_STROKES`] strokes and [`MAX_POINTS`]
/// points), every stroke non-empty, every point finite and on the canvas, times non-decreasing
/// across the whole signature, a path of at most [`MAX_PATH_DIAGONALS`] canvas diagonals, and
/// ink ([`MIN_INK_POINTS`] points or [`MIN_INK_LENGTH`] of path). No strokes at all is
/// [`SignatureError::Blank`].
pub fn check_strokes(s: &Strokes) -> Result<(), SignatureError> {
    check_canvas(s)?;
    check_counts(s)?;
    check_points(s)?;
    let length = path_length(s);
    check_length(s, length)?;
    check_ink(s, length)
}

fn check_canvas(s: &Strokes) -> Result<(), SignatureError> {
    if !CANVAS_WIDTHS.contains(&s.width) {
        return Err(invalid("the canvas width must be between 100 and 4000".into()));
    }
    if !CANVAS_HEIGHTS.contains(&s.height) {
        return Err(invalid("the canvas height must be between 50 and 2000".into()));
    }
    Ok(())
}

fn check_counts(s: &Strokes) -> Result<(), SignatureError> {
    if s.strokes.is_empty() {
        return Err(SignatureError::Blank);
    }
    if s.strokes.len() > MAX_STROKES {
        return Err(SignatureError::TooLarge(format!("more than {MAX_STROKES} strokes")));
    }
    if total_points(s) > MAX_POINTS {
        return Err(SignatureError::TooLarge(format!("more than {MAX_POINTS} points")));
    }
    match s.strokes.iter().position(|k| k.points.is_empty()) {
        Some(k) => Err(invalid(format!("stroke {} has no points", k + 1))),
        None => Ok(()),
    }
}

fn check_points(s: &Strokes) -> Result<(), SignatureError> {
    let mut last_t = 0.0;
    for (k, stroke) in s.strokes.iter().enumerate() {
        for (i, p) in stroke.points.iter().enumerate() {
            point_problem(s, p, last_t).map_or(Ok(()), |why| Err(invalid(format!("stroke {}, point {} {why}", k + 1, i + 1))))?;
            last_t = p.t;
        }
    }
    Ok(())
}

/// What is wrong with one point, given the time of the point before it (0 for the first).
fn point_problem(s: &Strokes, p: &Point, last_t: f64) -> Option<&'static str> {
    if !(0.0..=s.width).contains(&p.x) || !(0.0..=s.height).contains(&p.y) {
        Some("lies outside the canvas")
    } else if !p.t.is_finite() || p.t < 0.0 {
        Some("has an invalid time")
    } else if p.t < last_t {
        Some("is earlier than the point before it")
    } else {
        None
    }
}

fn check_length(s: &Strokes, length: f64) -> Result<(), SignatureError> {
    let diagonal = (s.width * s.width + s.height * s.height).sqrt();
    if length > MAX_PATH_DIAGONALS * diagonal {
        return Err(SignatureError::TooLarge(format!("the strokes are longer than {MAX_PATH_DIAGONALS} canvas diagonals")));
    }
    Ok(())
}

fn check_ink(s: &Strokes, length: f64) -> Result<(), SignatureError> {
    if total_points(s) >= MIN_INK_POINTS || length >= MIN_INK_LENGTH { Ok(()) } else { Err(SignatureError::Blank) }
}

fn total_points(s: &Strokes) -> usize {
    s.strokes.iter().map(|k| k.points.len()).sum()
}

/// Sum of the distances between consecutive points of each stroke.
fn path_length(s: &Strokes) -> f64 {
    let stroke_length = |k: &Stroke| -> f64 { k.points.iter().zip(k.points.iter().skip(1)).map(|(a, b)| distance(a, b)).sum() };
    s.strokes.iter().map(stroke_length).sum()
}

fn distance(a: &Point, b: &Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    (dx * dx + dy * dy).sqrt()
}

/// The canonical serde_json text of the strokes (field order as declared, no whitespace).
pub(super) fn canonical_json(s: &Strokes) -> Result<String, SignatureError> {
    serde_json::to_string(s).map_err(|_| invalid("they cannot be serialised".into()))
}

fn invalid(detail: String) -> SignatureError {
    SignatureError::StrokesInvalid(detail)
}
