//! Stores the domain enumerations as TEXT (the database holds a CHECK listing the values).

use diesel::deserialize::{self, FromSql, Queryable};
use diesel::expression::AsExpression;
use diesel::internal::derives::as_expression::Bound;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{Nullable, Text};

use super::MultiBackend;
use crate::domain::enums::*;

macro_rules! text_column {
    ($($t:ty),* $(,)?) => {$(
        impl ToSql<Text, MultiBackend> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                out.set_value((Text, self.as_str()));
                Ok(IsNull::No)
            }
        }
        impl ToSql<Nullable<Text>, MultiBackend> for $t {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                ToSql::<Text, MultiBackend>::to_sql(self, out)
            }
        }
        impl FromSql<Text, MultiBackend> for $t {
            fn from_sql(bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                let text: String = bytes.from_sql::<String, Text>()?;
                Ok(text.parse::<$t>()?)
            }
        }
        impl Queryable<Text, MultiBackend> for $t {
            type Row = Self;
            fn build(row: Self) -> deserialize::Result<Self> {
                Ok(row)
            }
        }
        text_column!(@expr $t, Text);
        text_column!(@expr $t, Nullable<Text>);
    )*};
    (@expr $t:ty, $sql:ty) => {
        impl AsExpression<$sql> for $t {
            type Expression = Bound<$sql, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }
        impl<'a> AsExpression<$sql> for &'a $t {
            type Expression = Bound<$sql, Self>;
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }
    };
}

text_column!(
    LaneSessionStatus,
    RentalType,
    RoomType,
    InventoryStatus,
    BlockType,
    PaymentStatus,
    PaymentMethod,
    WaitlistStatus,
    StaffRole,
    Language,
    HoldKind,
    ResourceType,
    ActorType,
    IdentityMethod,
    SignatureMethod,
);
