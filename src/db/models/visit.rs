//! `visits`: a customer's stay.

use diesel::prelude::*;

use crate::db::ids::{CustomerId, VisitId};
use crate::db::schema::visits;
use crate::db::sql_types::Ts;
use crate::db::{DbConn, MultiBackend};

/// A visit row.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = visits, check_for_backend(MultiBackend))]
pub struct Visit {
    /// id
    pub id: VisitId,
    /// whose
    pub customer_id: CustomerId,
    /// since
    pub started_at: Ts,
    /// until (open while none)
    pub ended_at: Option<Ts>,
}

impl Visit {
    /// Opens a visit (the database refuses a second open one per customer).
    pub fn open(conn: &mut DbConn, id: VisitId, customer: CustomerId, at: Ts) -> QueryResult<()> {
        diesel::insert_into(visits::table)
            .values((
                visits::id.eq(id),
                visits::customer_id.eq(customer),
                visits::started_at.eq(at),
                visits::created_at.eq(at),
                visits::updated_at.eq(at),
            ))
            .execute(conn)
            .map(drop)
    }

    /// The customer's open visit, if any.
    pub fn open_for(conn: &mut DbConn, customer: CustomerId) -> QueryResult<Option<Visit>> {
        visits::table
            .filter(visits::customer_id.eq(customer).and(visits::ended_at.is_null()))
            .select(Visit::as_select())
            .first(conn)
            .optional()
    }
}
