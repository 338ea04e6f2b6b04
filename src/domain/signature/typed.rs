//! Typed signatures (issue 15): a customer who cannot draw types their full name. The typed
//! name must be the customer's own name on file, compared as people read names: any case, any
//! run of spaces, with or without accents (an ID scan stores `JOSE GARCIA`, the customer types
//! `José García`), and with a typographic apostrophe equal to a straight one. Everything
//! else — letters, their order, hyphens — must match.

/// Fewest characters of a typed name.
pub const MIN_TYPED_NAME: usize = 2;
/// Most characters of a typed name (a customer's name is at most 200 characters too).
pub const MAX_TYPED_NAME: usize = 200;

/// Whether `typed` names the customer whose name on file is `on_file`.
pub fn typed_name_matches(typed: &str, on_file: &str) -> bool {
    let typed = name_key(typed);
    !typed.is_empty() && typed == name_key(on_file)
}

/// The comparable form of a name: lower case, accents removed, apostrophes made straight,
/// white space collapsed to single spaces and trimmed.
pub fn name_key(name: &str) -> String {
    let folded: String = name.chars().flat_map(char::to_lowercase).filter(|c| !is_combining_mark(*c)).map(fold).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Combining diacritical marks (a decomposed `é` is `e` + U+0301).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// The base letter of a lower-case accented Latin letter; other characters unchanged.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' | '´' => '\'',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_spaces_and_accents_do_not_matter() {
        assert!(typed_name_matches("sam signer", "Sam Signer"));
        assert!(typed_name_matches("  SAM   Signer ", "Sam Signer"));
        assert!(typed_name_matches("José García", "JOSE GARCIA"));
        assert!(typed_name_matches("Jose Garcia", "José García"));
        // decomposed accents (e + U+0301) equal composed ones
        assert!(typed_name_matches("Jose\u{301} Garci\u{301}a", "José García"));
        assert!(typed_name_matches("Ángel Muñoz", "angel munoz"));
        assert!(typed_name_matches("Liam O’Brien", "Liam O'Brien"));
        assert!(typed_name_matches("Zoë\tStraße", "zoe straße"));
    }

    #[test]
    fn another_name_or_part_of_it_does_not_match() {
        assert!(!typed_name_matches("Sam", "Sam Signer"));
        assert!(!typed_name_matches("Signer Sam", "Sam Signer"));
        assert!(!typed_name_matches("Sam Singer", "Sam Signer"));
        assert!(!typed_name_matches("Mary-Jane Roe", "Mary Jane Roe"));
        assert!(!typed_name_matches("   ", "   "));
        assert!(!typed_name_matches("", ""));
    }

    #[test]
    fn the_key_is_lower_case_single_spaced() {
        assert_eq!(name_key("  ÉLODIE\u{a0} de  LA Cruz "), "elodie de la cruz");
    }
}
