//! Membership cards (reference §3.4): a scan that is not an AAMVA ID is read as a membership
//! barcode. A membership number is 4 to 20 characters: digits, optionally after one letter
//! prefix ("M12345").

/// Shortest accepted membership number, prefix included.
const MIN_LEN: usize = 4;
/// Longest accepted membership number, prefix included.
const MAX_LEN: usize = 20;

/// The membership number in a non-AAMVA barcode scan, upper-cased; `None` when the trimmed
/// scan is not 4–20 characters of digits with an optional single leading letter.
pub fn membership_number(raw: &str) -> Option<String> {
    let text = raw.trim();
    if !(MIN_LEN..=MAX_LEN).contains(&text.len()) {
        return None;
    }
    let mut chars = text.chars();
    let first = chars.next()?;
    let digits = chars.as_str();
    let first_ok = first.is_ascii_digit() || first.is_ascii_alphabetic();
    let rest_ok = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    (first_ok && rest_ok).then(|| text.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_a_membership_number() {
        assert_eq!(membership_number("  004512\r\n"), Some("004512".to_owned()));
        assert_eq!(membership_number("1234"), Some("1234".to_owned()));
        assert_eq!(membership_number("12345678901234567890"), Some("12345678901234567890".to_owned()));
    }

    #[test]
    fn a_letter_prefix_is_kept_upper_cased() {
        assert_eq!(membership_number("m7781"), Some("M7781".to_owned()));
        assert_eq!(membership_number("M123"), Some("M123".to_owned()));
    }

    #[test]
    fn other_shapes_are_refused() {
        for bad in ["", "123", "123456789012345678901", "MM1234", "12 34", "1234A", "M", "@ANSI 6360", "१२३४५", "é1234"] {
            assert_eq!(membership_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn huge_input_is_refused_without_panicking() {
        assert_eq!(membership_number(&"9".repeat(1_000_000)), None);
    }
}
