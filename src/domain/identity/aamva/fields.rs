//! Splits normalised AAMVA text into (element ID, value) pairs.
//!
//! Two layouts are handled. A real PDF417 dump puts one element per line ("DCSDOE"): when at
//! least two lines start with an element ID, such a line's value is the rest of the line and
//! is never split further. Other lines (the `ANSI ...DLDAQ...` header line, or a scanner that
//! dropped the separators and sent "DCSDOEDACJANE...") are scanned for element IDs inside the
//! text. There a hit counts only if its value looks right for its element (dates are 8 digits,
//! eye colours a known code, ...); free-text elements need a non-empty value before them, and
//! when two hits overlap (a name ending in "DA" before "DCS" reads as "DAD"+"DCS") the likelier
//! one is kept. Names that contain an element ID of a free-text field can still be cut.

use std::collections::HashMap;

/// One data element: its three-letter ID and raw value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Element<'a> {
    /// the element ID, e.g. "DCS"
    pub code: &'static str,
    /// the raw value (untrimmed)
    pub value: &'a str,
}

/// What a value must look like for an element ID found inside a line to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// free text: accepted anywhere it follows a non-empty value
    Text,
    /// 8 digits
    Date,
    /// one digit first
    Digit,
    /// one of these bytes
    OneOf(&'static [u8]),
    /// one of these three-letter codes
    Code3(&'static [&'static [u8; 3]]),
    /// two capital letters
    State,
    /// 5 digits, or a Canadian letter-digit-letter
    Postal,
    /// the marker of a jurisdiction subfile, "ZxZx"
    Subfile,
}

/// A possible element boundary inside a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    pos: usize,
    code: &'static str,
    strict: bool,
}

const EYES: &[&[u8; 3]] = &[b"BLK", b"BLU", b"BRO", b"GRY", b"GRN", b"HAZ", b"MAR", b"PNK", b"DIC", b"UNK"];
const HAIR: &[&[u8; 3]] = &[b"BAL", b"BLK", b"BLN", b"BRO", b"GRY", b"RED", b"SDY", b"WHI", b"UNK"];
const COUNTRIES: &[&[u8; 3]] = &[b"USA", b"CAN"];

/// The element IDs known to the splitter (AAMVA 2009–2020, plus the older DAA/DAB/DCT names).
fn element(code: &[u8]) -> Option<(&'static str, Rule)> {
    let found = match code {
        b"DBA" => ("DBA", Rule::Date),
        b"DBB" => ("DBB", Rule::Date),
        b"DBD" => ("DBD", Rule::Date),
        b"DDB" => ("DDB", Rule::Date),
        b"DDC" => ("DDC", Rule::Date),
        b"DDH" => ("DDH", Rule::Date),
        b"DDI" => ("DDI", Rule::Date),
        b"DDJ" => ("DDJ", Rule::Date),
        b"DBC" => ("DBC", Rule::OneOf(b"129MFXU")),
        b"DDE" => ("DDE", Rule::OneOf(b"TNU")),
        b"DDF" => ("DDF", Rule::OneOf(b"TNU")),
        b"DDG" => ("DDG", Rule::OneOf(b"TNU")),
        b"DDA" => ("DDA", Rule::OneOf(b"FN")),
        b"DAY" => ("DAY", Rule::Code3(EYES)),
        b"DAZ" => ("DAZ", Rule::Code3(HAIR)),
        b"DCG" => ("DCG", Rule::Code3(COUNTRIES)),
        b"DAU" => ("DAU", Rule::Digit),
        b"DAW" => ("DAW", Rule::Digit),
        b"DAX" => ("DAX", Rule::Digit),
        b"DCE" => ("DCE", Rule::Digit),
        b"DDD" => ("DDD", Rule::Digit),
        b"DDK" => ("DDK", Rule::Digit),
        b"DDL" => ("DDL", Rule::Digit),
        b"DAJ" => ("DAJ", Rule::State),
        b"DAK" => ("DAK", Rule::Postal),
        _ => return text_element(code).map(|code| (code, Rule::Text)),
    };
    Some(found)
}

/// The free-text element IDs.
fn text_element(code: &[u8]) -> Option<&'static str> {
    const TEXT: [&str; 28] = [
        "DCA", "DCB", "DCD", "DCS", "DAC", "DAD", "DAG", "DAH", "DAI", "DAQ", "DCF", "DAA", "DAB", "DCT", "DCI", "DCJ", "DCK", "DBN",
        "DBG", "DBS", "DCU", "DCL", "DCM", "DCN", "DCO", "DCP", "DCQ", "DCR",
    ];
    TEXT.into_iter().find(|known| known.as_bytes() == code)
}

/// All elements of the text, line-layout elements first.
pub(super) fn elements(text: &str) -> Vec<Element<'_>> {
    let line_layout = text.lines().filter(|line| line_code(line).is_some()).count() >= 2;
    let mut whole_lines = Vec::new();
    let mut scanned = Vec::new();
    for line in text.lines() {
        match line_code(line).filter(|_| line_layout) {
            Some(code) => whole_lines.push(Element { code, value: line.get(3..).unwrap_or("") }),
            None => scanned.extend(scan_line(line)),
        }
    }
    whole_lines.extend(scanned);
    whole_lines
}

/// The element ID a line starts with.
fn line_code(line: &str) -> Option<&'static str> {
    element(line.as_bytes().get(..3)?).map(|(code, _)| code)
}

/// The elements found inside one line.
fn scan_line(line: &str) -> Vec<Element<'_>> {
    let chain = boundaries(&hits(line.as_bytes()));
    let mut found = Vec::new();
    for (n, hit) in chain.iter().enumerate() {
        let end = chain.get(n + 1).map_or(line.len(), |next| next.pos);
        if hit.code != "Z" {
            let value = line.get(hit.pos + 3..end).unwrap_or("");
            found.push(Element { code: hit.code, value });
        }
    }
    found
}

/// Every position where an element ID with a plausible value starts.
fn hits(bytes: &[u8]) -> Vec<Hit> {
    let mut found = Vec::new();
    for pos in 0..bytes.len().saturating_sub(2) {
        let rest = bytes.get(pos + 3..).unwrap_or_default();
        let rule = match bytes.get(pos) {
            Some(b'D') => bytes.get(pos..pos + 3).and_then(element),
            Some(b'Z') if is_subfile_marker(bytes.get(pos..).unwrap_or_default()) => Some(("Z", Rule::Subfile)),
            _ => None,
        };
        if let Some((code, rule)) = rule
            && value_fits(rule, rest)
        {
            found.push(Hit { pos, code, strict: rule != Rule::Text });
        }
    }
    found
}

/// "ZTZTA...": a jurisdiction subfile designator followed by its first element.
fn is_subfile_marker(bytes: &[u8]) -> bool {
    matches!(bytes, [b'Z', x, b'Z', y, ..] if x == y && x.is_ascii_uppercase())
}

/// Whether the bytes after an element ID look like a value of that element.
fn value_fits(rule: Rule, rest: &[u8]) -> bool {
    let digits = |n: usize| rest.len() >= n && rest.iter().take(n).all(u8::is_ascii_digit);
    match rule {
        Rule::Text | Rule::Subfile => true,
        Rule::Date => digits(8),
        Rule::Digit => digits(1),
        Rule::OneOf(allowed) => rest.first().is_some_and(|b| allowed.contains(b)),
        Rule::Code3(codes) => rest.get(..3).is_some_and(|v| codes.iter().any(|c| c[..] == *v)),
        Rule::State => rest.get(..2).is_some_and(|v| v.iter().all(u8::is_ascii_uppercase)),
        Rule::Postal => digits(5) || canadian_postal(rest),
    }
}

/// Starts like a Canadian postal code ("T2P...").
fn canadian_postal(rest: &[u8]) -> bool {
    match rest {
        [a, b, c, ..] => a.is_ascii_uppercase() && b.is_ascii_digit() && c.is_ascii_uppercase(),
        _ => false,
    }
}

/// The chain of hits taken as element boundaries, left to right.
fn boundaries(hits: &[Hit]) -> Vec<Hit> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for hit in hits {
        *counts.entry(hit.code).or_default() += 1;
    }
    let mut chain = Vec::new();
    let mut next = (!hits.is_empty()).then_some(0);
    while let Some(index) = next {
        let index = resolve_overlap(hits, index, &counts);
        let Some(current) = hits.get(index).copied() else { break };
        chain.push(current);
        next = hits
            .iter()
            .enumerate()
            .skip(index + 1)
            .find(|(_, h)| h.pos >= current.pos + 4 || (h.pos == current.pos + 3 && h.strict))
            .map(|(i, _)| i);
    }
    chain
}

/// Among hits overlapping the one at `index`, the index of the likelier true boundary.
fn resolve_overlap(hits: &[Hit], mut index: usize, counts: &HashMap<&str, usize>) -> usize {
    while let Some(current) = hits.get(index) {
        let overlapping = hits.iter().enumerate().skip(index + 1).take_while(|(_, h)| h.pos <= current.pos + 2).next();
        match overlapping {
            Some((later, hit)) if prefer_later(current, hit, counts) => index = later,
            _ => break,
        }
    }
    index
}

/// Whether the later of two overlapping hits is the true boundary. A validated value wins;
/// otherwise the later one, unless only the earlier element ID occurs nowhere else.
fn prefer_later(earlier: &Hit, later: &Hit, counts: &HashMap<&str, usize>) -> bool {
    if later.strict || earlier.code == later.code {
        return true;
    }
    if earlier.strict {
        return false;
    }
    let seen = |code: &str| counts.get(code).copied().unwrap_or(0);
    !(seen(earlier.code) == 1 && seen(later.code) > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(&'static str, String)> {
        elements(text).into_iter().map(|e| (e.code, e.value.trim().to_owned())).collect()
    }

    fn value(text: &str, code: &str) -> Option<String> {
        pairs(text).into_iter().find(|(c, _)| *c == code).map(|(_, v)| v)
    }

    #[test]
    fn line_layout_takes_whole_lines_and_the_header_field() {
        let text = "@\nANSI 636015090002DL00410278ZT03190008DLDAQ24681357\nDCSMCDAGAN\nDACDAISY";
        let found = pairs(text);
        assert_eq!(found[0], ("DCS", "MCDAGAN".to_owned()));
        assert_eq!(found[1], ("DAC", "DAISY".to_owned()));
        assert_eq!(found[2], ("DAQ", "24681357".to_owned()));
    }

    #[test]
    fn concatenated_fields_are_split() {
        let text = "DCSSMITHDACJOHNDBB01021990DBA01022030DAJTXDAQ12345";
        assert_eq!(value(text, "DCS").as_deref(), Some("SMITH"));
        assert_eq!(value(text, "DAC").as_deref(), Some("JOHN"));
        assert_eq!(value(text, "DBB").as_deref(), Some("01021990"));
        assert_eq!(value(text, "DAJ").as_deref(), Some("TX"));
        assert_eq!(value(text, "DAQ").as_deref(), Some("12345"));
    }

    #[test]
    fn element_ids_inside_names_are_not_boundaries() {
        let text = "DCSDACOSTADACDAWNDADHOLIDAYDBB01021990";
        assert_eq!(value(text, "DCS").as_deref(), Some("DACOSTA"));
        assert_eq!(value(text, "DAC").as_deref(), Some("DAWN"));
        assert_eq!(value(text, "DAD").as_deref(), Some("HOLIDAY"));
    }

    #[test]
    fn names_ending_in_da_keep_their_letters() {
        let text = "DCSMIRANDADACLINDADADNONEDBB01021990";
        assert_eq!(value(text, "DCS").as_deref(), Some("MIRANDA"));
        assert_eq!(value(text, "DAC").as_deref(), Some("LINDA"));
        assert_eq!(value(text, "DAD").as_deref(), Some("NONE"));
    }

    #[test]
    fn a_middle_name_starting_with_an_id_fragment_is_kept() {
        let text = "DACPETRADADAGNESDBB01021990DAG12 ELM ST";
        assert_eq!(value(text, "DAD").as_deref(), Some("AGNES"));
        assert_eq!(value(text, "DAG").as_deref(), Some("12 ELM ST"));
    }

    #[test]
    fn an_empty_element_before_a_date_does_not_hide_the_date() {
        let text = "DCSSMITHDADDBB01021990";
        assert_eq!(value(text, "DBB").as_deref(), Some("01021990"));
    }

    #[test]
    fn a_jurisdiction_subfile_ends_the_last_element() {
        let text = "DCSSMITHDAQ998877ZTZTANZTBX";
        assert_eq!(value(text, "DAQ").as_deref(), Some("998877"));
    }

    #[test]
    fn strict_values_are_checked() {
        assert!(value_fits(Rule::Date, b"12312000"));
        assert!(!value_fits(Rule::Date, b"1231200"));
        assert!(value_fits(Rule::Postal, b"T2P1J9"));
        assert!(!value_fits(Rule::Postal, b"DAKOTA"));
        assert!(!value_fits(Rule::Code3(EYES), b"AC"));
        assert!(!value_fits(Rule::State, b"T"));
    }

    #[test]
    fn garbage_gives_no_elements_or_harmless_ones() {
        assert!(elements("").is_empty());
        assert!(elements("D").is_empty());
        assert!(elements("DC").is_empty());
        assert_eq!(pairs("DCS"), vec![("DCS", String::new())]);
        let _ = elements("DDDDDDDDDDDDDDDDDDDDDDDDZZZZZZZDADADADADADA\u{e9}DAC\u{1F600}DCS");
    }
}
