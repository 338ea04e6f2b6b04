//! AAMVA driver-licence / ID-card scans (reference §3.4): detection, normalisation of the
//! keyboard-wedge text, and extraction of the fields the front desk needs. The raw scan is
//! never stored or logged (domain.md, security.md); `IdScan`'s `Debug` hides the DOB, the ID
//! number and the expiry date (many issuers set the expiry on the birthday).

mod fields;

use std::fmt;

use chrono::NaiveDate;

use fields::{Element, elements};

/// Element IDs that mark an AAMVA scan when a line starts with one.
const MARKER_LINES: [&str; 4] = ["DCS", "DAC", "DBD", "DAQ"];
/// Placeholder values issuers print for "no value".
const EMPTY_VALUES: [&str; 5] = ["NONE", "UNAVL", "UNAVAIL", "N/A", "NA"];

/// The fields read from an ID scan. Names are kept as printed (usually upper case).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct IdScan {
    /// DAC, else the first of the older DCT given names, else from DAA
    pub first_name: Option<String>,
    /// DCS, else the older DAB, else from DAA
    pub last_name: Option<String>,
    /// DAA in reading order ("DOE,JANE,Q" → "JANE Q DOE")
    pub full_name: Option<String>,
    /// DBB
    pub dob: Option<NaiveDate>,
    /// DBA
    pub expires_on: Option<NaiveDate>,
    /// DAQ
    pub id_number: Option<String>,
    /// DAJ, else DCI when it is a bare two-letter code; upper case
    pub issuing_state: Option<String>,
}

impl IdScan {
    /// "First Last" from the first and last names, else the full name; each word capitalised
    /// ("O'BRIEN-SMITH" → "O'Brien-Smith").
    pub fn display_name(&self) -> Option<String> {
        let name = match (&self.first_name, &self.last_name) {
            (Some(first), Some(last)) => format!("{first} {last}"),
            _ => self.full_name.clone()?,
        };
        let words: Vec<String> = name.split_whitespace().map(capitalise).collect();
        (!words.is_empty()).then(|| words.join(" "))
    }
}

/// Hides the date of birth and ID number (security.md: logs never contain them), and the
/// expiry date, which often falls on the holder's birthday.
impl fmt::Debug for IdScan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IdScan")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("full_name", &self.full_name)
            .field("dob", &self.dob.map(|_| Redacted))
            .field("expires_on", &self.expires_on.map(|_| Redacted))
            .field("id_number", &self.id_number.as_ref().map(|_| Redacted))
            .field("issuing_state", &self.issuing_state)
            .finish()
    }
}

/// Prints as `<redacted>`.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Whether a scan is AAMVA ID text: it starts with `@`, contains `ANSI ` or `AAMVA`, or has a
/// line starting with DCS, DAC, DBD or DAQ (checked on the normalised text).
pub fn looks_like_aamva(raw: &str) -> bool {
    is_aamva_text(&normalize_scan(raw))
}

/// Normalises wedge-scanner text: CRLF and CR become LF; on each line runs of spaces, tabs
/// and control characters collapse to one space and the line is trimmed; blank lines and
/// stray `ZTZTAN` lines are dropped.
pub fn normalize_scan(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> =
        unified.split('\n').map(collapse_line).filter(|line| !line.is_empty() && !line.eq_ignore_ascii_case("ZTZTAN")).collect();
    lines.join("\n")
}

/// Parses an AAMVA scan; `None` when the text is not AAMVA. A scan that looks like AAMVA but
/// yields no readable field gives an `IdScan` with every field `None`.
pub fn parse(raw: &str) -> Option<IdScan> {
    let text = normalize_scan(raw);
    if !is_aamva_text(&text) {
        return None;
    }
    Some(build(&elements(&text)))
}

/// The detection rule on already-normalised text.
fn is_aamva_text(text: &str) -> bool {
    text.starts_with('@')
        || text.contains("ANSI ")
        || text.contains("AAMVA")
        || text.lines().any(|line| MARKER_LINES.iter().any(|id| line.starts_with(id)))
}

/// One line with whitespace and control characters collapsed to single spaces.
fn collapse_line(line: &str) -> String {
    let words: Vec<&str> = line.split(|c: char| c.is_whitespace() || c.is_control()).filter(|word| !word.is_empty()).collect();
    words.join(" ")
}

/// Assembles the scan from its elements (the first usable value of each element wins).
fn build(found: &[Element<'_>]) -> IdScan {
    let text = |code: &str| found.iter().filter(|e| e.code == code).find_map(|e| clean(e.value));
    let (daa_first, daa_last, full_name) = split_full_name(text("DAA"));
    let given = text("DCT").and_then(|v| first_part(&v));
    IdScan {
        first_name: text("DAC").or(given).or(daa_first).filter(|v| has_letter(v)),
        last_name: text("DCS").or_else(|| text("DAB")).or(daa_last).filter(|v| has_letter(v)),
        full_name: full_name.filter(|v| has_letter(v)),
        dob: text("DBB").and_then(|v| parse_date(&v)),
        expires_on: text("DBA").and_then(|v| parse_date(&v)),
        id_number: text("DAQ").filter(|v| v.chars().any(char::is_alphanumeric)),
        issuing_state: state(text("DAJ").as_deref(), text("DCI").as_deref()),
    }
}

/// A trimmed value with inner spaces collapsed and trailing commas dropped; `None` when empty
/// or a "no value" placeholder.
fn clean(value: &str) -> Option<String> {
    let words: Vec<&str> = value.split_whitespace().collect();
    let joined = words.join(" ");
    let cleaned = joined.trim_end_matches([',', '$']).trim();
    let placeholder = EMPTY_VALUES.iter().any(|p| cleaned.eq_ignore_ascii_case(p));
    (!cleaned.is_empty() && !placeholder).then(|| cleaned.to_owned())
}

/// Splits DAA "LAST,FIRST,MIDDLE[,SUFFIX]" (commas or `$`) into first, last and the full
/// name in reading order; a DAA without separators is kept as the full name only.
fn split_full_name(daa: Option<String>) -> (Option<String>, Option<String>, Option<String>) {
    let Some(daa) = daa else { return (None, None, None) };
    let parts: Vec<&str> = daa.split([',', '$']).map(str::trim).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [last, first, rest @ ..] if daa.contains([',', '$']) => {
            let (middle, suffix) = rest.split_at(rest.len().min(1));
            let mut ordered = vec![*first];
            ordered.extend(middle);
            ordered.push(last);
            ordered.extend(suffix);
            (Some((*first).to_owned()), Some((*last).to_owned()), Some(ordered.join(" ")))
        }
        _ => (None, None, Some(parts.join(" "))),
    }
}

/// The first of a list of given names separated by commas or `$`.
fn first_part(value: &str) -> Option<String> {
    value.split([',', '$']).map(str::trim).find(|p| !p.is_empty()).map(str::to_owned)
}

/// The issuing state: DAJ's first two letters, else DCI when it is exactly two letters.
fn state(daj: Option<&str>, dci: Option<&str>) -> Option<String> {
    let two_letters = |v: &str| v.len() >= 2 && v.bytes().take(2).all(|b| b.is_ascii_alphabetic());
    match (daj, dci) {
        (Some(daj), _) if two_letters(daj) => daj.get(..2).map(str::to_ascii_uppercase),
        (_, Some(dci)) if dci.len() == 2 && two_letters(dci) => Some(dci.to_ascii_uppercase()),
        _ => None,
    }
}

/// An AAMVA date: the first 8 characters as MMDDYYYY (US) or YYYYMMDD (Canada), year
/// 1900–2199. Within that range the two forms cannot be confused.
fn parse_date(value: &str) -> Option<NaiveDate> {
    let digits = value.get(..8).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<u32>().ok();
    let us = (number(4..8)?, number(0..2)?, number(2..4)?);
    let canadian = (number(0..4)?, number(4..6)?, number(6..8)?);
    [us, canadian].into_iter().find_map(|(year, month, day)| {
        let year = i32::try_from(year).ok().filter(|y| (1900..=2199).contains(y))?;
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

/// Whether a name has at least one letter.
fn has_letter(value: &str) -> bool {
    value.chars().any(char::is_alphabetic)
}

/// "mcDONALD-o'neil" → "Mcdonald-O'Neil": upper-case the first letter of each part between
/// hyphens and apostrophes, lower-case the rest.
fn capitalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | '\'');
    }
    out
}

#[cfg(test)]
mod tests;
