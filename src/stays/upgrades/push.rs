//! One upgrade change as one write transaction that then tells the screens: other processes
//! through the notification channel inside the transaction (delivered on commit), this
//! process's sockets after commit — `waitlist.changed` when an entry was marked,
//! `inventory.changed` when a hold was placed or released or a unit moved.

use crate::db::{DbConn, touched, write_tx};
use crate::error::AppError;
use crate::lanes::hub::Hub;
use crate::lanes::notify::{self, Notice};
use crate::lanes::waitlist_push;

/// Runs `f` in a write transaction and pushes what it changed (see the module docs).
pub fn committed<T>(conn: &mut DbConn, hub: &Hub, f: impl FnOnce(&mut DbConn) -> Result<T, AppError>) -> Result<T, AppError> {
    touched::take_stock();
    touched::take_waitlist();
    let result = write_tx(conn, |c| -> Result<_, AppError> {
        let value = f(c)?;
        if touched::stock_marked() {
            notify::announce(c, hub, Notice::Stock { force: false })?;
        }
        let waitlist = waitlist_push::announce(c, hub)?;
        Ok((value, waitlist))
    });
    let stock_moved = touched::take_stock();
    match result {
        Ok((value, waitlist)) => {
            waitlist_push::deliver(hub, waitlist);
            if stock_moved && let Err(err) = hub.stock_changed(conn, false) {
                tracing::warn!(error = %err, "cannot push the club's stock");
            }
            Ok(value)
        }
        Err(err) => {
            waitlist_push::deliver(hub, None);
            Err(err)
        }
    }
}
