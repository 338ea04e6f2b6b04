//! The one text type of the API. Every string a client sends (a JSON body field, a query
//! parameter, a header that is stored) arrives as [`Input`], which a handler cannot read until
//! it turns it into a [`Text`] through [`Text::new`]: trimmed, its length in characters checked,
//! and free of the characters below. A refusal is 400 `VALIDATION_FAILED` naming the field.
//!
//! Refused everywhere (see `docs/input.md`):
//! - control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F), except those the
//!   field's [`Lines`] allows: NUL is a 500 on PostgreSQL, the others corrupt logs and screens;
//! - the line and paragraph separators U+2028 and U+2029 (line breaks nobody types);
//! - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, which
//!   make a name display as another one;
//! - the invisible U+200B (zero width space), U+2060 (word joiner), U+FEFF (byte order mark) and
//!   U+FFF9–U+FFFB (interlinear annotations), which make two equal-looking texts differ;
//! - the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane.
//!
//! Accepted: every letter, mark, digit, symbol and emoji, including U+200C/U+200D (zero width
//! (non-)joiner, needed in emoji sequences and some scripts). Lone surrogates cannot occur in a
//! Rust string (serde refuses them in JSON).

use std::fmt;
use std::ops::Deref;

use actix_web::HttpRequest;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Which line-structure characters a field accepts besides printable text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// one line: no control character at all (names, logins, search terms, keys, ...)
    One,
    /// free text over several lines: `\n` and `\t` allowed (`\r` is not: send `\n`)
    Many,
    /// raw barcode-scanner text: what keyboard-wedge scanners send for AAMVA PDF417 and
    /// membership barcodes. AAMVA separates data elements with LF, ends subfiles and the
    /// header with CR, and puts the record separator RS (U+001E) in its header
    /// (`@\n\x1e\rANSI ...`); GS and FS (U+001D, U+001C) are the other ASCII information
    /// separators some scanners pass through, and Tab is what many wedges type for a field
    /// break. So `\n`, `\r`, `\t`, U+001C, U+001D and U+001E are allowed; every other control
    /// character (NUL above all) is refused, and the scan parser turns the allowed ones into
    /// line breaks and spaces before anything is looked up, so none of them reaches the
    /// database either.
    Scan,
}

impl Lines {
    fn allows(self, c: char) -> bool {
        match self {
            Lines::One => false,
            Lines::Many => matches!(c, '\n' | '\t'),
            Lines::Scan => matches!(c, '\n' | '\r' | '\t' | '\u{1c}' | '\u{1d}' | '\u{1e}'),
        }
    }
}

/// Whether `c` is refused in any text, whatever its [`Lines`] (control characters are
/// decided by [`Lines::allows`]).
fn is_troublemaker(c: char) -> bool {
    let code = u32::from(c);
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
        || (0xfdd0..=0xfdef).contains(&code)
        || code & 0xfffe == 0xfffe
}

/// Whether a field with `lines` refuses `c`.
fn refused(c: char, lines: Lines) -> bool {
    (c.is_control() && !lines.allows(c)) || is_troublemaker(c)
}

/// The first character of `value` that a field with `lines` refuses.
pub fn first_refused(value: &str, lines: Lines) -> Option<char> {
    value.chars().find(|&c| refused(c, lines))
}

/// `value` with every refused character replaced by U+FFFD, for quoting input in a message.
pub fn printable(value: &str) -> String {
    value.chars().map(|c| if refused(c, Lines::Many) { '\u{fffd}' } else { c }).collect()
}

/// A text that passed validation: trimmed, `min..=max` characters, no refused character.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Text(String);

impl Text {
    /// `value` trimmed (Unicode white space, line breaks included), refused with a 400 naming
    /// `field` unless it is `min..=max` characters long and every character is allowed for
    /// `lines`.
    pub fn new(field: &str, value: &str, min: usize, max: usize, lines: Lines) -> Result<Text, AppError> {
        let trimmed = value.trim();
        if let Some(c) = first_refused(trimmed, lines) {
            let what = if c.is_control() { "a control character" } else { "an invisible or reserved character" };
            return Err(AppError::invalid(field, format!("{field} must not contain {what} (found U+{:04X}).", u32::from(c))));
        }
        let len = trimmed.chars().count();
        if !(min..=max).contains(&len) {
            return Err(AppError::invalid(field, format!("{field} must be {min} to {max} characters long.")));
        }
        Ok(Text(trimmed.to_owned()))
    }

    /// A header value that is stored but must not refuse the request (browsers send what
    /// they send; `User-Agent`): bytes that are not UTF-8 become U+FFFD, refused characters
    /// (tabs included) become spaces, runs of spaces collapse, and the result is cut to `max`
    /// characters. `None` when nothing is left.
    pub fn sanitised(value: &[u8], max: usize) -> Option<Text> {
        let lossy = String::from_utf8_lossy(value);
        let cleaned: String = lossy.chars().map(|c| if refused(c, Lines::One) { ' ' } else { c }).collect();
        let words: Vec<&str> = cleaned.split_whitespace().collect();
        let text: String = words.join(" ").chars().take(max).collect();
        (!text.is_empty()).then_some(Text(text))
    }

    /// The header `name` of `req` as a [`Text`] (see [`Text::new`]; the field is named after
    /// the header); `None` when absent. A value that is not UTF-8 is refused too.
    pub fn header(req: &HttpRequest, name: &str, min: usize, max: usize) -> Result<Option<Text>, AppError> {
        let Some(value) = req.headers().get(name) else { return Ok(None) };
        let value = std::str::from_utf8(value.as_bytes()).map_err(|_| AppError::invalid(name, format!("{name} must be UTF-8 text.")))?;
        Text::new(name, value, min, max, Lines::One).map(Some)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0
    }
}

/// A string exactly as a client sent it, in a request body or query. It has no accessor for
/// its content except [`Input::text`] (and [`Input::is_blank`]), so a handler cannot use it
/// without validating it. Its OpenAPI schema is a plain string.
#[derive(Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Input(String);

impl Input {
    /// This input validated as a [`Text`] (see [`Text::new`]).
    pub fn text(&self, field: &str, min: usize, max: usize, lines: Lines) -> Result<Text, AppError> {
        Text::new(field, &self.0, min, max, lines)
    }

    /// Whether it is empty or white space only (optional filters treat that as absent).
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl From<&str> for Input {
    fn from(s: &str) -> Self {
        Input(s.to_owned())
    }
}

impl From<String> for Input {
    fn from(s: String) -> Self {
        Input(s)
    }
}

/// Never prints the content: inputs include PINs and raw ID scans.
impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Input({} bytes)", self.0.len())
    }
}

impl utoipa::PartialSchema for Input {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        <String as utoipa::PartialSchema>::schema()
    }
}

impl utoipa::ToSchema for Input {}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(value: &str) -> Result<String, String> {
        Text::new("name", value, 1, 10, Lines::One).map(Text::into_string).map_err(|e| e.to_string())
    }

    fn field_of(err: AppError) -> (String, Option<String>) {
        match err {
            AppError::Invalid { code, field, .. } => (code.to_owned(), field),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nul_is_refused_naming_the_field() {
        let err = Text::new("display_name", "a\u{0}b", 1, 10, Lines::One).unwrap_err();
        assert!(err.to_string().contains("U+0000"), "{err}");
        assert_eq!(field_of(err), ("VALIDATION_FAILED".to_owned(), Some("display_name".to_owned())));
        for lines in [Lines::One, Lines::Many, Lines::Scan] {
            assert!(Text::new("f", "a\u{0}b", 1, 10, lines).is_err(), "{lines:?}");
        }
    }

    #[test]
    fn every_other_control_character_is_refused_on_one_line() {
        for c in (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            assert!(one(&format!("a{c}b")).is_err(), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn newlines_and_tabs_only_in_multi_line_text() {
        assert!(one("a\nb").is_err());
        assert!(one("a\tb").is_err());
        let many = |v: &str| Text::new("note", v, 1, 20, Lines::Many).map(Text::into_string);
        assert_eq!(many("line 1\nline 2\tend").unwrap(), "line 1\nline 2\tend");
        for bad in ["a\rb", "a\u{1e}b", "a\u{7}b", "a\u{85}b", "a\u{1b}[31mb"] {
            assert!(many(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn scans_take_what_scanners_send_and_nothing_else() {
        let aamva = "@\n\u{1e}\rANSI 636015090002DL00410278ZT03190008DLDAQ24681357\nDCSDOE\tDACJANE\u{1d}\u{1c}\r\n";
        assert!(Text::new("scan", aamva, 1, 4000, Lines::Scan).is_ok());
        for bad in ["@\n\u{0}ANSI", "@\u{1f}ANSI", "@\u{7f}ANSI", "@\u{1b}ANSI", "@\u{feff}ANSI"] {
            assert!(Text::new("scan", bad, 1, 4000, Lines::Scan).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn lengths_are_counted_in_characters_after_trimming() {
        assert_eq!(Text::new("name", "  Kim \n", 1, 3, Lines::One).unwrap().as_str(), "Kim");
        assert!(one("   ").is_err());
        assert!(one("").is_err());
        assert_eq!(Text::new("name", "ñañ", 1, 3, Lines::One).unwrap().as_str(), "ñañ");
        assert!(Text::new("name", "ñañaña", 1, 5, Lines::One).is_err());
        // four characters, sixteen bytes
        assert!(Text::new("name", "😀😀😀😀", 1, 4, Lines::One).is_ok());
        assert!(Text::new("name", "😀😀😀😀😀", 1, 4, Lines::One).is_err());
        let err = Text::new("name", "abcdef", 2, 5, Lines::One).unwrap_err();
        assert_eq!(err.to_string(), "name must be 2 to 5 characters long.");
    }

    #[test]
    fn letters_of_every_script_and_emoji_are_accepted() {
        for ok in [
            "José Ñúñez",
            "Zoë",
            "O'Brien-Smith",
            "Đặng Thị",
            "Łukasz Żółć",
            "田中 太郎",
            "Ελένη",
            "Мария",
            "محمد",
            "שָׁלוֹם",
            "😀",
            "👨‍👩‍👧",
            "🏳️‍🌈",
            "a\u{00ad}b",
        ] {
            assert_eq!(Text::new("name", ok, 1, 40, Lines::One).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn invisible_troublemakers_are_refused() {
        for bad in [
            "a\u{fffe}",
            "a\u{ffff}",
            "a\u{1fffe}",
            "a\u{10ffff}",
            "a\u{fdd0}",
            "a\u{feff}b",
            "a\u{200b}b",
            "a\u{2060}b",
            "a\u{202e}b",
            "a\u{2066}b",
            "a\u{2028}b",
            "a\u{2029}b",
            "a\u{fff9}b",
        ] {
            assert!(one(bad).is_err(), "{bad:?}");
            assert!(Text::new("f", bad, 1, 10, Lines::Many).is_err(), "{bad:?}");
        }
        // the replacement character and private use are harmless
        assert!(one("a\u{fffd}b").is_ok());
        assert!(one("a\u{e000}b").is_ok());
    }

    #[test]
    fn a_header_is_sanitised_not_refused() {
        assert_eq!(Text::sanitised(b"Mozilla/5.0 (X11)\tFirefox", 300).unwrap().as_str(), "Mozilla/5.0 (X11) Firefox");
        assert_eq!(Text::sanitised(b"ab\xffcd", 300).unwrap().as_str(), "ab\u{fffd}cd");
        assert_eq!(Text::sanitised("a\u{202e}b\u{0}c".as_bytes(), 300).unwrap().as_str(), "a b c");
        assert_eq!(Text::sanitised("é".repeat(400).as_bytes(), 300).unwrap().as_str().chars().count(), 300);
        assert_eq!(Text::sanitised(b" \t ", 300), None);
    }

    #[test]
    fn input_hides_its_content_and_validates_on_demand() {
        let input: Input = serde_json::from_str("\"  1234  \"").unwrap();
        assert_eq!(format!("{input:?}"), "Input(8 bytes)");
        assert_eq!(input.text("pin", 4, 4, Lines::One).unwrap().as_str(), "1234");
        assert!(!input.is_blank());
        assert!(Input::from(" \t").is_blank());
    }
}
