//! Portable SQL types: `Uuid` (native `uuid` on PostgreSQL, hyphenated TEXT on SQLite) and
//! `UtcTimestamp` (native `timestamptz` on PostgreSQL, fixed-width UTC TEXT on SQLite, so that
//! text order is time order and CHECKs like `starts_at < ends_at` hold on both).

use std::io::Write;

use chrono::{DateTime, SecondsFormat, Utc};
use diesel::deserialize::{self, FromSql};
use diesel::pg::{Pg, PgValue};
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{HasSqlType, Text};
use diesel::sqlite::{Sqlite, SqliteValue};

use super::MultiBackend;

/// A UUID column.
#[derive(Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId)]
#[diesel(postgres_type(oid = 2950, array_oid = 2951))]
#[diesel(sqlite_type(name = "Text"))]
pub struct Uuid;

/// A UTC timestamp column.
#[derive(Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId)]
#[diesel(postgres_type(oid = 1184, array_oid = 1185))]
#[diesel(sqlite_type(name = "Text"))]
pub struct UtcTimestamp;

impl HasSqlType<Uuid> for MultiBackend {
    fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
        MultiBackend::lookup_sql_type::<Uuid>(lookup)
    }
}

impl HasSqlType<UtcTimestamp> for MultiBackend {
    fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
        MultiBackend::lookup_sql_type::<UtcTimestamp>(lookup)
    }
}

// ------------------------------------------------------------------------------- uuid

impl ToSql<Uuid, Pg> for uuid::Uuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(self.as_bytes())?;
        Ok(IsNull::No)
    }
}

impl FromSql<Uuid, Pg> for uuid::Uuid {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        Ok(uuid::Uuid::from_slice(value.as_bytes())?)
    }
}

impl ToSql<Uuid, Sqlite> for uuid::Uuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.hyphenated().to_string());
        Ok(IsNull::No)
    }
}

impl FromSql<Uuid, Sqlite> for uuid::Uuid {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Sqlite>>::from_sql(value)?;
        Ok(text.parse()?)
    }
}

// -------------------------------------------------------------------------- timestamptz

/// The one text form of a timestamp on SQLite: `2026-11-22T03:10:36.123456Z`.
pub fn sqlite_timestamp_text(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

impl ToSql<UtcTimestamp, Pg> for DateTime<Utc> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <DateTime<Utc> as ToSql<diesel::sql_types::Timestamptz, Pg>>::to_sql(self, out)
    }
}

impl FromSql<UtcTimestamp, Pg> for DateTime<Utc> {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        <DateTime<Utc> as FromSql<diesel::sql_types::Timestamptz, Pg>>::from_sql(value)
    }
}

impl ToSql<UtcTimestamp, Sqlite> for DateTime<Utc> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(sqlite_timestamp_text(self));
        Ok(IsNull::No)
    }
}

impl FromSql<UtcTimestamp, Sqlite> for DateTime<Utc> {
    fn from_sql(value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Sqlite>>::from_sql(value)?;
        Ok(DateTime::parse_from_rfc3339(&text)?.with_timezone(&Utc))
    }
}

// ------------------------------------------------------------ the multi-backend glue

impl ToSql<UtcTimestamp, MultiBackend> for DateTime<Utc> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((UtcTimestamp, self));
        Ok(IsNull::No)
    }
}

impl FromSql<UtcTimestamp, MultiBackend> for DateTime<Utc> {
    fn from_sql(bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        bytes.from_sql::<DateTime<Utc>, UtcTimestamp>()
    }
}

/// A UTC instant as stored in a `UtcTimestamp` column. Foreign types cannot be given diesel
/// expressions for a custom SQL type, so values are bound and read through this newtype;
/// it derefs to `DateTime<Utc>` and converts both ways.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = UtcTimestamp)]
#[serde(transparent)]
pub struct Ts(pub DateTime<Utc>);

impl ToSql<UtcTimestamp, MultiBackend> for Ts {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((UtcTimestamp, &self.0));
        Ok(IsNull::No)
    }
}

impl FromSql<UtcTimestamp, MultiBackend> for Ts {
    fn from_sql(bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        bytes.from_sql::<DateTime<Utc>, UtcTimestamp>().map(Ts)
    }
}

impl From<DateTime<Utc>> for Ts {
    fn from(at: DateTime<Utc>) -> Self {
        Self(at)
    }
}

impl From<Ts> for DateTime<Utc> {
    fn from(ts: Ts) -> Self {
        ts.0
    }
}

impl std::ops::Deref for Ts {
    type Target = DateTime<Utc>;
    fn deref(&self) -> &DateTime<Utc> {
        &self.0
    }
}

impl std::fmt::Display for Ts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(SecondsFormat::Micros, true))
    }
}
