//! Correcting a customer's record by hand (a misspelt name, a mistyped date of birth, a wrong
//! membership number): which fields really change, with their before and after values for the
//! audit log. Pure: the handler reads the record, this decides, the handler writes.
//!
//! The ID scan's lookup hashes are not recomputed: they identify the ID card, not the spelling
//! on the record, so the same card still finds the corrected customer.

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

/// The fields a correction may touch, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correctable {
    /// full name
    pub name: String,
    /// date of birth
    pub dob: Option<NaiveDate>,
    /// membership number
    pub membership_number: Option<String>,
}

/// What the employee asked for; `None` leaves a field as it is. `membership_number:
/// Some(None)` removes the number.
#[derive(Debug, Clone, Default)]
pub struct Requested {
    /// new name
    pub name: Option<String>,
    /// new date of birth
    pub dob: Option<NaiveDate>,
    /// new membership number, or its removal
    pub membership_number: Option<Option<String>>,
}

/// The outcome: the record after, and the fields that changed (in a fixed order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// the record as it will be
    pub after: Correctable,
    /// changed field names: `name`, `dob`, `membership_number`
    pub changed: Vec<&'static str>,
    /// `{field: {before, after}}` of the changed fields
    pub summary: Value,
}

/// Nothing would change: every requested value equals the stored one, or none was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoChange;

/// Applies `requested` to `before`.
pub fn correct(before: &Correctable, requested: &Requested) -> Result<Correction, NoChange> {
    let mut after = before.clone();
    let mut changed = Vec::new();
    let mut summary = Map::new();
    let mut note = |field: &'static str, was: Value, now: Value| {
        if was != now {
            changed.push(field);
            summary.insert(field.to_owned(), json!({ "before": was, "after": now }));
            true
        } else {
            false
        }
    };
    if let Some(name) = &requested.name
        && note("name", json!(before.name), json!(name))
    {
        after.name = name.clone();
    }
    if let Some(dob) = requested.dob
        && note("dob", json!(before.dob), json!(dob))
    {
        after.dob = Some(dob);
    }
    if let Some(number) = &requested.membership_number
        && note("membership_number", json!(before.membership_number), json!(number))
    {
        after.membership_number = number.clone();
    }
    if changed.is_empty() { Err(NoChange) } else { Ok(Correction { after, changed, summary: Value::Object(summary) }) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Correctable {
        Correctable { name: "Marisol Rivera".into(), dob: "1990-03-14".parse().ok(), membership_number: Some("M-1".into()) }
    }

    #[test]
    fn only_the_fields_that_differ_change() {
        let asked = Requested { name: Some("Marisol Rivera".into()), dob: "1990-03-15".parse().ok(), membership_number: None };
        let c = correct(&record(), &asked).unwrap();
        assert_eq!(c.changed, ["dob"]);
        assert_eq!(c.after.dob, "1990-03-15".parse().ok());
        assert_eq!(c.after.name, "Marisol Rivera");
        assert_eq!(c.summary, json!({ "dob": { "before": "1990-03-14", "after": "1990-03-15" } }));
    }

    #[test]
    fn a_membership_number_can_be_removed() {
        let asked = Requested { membership_number: Some(None), ..Requested::default() };
        let c = correct(&record(), &asked).unwrap();
        assert_eq!((c.changed, c.after.membership_number), (vec!["membership_number"], None));
        assert_eq!(c.summary, json!({ "membership_number": { "before": "M-1", "after": null } }));
    }

    #[test]
    fn all_three_in_order() {
        let asked =
            Requested { name: Some("Marisol Riviera".into()), dob: "1991-03-14".parse().ok(), membership_number: Some(Some("M-2".into())) };
        assert_eq!(correct(&record(), &asked).unwrap().changed, ["name", "dob", "membership_number"]);
    }

    #[test]
    fn the_same_values_or_nothing_is_no_change() {
        assert_eq!(correct(&record(), &Requested::default()), Err(NoChange));
        let same =
            Requested { name: Some("Marisol Rivera".into()), dob: "1990-03-14".parse().ok(), membership_number: Some(Some("M-1".into())) };
        assert_eq!(correct(&record(), &same), Err(NoChange));
        let none = Correctable { membership_number: None, ..record() };
        assert_eq!(correct(&none, &Requested { membership_number: Some(None), ..Requested::default() }), Err(NoChange));
    }
}
