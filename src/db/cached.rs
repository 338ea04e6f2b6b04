//! The hottest `UPDATE`s as query fragments diesel can keep prepared. Diesel marks every
//! `UpdateStatement` as unsafe to cache (its changeset may vary), so each was parsed and
//! planned again on every call: on PostgreSQL, the bulk of the ≈ 40 updates of a check-in. The
//! SQL here is fixed, portable (plain identifiers, binds placed by each backend) and keyed in
//! the statement cache by its type.

use diesel::backend::Backend;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, Nullable, Text};

/// `UPDATE lanes SET rev = rev + 1 WHERE id = ? [AND rev = expected] RETURNING rev`: the first
/// write of every lane command (`lane_session::bump_rev`).
pub struct BumpRev<'a> {
    /// the lane
    pub lane: &'a str,
    /// only if the lane is still at this revision (`None`: whatever it is)
    pub expected: Option<i64>,
}

impl QueryId for BumpRev<'_> {
    type QueryId = BumpRev<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for BumpRev<'_> {
    type SqlType = BigInt;
}

impl<C> RunQueryDsl<C> for BumpRev<'_> {}

impl<DB> QueryFragment<DB> for BumpRev<'_>
where
    DB: Backend,
    str: ToSql<Text, DB>,
    Option<i64>: ToSql<Nullable<BigInt>, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql("UPDATE lanes SET rev = rev + 1 WHERE id = ");
        out.push_bind_param::<Text, _>(self.lane)?;
        out.push_sql(" AND (");
        out.push_bind_param::<Nullable<BigInt>, _>(&self.expected)?;
        out.push_sql(" IS NULL OR rev = ");
        out.push_bind_param::<Nullable<BigInt>, _>(&self.expected)?;
        out.push_sql(") RETURNING rev");
        Ok(())
    }
}

/// `UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash`: the next link of
/// the audit chain and the hash it follows; the row lock makes concurrent appends queue.
pub struct NextAuditSeq;

impl QueryId for NextAuditSeq {
    type QueryId = NextAuditSeq;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for NextAuditSeq {
    type SqlType = (BigInt, Text);
}

impl<C> RunQueryDsl<C> for NextAuditSeq {}

impl<DB: Backend> QueryFragment<DB> for NextAuditSeq {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash");
        Ok(())
    }
}

/// `UPDATE audit_head SET hash = ? WHERE id = 1`: the chain's new head.
pub struct SetAuditHash<'a>(pub &'a str);

impl QueryId for SetAuditHash<'_> {
    type QueryId = SetAuditHash<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<C> RunQueryDsl<C> for SetAuditHash<'_> {}

impl<DB> QueryFragment<DB> for SetAuditHash<'_>
where
    DB: Backend,
    str: ToSql<Text, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql("UPDATE audit_head SET hash = ");
        out.push_bind_param::<Text, _>(self.0)?;
        out.push_sql(" WHERE id = 1");
        Ok(())
    }
}

/// An `UPDATE` (or another statement diesel will not keep prepared) whose SQL text depends
/// only on which columns it sets, never on the values: kept prepared under its SQL text like
/// any cached statement. Diesel marks every `UPDATE` as unsafe to cache because a changeset
/// with optional fields can render many texts; for a changeset such as
/// `lane_session::SessionChanges` those texts are a few dozen at most, so caching them by
/// text is both correct and bounded, and each command stops parsing and planning its
/// `UPDATE`s anew (on PostgreSQL: the server's parse and plan, on SQLite `sqlite3Prepare`).
/// Never wrap a statement whose text grows with its data (an `IN` list, a batch insert).
pub struct Reusable<Q>(pub Q);

/// The query id of every [`Reusable`] statement: it tells `db::multi`'s cache check that the
/// statement may be kept (diesel asks `is_safe_to_cache_prepared` through a reference, which
/// would reach the wrapped `UPDATE`'s refusal, not an override on the wrapper).
pub struct ReusableSql;

impl<Q> QueryId for Reusable<Q> {
    // keyed by its SQL text, never by its type: one type renders several texts
    type QueryId = ReusableSql;
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Reusable<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, C> RunQueryDsl<C> for Reusable<Q> {}

impl<Q, DB> QueryFragment<DB> for Reusable<Q>
where
    DB: Backend,
    Q: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(out)
    }
}
