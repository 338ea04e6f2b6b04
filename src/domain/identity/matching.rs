//! Name matching for identity resolution (reference §3.4, flows.md §1 step 1): exact token
//! equality, then a fuzzy pass over the customers who share the scanned date of birth using
//! Jaro-Winkler on the first and last tokens, tolerant of first/last being swapped.

use strsim::jaro_winkler;

use super::names::key_tokens;

/// Minimum mean of the first- and last-name scores.
pub const MIN_OVERALL: f64 = 0.88;
/// Minimum last-name score.
pub const MIN_LAST: f64 = 0.90;
/// Minimum first-name score.
pub const MIN_FIRST: f64 = 0.85;
/// Added to the ranking score of a candidate whose stored ID number matches the scan.
pub const ID_NUMBER_BONUS: f64 = 1.0;
/// Characters of a token compared; Jaro-Winkler is quadratic and no real name is longer.
const MAX_TOKEN_CHARS: usize = 64;

/// A customer who shares the scanned date of birth.
#[derive(Debug, Clone)]
pub struct Candidate<Id> {
    /// the customer's id
    pub id: Id,
    /// stored first name (or given names)
    pub first: String,
    /// stored last name
    pub last: String,
    /// creation order: lower is older
    pub created_rank: i64,
    /// the customer's stored ID number hash equals the scan's
    pub id_number_matches: bool,
}

/// True when first and last names are equal ignoring case, punctuation, accents and trailing
/// suffixes (first token of the first names, last token of the last names). No swap.
pub fn exact_name_match(first: &str, last: &str, cand_first: &str, cand_last: &str) -> bool {
    match (key_tokens(first, last), key_tokens(cand_first, cand_last)) {
        (Some(scanned), Some(stored)) => scanned == stored,
        _ => false,
    }
}

/// True when the names pass the fuzzy thresholds (either way round); used to check a
/// customer staff picked by hand.
pub fn fuzzy_name_match(first: &str, last: &str, cand_first: &str, cand_last: &str) -> bool {
    match (key_tokens(first, last), key_tokens(cand_first, cand_last)) {
        (Some(scanned), Some(stored)) => fuzzy_score(&scanned, &stored).is_some(),
        _ => false,
    }
}

/// The best fuzzy match among customers who share the scanned date of birth: candidates
/// qualify on the thresholds above; ranking = mean score, plus [`ID_NUMBER_BONUS`] when the
/// ID number matches; equal rankings go to the oldest (lowest `created_rank`).
pub fn best_fuzzy_match<Id: Clone>(first: &str, last: &str, candidates: &[Candidate<Id>]) -> Option<Id> {
    let scanned = key_tokens(first, last)?;
    let mut best: Option<(f64, &Candidate<Id>)> = None;
    for candidate in candidates {
        let Some(stored) = key_tokens(&candidate.first, &candidate.last) else { continue };
        let Some(score) = fuzzy_score(&scanned, &stored) else { continue };
        let bonus = if candidate.id_number_matches { ID_NUMBER_BONUS } else { 0.0 };
        let ranking = score + bonus;
        if best.is_none_or(|(top, holder)| beats(ranking, candidate, top, holder)) {
            best = Some((ranking, candidate));
        }
    }
    best.map(|(_, candidate)| candidate.id.clone())
}

/// Whether a candidate with `ranking` beats the current best.
fn beats<Id>(ranking: f64, candidate: &Candidate<Id>, top: f64, holder: &Candidate<Id>) -> bool {
    ranking > top || (ranking == top && candidate.created_rank < holder.created_rank)
}

/// The overall score of the better orientation that passes the thresholds, if any.
fn fuzzy_score(scanned: &(String, String), stored: &(String, String)) -> Option<f64> {
    let (first, last) = (capped(&scanned.0), capped(&scanned.1));
    let (cand_first, cand_last) = (capped(&stored.0), capped(&stored.1));
    let straight = passing(jaro_winkler(first, cand_first), jaro_winkler(last, cand_last));
    let swapped = passing(jaro_winkler(first, cand_last), jaro_winkler(last, cand_first));
    match (straight, swapped) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The token cut to [`MAX_TOKEN_CHARS`] characters.
fn capped(token: &str) -> &str {
    token.char_indices().nth(MAX_TOKEN_CHARS).map_or(token, |(end, _)| token.get(..end).unwrap_or(token))
}

/// The overall score when the first and last scores pass every threshold.
fn passing(first: f64, last: f64) -> Option<f64> {
    let overall = (first + last) / 2.0;
    (overall >= MIN_OVERALL && last >= MIN_LAST && first >= MIN_FIRST).then_some(overall)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: u32, first: &str, last: &str, rank: i64, id_match: bool) -> Candidate<u32> {
        Candidate { id, first: first.to_owned(), last: last.to_owned(), created_rank: rank, id_number_matches: id_match }
    }

    #[test]
    fn exact_match_ignores_case_punctuation_and_suffix() {
        assert!(exact_name_match("JOHN", "O'NEIL JR", "john", "o neil"));
        assert!(exact_name_match("Renée", "Dubois", "RENEE", "DUBOIS"));
        assert!(!exact_name_match("John", "Oneil", "John", "O'Neil"));
        assert!(!exact_name_match("John", "Smith", "Smith", "John"));
        assert!(!exact_name_match("", "", "", ""));
    }

    #[test]
    fn a_typo_in_the_first_name_matches() {
        let found = best_fuzzy_match("Jonh", "Whitcombe", &[cand(1, "John", "Whitcombe", 0, false)]);
        assert_eq!(found, Some(1));
    }

    #[test]
    fn a_different_first_name_does_not_match() {
        assert_eq!(best_fuzzy_match("Jon", "Whitcombe", &[cand(1, "Jane", "Whitcombe", 0, false)]), None);
    }

    #[test]
    fn a_different_last_name_does_not_match() {
        assert_eq!(best_fuzzy_match("John", "Whitcombe", &[cand(1, "John", "Waters", 0, false)]), None);
    }

    #[test]
    fn swapped_first_and_last_match() {
        let found = best_fuzzy_match("Whitcombe", "Johnathan", &[cand(4, "Johnathan", "Whitcombe", 0, false)]);
        assert_eq!(found, Some(4));
    }

    #[test]
    fn thresholds_are_applied_per_part() {
        let first = jaro_winkler("jonh", "john");
        assert!((MIN_FIRST..1.0).contains(&first));
        assert!(jaro_winkler("jon", "jane") < MIN_FIRST);
        assert_eq!(passing(0.84, 1.0), None);
        assert_eq!(passing(1.0, 0.89), None);
        assert_eq!(passing(0.85, 0.90), None);
        assert!(passing(0.86, 0.90).is_some());
    }

    #[test]
    fn the_closer_name_wins() {
        let candidates = [cand(1, "Johnny", "Whitcombe", 0, false), cand(2, "John", "Whitcomb", 1, false)];
        assert_eq!(best_fuzzy_match("Johnny", "Whitcombe", &candidates), Some(1));
        assert_eq!(best_fuzzy_match("John", "Whitcombe", &candidates), Some(2));
    }

    #[test]
    fn an_id_number_match_decides_a_tie() {
        let candidates = [cand(1, "Jonh", "Whitcombe", 0, false), cand(2, "Jonh", "Whitcombe", 5, true)];
        assert_eq!(best_fuzzy_match("John", "Whitcombe", &candidates), Some(2));
    }

    #[test]
    fn an_id_number_match_outranks_a_slightly_better_name() {
        let candidates = [cand(1, "John", "Whitcombe", 0, false), cand(2, "Jonh", "Whitcombe", 5, true)];
        assert_eq!(best_fuzzy_match("John", "Whitcombe", &candidates), Some(2));
    }

    #[test]
    fn an_id_number_match_alone_does_not_qualify() {
        assert_eq!(best_fuzzy_match("John", "Whitcombe", &[cand(1, "Mary", "Oduya", 0, true)]), None);
    }

    #[test]
    fn the_oldest_wins_on_equal_scores() {
        let candidates =
            [cand(7, "John", "Whitcombe", 30, false), cand(8, "JOHN", "WHITCOMBE", 10, false), cand(9, "john", "whitcombe", 20, false)];
        assert_eq!(best_fuzzy_match("John", "Whitcombe", &candidates), Some(8));
    }

    #[test]
    fn nothing_to_match_gives_none() {
        let none: [Candidate<u32>; 0] = [];
        assert_eq!(best_fuzzy_match("John", "Whitcombe", &none), None);
        assert_eq!(best_fuzzy_match("", "Whitcombe", &[cand(1, "John", "Whitcombe", 0, false)]), None);
        assert_eq!(best_fuzzy_match("John", "Whitcombe", &[cand(1, "", "", 0, true)]), None);
    }

    #[test]
    fn fuzzy_name_match_checks_a_hand_picked_customer() {
        assert!(fuzzy_name_match("Jonh", "Whitcombe", "John", "Whitcombe"));
        assert!(!fuzzy_name_match("Jon", "Whitcombe", "Jane", "Whitcombe"));
    }

    #[test]
    fn long_tokens_are_capped() {
        let long = "a".repeat(200);
        assert_eq!(capped(&long).len(), MAX_TOKEN_CHARS);
        assert_eq!(capped("é".repeat(70).as_str()).chars().count(), MAX_TOKEN_CHARS);
        assert_eq!(capped("bob"), "bob");
    }

    #[test]
    fn garbage_names_do_not_panic() {
        let junk = ["\u{0}", "😀😀", &"x".repeat(100_000), "日本 語"];
        for a in junk {
            for b in junk {
                let _ = best_fuzzy_match(a, b, &[cand(1, b, a, 0, false)]);
                let _ = exact_name_match(a, b, b, a);
            }
        }
    }
}
