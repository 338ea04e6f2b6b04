//! Name normalisation shared by ID hashing and customer matching (reference §3.4): lower-case,
//! simple accents folded, punctuation to spaces, spaces collapsed, trailing generational
//! suffixes (jr, sr, ii, iii, iv) dropped. The key of a person is the first token of the first
//! name and the last token of the last name, so "Maria De La Cruz" typed as one full name and a
//! scan with last name "DE LA CRUZ" give the same key.

/// Trailing tokens that are generational suffixes, not part of a name.
const SUFFIXES: [&str; 5] = ["jr", "sr", "ii", "iii", "iv"];

/// Normalises a name for comparison: lower-case, accents folded ("José" → "jose"), every
/// character that is not a letter or digit turned into a space, spaces collapsed, trailing
/// suffix tokens dropped (at least one token is always kept).
pub fn normalize_name(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            folded.push(c);
        } else if let Some(ascii) = fold_accent(c) {
            folded.push_str(ascii);
        } else if is_combining_mark(c) {
            // a decomposed accent: drop it, keep the base letter already pushed
        } else if c.is_alphanumeric() {
            folded.push(c);
        } else {
            folded.push(' ');
        }
    }
    let mut tokens: Vec<&str> = folded.split_whitespace().collect();
    while tokens.len() > 1 && tokens.last().is_some_and(|t| SUFFIXES.contains(t)) {
        tokens.pop();
    }
    tokens.join(" ")
}

/// The first and last tokens of a normalised full name ("Mary Ann Smith Jr." → ("mary",
/// "smith")); `None` unless at least two tokens remain.
pub fn first_and_last_tokens(full: &str) -> Option<(String, String)> {
    let normalized = normalize_name(full);
    let tokens: Vec<&str> = normalized.split_whitespace().collect();
    match tokens.as_slice() {
        [first, .., last] => Some(((*first).to_owned(), (*last).to_owned())),
        _ => None,
    }
}

/// The matching key of a person given separate first and last names: the first token of the
/// normalised first name and the last token of the normalised last name. `None` when either
/// normalises to nothing.
pub fn key_tokens(first: &str, last: &str) -> Option<(String, String)> {
    let first = normalize_name(first);
    let last = normalize_name(last);
    let first = first.split_whitespace().next()?;
    let last = last.split_whitespace().next_back()?;
    Some((first.to_owned(), last.to_owned()))
}

/// Combining diacritical marks (U+0300–U+036F), left over by decomposed input.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The plain-ASCII spelling of a lower-case accented Latin letter.
fn fold_accent(c: char) -> Option<&'static str> {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    };
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_cases_strips_punctuation_and_collapses_spaces() {
        assert_eq!(normalize_name("  O'BRIEN-SMITH,   Pat. "), "o brien smith pat");
        assert_eq!(normalize_name("\tJOHN\t\tQ  "), "john q");
    }

    #[test]
    fn folds_simple_accents_composed_or_decomposed() {
        assert_eq!(normalize_name("José Ñúñez"), "jose nunez");
        assert_eq!(normalize_name("Jose\u{301}"), "jose");
        assert_eq!(normalize_name("Straße"), "strasse");
    }

    #[test]
    fn drops_trailing_suffixes_but_keeps_one_token() {
        assert_eq!(normalize_name("Smith Jr."), "smith");
        assert_eq!(normalize_name("Smith, Sr"), "smith");
        assert_eq!(normalize_name("Henry Ford III"), "henry ford");
        assert_eq!(normalize_name("Ford Jr II"), "ford");
        assert_eq!(normalize_name("Iv"), "iv");
        assert_eq!(normalize_name("Jr Smith"), "jr smith");
    }

    #[test]
    fn empty_and_garbage_normalise_to_empty() {
        assert_eq!(normalize_name(""), "");
        assert_eq!(normalize_name("--- ,,, !!"), "");
        assert_eq!(normalize_name("\u{0}\u{1f}"), "");
    }

    #[test]
    fn first_and_last_tokens_need_two_tokens() {
        assert_eq!(first_and_last_tokens("Mary Ann Smith Jr."), Some(("mary".to_owned(), "smith".to_owned())));
        assert_eq!(first_and_last_tokens("Cher"), None);
        assert_eq!(first_and_last_tokens("Prince Jr"), None);
        assert_eq!(first_and_last_tokens(""), None);
    }

    #[test]
    fn key_tokens_agree_with_a_full_name() {
        let key = key_tokens("MARIA ELENA", "DE LA CRUZ");
        assert_eq!(key, first_and_last_tokens("Maria De La Cruz"));
        assert_eq!(key_tokens("", "Smith"), None);
        assert_eq!(key_tokens("John", "!!"), None);
    }
}
