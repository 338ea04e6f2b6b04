//! CSV cells and lines as the club hands them out (evidence manifests, reports): quoted where
//! needed and guarded against spreadsheet formulas (a leading `=`, `+`, `-`, `@`, tab or CR
//! gets a `'`).

/// One CSV cell.
pub fn cell(value: &str) -> String {
    let guarded = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    };
    if guarded.contains([',', '"', '\n', '\r']) { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}

/// One CSV line (with its line break).
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells.iter().map(|c| cell(c.as_ref())).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}
