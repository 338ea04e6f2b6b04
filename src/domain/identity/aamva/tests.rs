//! Tests of AAMVA parsing. Every sample below was written for these tests; the people,
//! numbers and addresses are invented.

use super::*;
use crate::domain::identity::hashing::identity_hash;

/// A Texas-style PDF417 dump, one element per line, as a wedge scanner types it.
const TEXAS: &str = "@\n\x1e\rANSI 636015090002DL00410278ZT03190008DLDAQ24681357\n\
DCSMERIWETHER\nDDEN\nDACJANELLE\nDDFN\nDADROSE\nDDGN\nDCAC\nDCBNONE\nDCDNONE\n\
DBD01152021\nDBB03141990\nDBA03142029\nDBC2\nDAU065 IN\nDAYBRO\nDAG1200 EXAMPLE BLVD\n\
DAIAUSTIN\nDAJTX\nDAK787010000  \nDCF13579246801357924680\nDCGUSA\nDAZBRO\n\
DCK13579246801357\nDDB07162018\nDDAF\nDDD0\r\rZTZTAN\r";

/// A scanner that dropped every separator: one long line with element IDs inside it.
const CONCATENATED: &str = "@ANSI 636014080002DL00410288ZC03290034DLDAQD7654321\
DCSMIRANDADDENDACLINDADDFNDADNONEDDGNDCACDCBNONEDCDNONEDBD06012022DBB02292000\
DBA02282030DBC2DAU064 INDAYGRNDAG42 SAMPLE AVEDAISACRAMENTODAJCADAK958140000\
DCF2Z8CPTLKQNDCGUSADAZBLKDDAFDDB08292017ZCZCAGRNZCBBLK";

/// A Canadian card: dates are YYYYMMDD.
const ONTARIO: &str = "@\n\x1e\rANSI 636012030001DL00000000DLDAQL1234-56789-01234\n\
DCSLEBLANC-TREMBLAY\nDACELODIE\nDBB19910523\nDBA20290523\nDAJON\nDAKK1A0B1\n";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn scan(raw: &str) -> IdScan {
    parse(raw).expect("an AAMVA scan")
}

#[test]
fn texas_multi_line_dump() {
    let id = scan(TEXAS);
    assert_eq!(id.first_name.as_deref(), Some("JANELLE"));
    assert_eq!(id.last_name.as_deref(), Some("MERIWETHER"));
    assert_eq!(id.full_name, None);
    assert_eq!(id.dob, Some(date(1990, 3, 14)));
    assert_eq!(id.expires_on, Some(date(2029, 3, 14)));
    assert_eq!(id.id_number.as_deref(), Some("24681357"));
    assert_eq!(id.issuing_state.as_deref(), Some("TX"));
    assert_eq!(id.display_name().as_deref(), Some("Janelle Meriwether"));
}

#[test]
fn single_line_with_concatenated_fields() {
    let id = scan(CONCATENATED);
    assert_eq!(id.first_name.as_deref(), Some("LINDA"));
    assert_eq!(id.last_name.as_deref(), Some("MIRANDA"));
    assert_eq!(id.dob, Some(date(2000, 2, 29)));
    assert_eq!(id.expires_on, Some(date(2030, 2, 28)));
    assert_eq!(id.id_number.as_deref(), Some("D7654321"));
    assert_eq!(id.issuing_state.as_deref(), Some("CA"));
}

#[test]
fn single_line_with_spaces_or_tabs_between_fields() {
    let raw = "@ANSI 636020090102DL00410250DL DAQB1234567\tDCSOKAFOR\tDACCHIDI \
               DBB07041985 DBA07042027 DAJNJ\r\n";
    let id = scan(raw);
    assert_eq!(id.id_number.as_deref(), Some("B1234567"));
    assert_eq!(id.display_name().as_deref(), Some("Chidi Okafor"));
    assert_eq!(id.dob, Some(date(1985, 7, 4)));
    assert_eq!(id.expires_on, Some(date(2027, 7, 4)));
    assert_eq!(id.issuing_state.as_deref(), Some("NJ"));
}

#[test]
fn canadian_dates_are_year_first() {
    let id = scan(ONTARIO);
    assert_eq!(id.dob, Some(date(1991, 5, 23)));
    assert_eq!(id.expires_on, Some(date(2029, 5, 23)));
    assert_eq!(id.issuing_state.as_deref(), Some("ON"));
    assert_eq!(id.id_number.as_deref(), Some("L1234-56789-01234"));
    assert_eq!(id.display_name().as_deref(), Some("Elodie Leblanc-Tremblay"));
}

#[test]
fn missing_placeholder_and_impossible_values_are_none() {
    let id = scan("@\nANSI 636015090002DL\nDCSNGUYEN\nDACNONE\nDBB13451990\nDBA99999999\nDAJ\n");
    assert_eq!(id.last_name.as_deref(), Some("NGUYEN"));
    assert_eq!(id.first_name, None);
    assert_eq!(id.dob, None);
    assert_eq!(id.expires_on, None);
    assert_eq!(id.id_number, None);
    assert_eq!(id.issuing_state, None);
    assert_eq!(id.display_name(), None);
}

#[test]
fn an_aamva_scan_without_fields_parses_empty() {
    assert_eq!(parse("@\n\x1e\rANSI 636015090002"), Some(IdScan::default()));
}

#[test]
fn daa_only_names_are_split_from_last_first_middle() {
    let id = scan("@\nANSI 636001030002DL00410220\nDAAPEREZ-WALSH,ROSALIND,M\nDBB08121975\nDAJNY\n");
    assert_eq!(id.last_name.as_deref(), Some("PEREZ-WALSH"));
    assert_eq!(id.first_name.as_deref(), Some("ROSALIND"));
    assert_eq!(id.full_name.as_deref(), Some("ROSALIND M PEREZ-WALSH"));
    assert_eq!(id.display_name().as_deref(), Some("Rosalind Perez-Walsh"));
}

#[test]
fn daa_with_a_suffix_or_without_commas() {
    let with_suffix = scan("@\nDAAQUILL,TOBIAS,EVAN,JR\nDBB08121975\n");
    assert_eq!(with_suffix.full_name.as_deref(), Some("TOBIAS EVAN QUILL JR"));
    let dollar = scan("@\nDAAQUILL$TOBIAS$EVAN\nDBB08121975\n");
    assert_eq!(dollar.first_name.as_deref(), Some("TOBIAS"));
    let plain = scan("@\nDAATOBIAS E QUILL\nDBB08121975\n");
    assert_eq!((&plain.first_name, &plain.last_name), (&None, &None));
    assert_eq!(plain.display_name().as_deref(), Some("Tobias E Quill"));
}

#[test]
fn older_given_names_and_last_name_fallbacks() {
    let id = scan("@\nANSI 6360\nDABFENWICK\nDCTGRETA,LOUISE\nDBB19800101\n");
    assert_eq!(id.first_name.as_deref(), Some("GRETA"));
    assert_eq!(id.last_name.as_deref(), Some("FENWICK"));
    assert_eq!(id.dob, Some(date(1980, 1, 1)));
}

#[test]
fn dci_is_a_state_only_when_it_is_a_bare_code() {
    assert_eq!(scan("@\nDCSA\nDCIVT\n").issuing_state.as_deref(), Some("VT"));
    assert_eq!(scan("@\nDCSA\nDCIBURLINGTON, VT\n").issuing_state, None);
    assert_eq!(scan("@\nDCSA\nDAJme\nDCIVT\n").issuing_state.as_deref(), Some("ME"));
}

#[test]
fn debug_hides_dob_and_id_number() {
    let printed = format!("{:?}", scan(TEXAS));
    assert!(printed.contains("<redacted>"));
    assert!(printed.contains("MERIWETHER"));
    for secret in ["24681357", "1990", "03141990", "03-14", "2029"] {
        assert!(!printed.contains(secret), "{secret} leaked in {printed}");
    }
    let pretty = format!("{:#?}", scan(CONCATENATED));
    assert!(!pretty.contains("D7654321") && !pretty.contains("2000-02-29"));
}

#[test]
fn two_scans_of_the_same_person_hash_the_same() {
    let a = scan("@\nANSI 636015\nDCSQUINTANILLA JR\nDACROBERTO\nDBB11021988\nDAQ11223344\n");
    let b = scan("@ANSI 636015DLDAQ11223344\tDCS  Quintanilla \tDACroberto   luis\tDBB11021988");
    let key = b"test-key";
    let hash = |s: &IdScan| identity_hash(key, s.first_name.as_deref()?, s.last_name.as_deref()?, s.dob?);
    assert!(hash(&a).is_some());
    assert_eq!(hash(&a), hash(&b));
    let other_key = identity_hash(b"other", "ROBERTO", "QUINTANILLA", date(1988, 11, 2));
    assert_ne!(hash(&a), other_key);
}

#[test]
fn detection() {
    assert!(looks_like_aamva("@\n\x1e\rANSI 6360"));
    assert!(looks_like_aamva("  @garbage"));
    assert!(looks_like_aamva("xx ANSI 636015"));
    assert!(looks_like_aamva("AAMVA"));
    assert!(looks_like_aamva("junk\nDAQ12345"));
    assert!(looks_like_aamva("DBD01012020"));
    for not_id in ["", "004512", "M7781", "hello DCS", "ANSI636", "\u{1F600}"] {
        assert!(!looks_like_aamva(not_id), "{not_id:?}");
        assert_eq!(parse(not_id), None, "{not_id:?}");
    }
}

#[test]
fn normalisation() {
    let raw = "  @\r\n\x1e\r ANSI  636015\t\tDL \r\nDCS  DOE \rZTZTAN\r\n\r\n";
    assert_eq!(normalize_scan(raw), "@\nANSI 636015 DL\nDCS DOE");
    assert_eq!(normalize_scan(""), "");
    assert_eq!(normalize_scan("\r\n\t \r"), "");
}

#[test]
fn dates_accept_both_orders_and_refuse_nonsense() {
    assert_eq!(parse_date("02292000"), Some(date(2000, 2, 29)));
    assert_eq!(parse_date("20000229"), Some(date(2000, 2, 29)));
    assert_eq!(parse_date("12311999 trailing"), Some(date(1999, 12, 31)));
    for bad in ["02291999", "19990229", "00000000", "1234567", "", "abcdefgh", "0101185\u{e9}"] {
        assert_eq!(parse_date(bad), None, "{bad:?}");
    }
}

#[test]
fn display_name_capitalises_each_part() {
    let id = IdScan { first_name: Some("MARY-KATE".to_owned()), last_name: Some("O'BRIEN  SMITH".to_owned()), ..IdScan::default() };
    assert_eq!(id.display_name().as_deref(), Some("Mary-Kate O'Brien Smith"));
    let only_first = IdScan { first_name: Some("ANA".to_owned()), ..IdScan::default() };
    assert_eq!(only_first.display_name(), None);
}

/// A tiny deterministic generator, so the garbage is the same on every run.
fn garbage(seed: u64, len: usize) -> String {
    const ALPHABET: [char; 20] =
        ['D', 'A', 'C', 'S', 'B', 'Q', 'Z', 'T', '0', '9', '@', ',', '$', '\n', '\r', ' ', '\t', '\u{1e}', 'é', '😀'];
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ALPHABET[(state >> 33) as usize % ALPHABET.len()]
        })
        .collect()
}

#[test]
fn garbage_never_panics() {
    for seed in 0..2_000 {
        let raw = garbage(seed, (seed % 97) as usize);
        let prefixed = format!("@\n{raw}");
        for text in [raw.as_str(), prefixed.as_str()] {
            let _ = looks_like_aamva(text);
            let _ = normalize_scan(text);
            if let Some(id) = parse(text) {
                let _ = (id.display_name(), format!("{id:?}"));
            }
        }
    }
}

#[test]
fn huge_and_odd_inputs_never_panic() {
    let huge_line = format!("@ANSI {}", "DACDADDBB".repeat(100_000));
    let huge_value = format!("@\nDCS{}\nDAC{}", "X".repeat(500_000), "é".repeat(100_000));
    let odd = ["@", "@\n", "DCS", "DBB", "DBB0101", "@DAJ", "@\u{0}\u{1}\u{7f}", "@ZZZZZTZT", "@日本語DCS名前"];
    assert!(parse(&huge_line).is_some());
    assert_eq!(scan(&huge_value).last_name.map(|n| n.len()), Some(500_000));
    for text in odd {
        let _ = parse(text).map(|id| id.display_name());
    }
}
