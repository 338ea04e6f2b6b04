//! `customers`: identity (the check-in issue adds identification and matching).

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::ids::CustomerId;
use crate::db::schema::customers;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::Language;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// What the screens and rules need of a customer.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = customers, check_for_backend(MultiBackend))]
pub struct Customer {
    /// id
    pub id: CustomerId,
    /// full name
    pub name: String,
    /// date of birth
    pub dob: Option<NaiveDate>,
    /// membership number
    pub membership_number: Option<String>,
    /// NONE or SIX_MONTH
    pub membership_card_type: String,
    /// valid through (inclusive)
    pub membership_valid_until: Option<NaiveDate>,
    /// preferred language
    pub primary_language: Option<Language>,
    /// banned while in the future
    pub banned_until: Option<Ts>,
    /// owed
    pub past_due_cents: i64,
    /// staff notes
    pub notes: String,
    /// ID expiry (from scans)
    pub id_expires_on: Option<NaiveDate>,
}

impl Customer {
    /// A customer by id.
    pub fn find(conn: &mut DbConn, id: CustomerId) -> QueryResult<Option<Customer>> {
        customers::table.find(id).select(Customer::as_select()).first(conn).optional()
    }

    /// The name a kiosk may greet with: the first word only.
    pub fn first_name(&self) -> String {
        self.name.split_whitespace().next().unwrap_or_default().to_owned()
    }

    /// Customers by exact column match (lookup hashes, membership number), oldest first.
    pub fn by_id_scan_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Vec<Customer>> {
        customers::table.filter(customers::id_scan_hash.eq(hash)).order(customers::created_at).select(Customer::as_select()).load(conn)
    }

    /// Customers whose ID number hashes to `hash`, oldest first.
    pub fn by_id_number_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Vec<Customer>> {
        customers::table.filter(customers::id_number_hash.eq(hash)).order(customers::created_at).select(Customer::as_select()).load(conn)
    }

    /// Customers with this membership number, oldest first.
    pub fn by_membership_number(conn: &mut DbConn, number: &str) -> QueryResult<Vec<Customer>> {
        customers::table
            .filter(customers::membership_number.eq(number))
            .order(customers::created_at)
            .select(Customer::as_select())
            .load(conn)
    }

    /// Up to 200 customers born on `dob`, oldest first (fuzzy matching candidates).
    pub fn born_on(conn: &mut DbConn, dob: NaiveDate) -> QueryResult<Vec<Customer>> {
        customers::table.filter(customers::dob.eq(dob)).order(customers::created_at).limit(200).select(Customer::as_select()).load(conn)
    }

    /// Name or exact membership-number search, up to 20. The name matches when it contains
    /// every word of the query in any order and case, so "Rivera, Marisol" (as the screens
    /// show names), "marisol rivera" and "Rivera Mari" all find Marisol Rivera.
    pub fn search(conn: &mut DbConn, query: &str) -> QueryResult<Vec<Customer>> {
        type Condition = Box<dyn BoxableExpression<customers::table, MultiBackend, SqlType = diesel::sql_types::Bool>>;
        let words = search_words(query);
        let mut by_name: Condition =
            Box::new(diesel::dsl::sql::<diesel::sql_types::Bool>(if words.is_empty() { "1 = 0" } else { "1 = 1" }));
        for word in words {
            by_name = Box::new(by_name.and(lower(customers::name).like(format!("%{word}%"))));
        }
        customers::table
            .filter(by_name.or(customers::membership_number.eq(query)))
            .order(customers::name)
            .limit(20)
            .select(Customer::as_select())
            .load(conn)
    }

    /// Stores the language so a returning customer is not asked again.
    pub fn set_language(conn: &mut DbConn, id: CustomerId, language: Language, at: Ts) -> QueryResult<()> {
        crate::db::cached::Reusable(
            diesel::update(customers::table.find(id)).set((customers::primary_language.eq(language), customers::updated_at.eq(at))),
        )
        .execute(conn)
        .map(drop)
    }
}

/// The words of a name search: lower case, split at white space and commas, without the
/// `LIKE` wildcards `%` and `_`.
fn search_words(query: &str) -> Vec<String> {
    query
        .to_lowercase()
        .replace(['%', '_'], "")
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::search_words;

    #[test]
    fn a_search_is_its_words_in_lower_case() {
        assert_eq!(search_words("Rivera, Marisol"), ["rivera", "marisol"]);
        assert_eq!(search_words("  marisol   RIVERA "), ["marisol", "rivera"]);
        assert_eq!(search_words("rivera,marisol"), ["rivera", "marisol"]);
        assert_eq!(search_words("O'Brien-Núñez"), ["o'brien-núñez"]);
        assert_eq!(search_words("50%_off"), ["50off"]);
        assert!(search_words(" , %_ ").is_empty());
    }
}
