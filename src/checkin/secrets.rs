//! The club's server-side secrets, generated on first use and kept in `club_secrets` (so a
//! backup keeps matching returning customers). Today: the key of the keyed hashes of ID data.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use rand_core::{OsRng, RngCore};

use crate::db::DbConn;
use crate::db::schema::club_secrets;
use crate::db::sql_types::Ts;
use crate::error::AppError;

const ID_HASH_KEY: &str = "id_hash_key";

/// The key for `domain::identity` hashes, created (32 random bytes) on first use.
pub fn id_hash_key(conn: &mut DbConn, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    let read = |conn: &mut DbConn| club_secrets::table.find(ID_HASH_KEY).select(club_secrets::value).first::<String>(conn).optional();
    let value = match read(conn)? {
        Some(value) => value,
        None => {
            let mut key = [0u8; 32];
            OsRng.fill_bytes(&mut key);
            // Two processes may race to create it: the primary key keeps the first one.
            let inserted = crate::db::write_tx(conn, |c| {
                diesel::insert_into(club_secrets::table)
                    .values((
                        club_secrets::name.eq(ID_HASH_KEY),
                        club_secrets::value.eq(STANDARD.encode(key)),
                        club_secrets::created_at.eq(Ts(now)),
                    ))
                    .execute(c)
            });
            if let Err(err) = inserted
                && !matches!(err, diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _))
            {
                return Err(err.into());
            }
            read(conn)?.ok_or(AppError::Internal("id hash key missing".into()))?
        }
    };
    STANDARD.decode(value).map_err(|e| AppError::Internal(e.to_string()))
}
