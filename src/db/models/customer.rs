//! `customers`: identity (the check-in issue adds identification and matching).

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::ids::CustomerId;
use crate::db::schema::customers;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};
use crate::domain::enums::Language;

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

    /// Stores the language so a returning customer is not asked again.
    pub fn set_language(conn: &mut DbConn, id: CustomerId, language: Language, at: Ts) -> QueryResult<()> {
        diesel::update(customers::table.find(id))
            .set((customers::primary_language.eq(language), customers::updated_at.eq(at)))
            .execute(conn)
            .map(drop)
    }
}
