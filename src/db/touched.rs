//! What the current thread's transaction changed that screens count: the club's stock (holds
//! placed or released, units assigned, freed or cleaned, upgrades queued). The write sites mark
//! it; the lane command that ran them reads the mark after commit and re-reads the stock only
//! then, instead of after every command. Diesel work runs on one blocking thread from start to
//! commit, so a thread-local mark belongs to exactly one transaction at a time. The upgrade
//! waitlist is marked the same way, with the entries that changed (`waitlist.changed`).

use std::cell::{Cell, RefCell};

use super::ids::WaitlistId;

thread_local! {
    static STOCK: Cell<bool> = const { Cell::new(false) };
    static STAYS: Cell<bool> = const { Cell::new(false) };
    static WAITLIST: RefCell<Vec<WaitlistId>> = const { RefCell::new(Vec::new()) };
}

/// Marks that a waitlist entry changed (created, offered, expired, completed, cancelled).
pub fn waitlist(entry: WaitlistId) {
    WAITLIST.with(|mark| {
        let mut mark = mark.borrow_mut();
        if !mark.contains(&entry) {
            mark.push(entry);
        }
    });
}

/// The entries marked since the last [`take_waitlist`], clearing the mark.
pub fn take_waitlist() -> Vec<WaitlistId> {
    WAITLIST.with(|mark| std::mem::take(&mut *mark.borrow_mut()))
}

/// The entries marked, leaving the mark as it is.
pub fn waitlist_marked() -> Vec<WaitlistId> {
    WAITLIST.with(|mark| mark.borrow().clone())
}

/// Marks that the stock changed (called by the write sites).
pub fn stock() {
    STOCK.with(|mark| mark.set(true));
}

/// Marks that an open stay changed in a way the counts do not show (a checkout time moved by a
/// renewal, a customer moved by an upgrade): the stock push goes out even when the counts are
/// the same, so that the due board and the inventory board re-read.
pub fn stays() {
    stock();
    STAYS.with(|mark| mark.set(true));
}

/// Whether the stock was marked since the last [`take_stock`], clearing the mark.
pub fn take_stock() -> bool {
    STOCK.with(|mark| mark.replace(false))
}

/// Whether [`stays`] was marked since the last call, clearing the mark.
pub fn take_stays() -> bool {
    STAYS.with(|mark| mark.replace(false))
}

/// Whether [`stays`] was marked, leaving the mark as it is.
pub fn stays_marked() -> bool {
    STAYS.with(Cell::get)
}

/// Whether the stock was marked, leaving the mark as it is.
pub fn stock_marked() -> bool {
    STOCK.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_read_once_and_stays_on_its_thread() {
        take_stock();
        assert!(!stock_marked());
        stock();
        assert!(stock_marked());
        assert!(!std::thread::spawn(stock_marked).join().unwrap());
        assert!(take_stock());
        assert!(!take_stock());
        take_stays();
        stays();
        assert!(stock_marked() && stays_marked());
        assert!(take_stays() && take_stock());
        assert!(!stays_marked());
    }

    #[test]
    fn waitlist_marks_collect_each_entry_once() {
        take_waitlist();
        let (a, b) = (WaitlistId::new(), WaitlistId::new());
        waitlist(a);
        waitlist(b);
        waitlist(a);
        assert_eq!(waitlist_marked(), vec![a, b]);
        assert_eq!(take_waitlist(), vec![a, b]);
        assert!(take_waitlist().is_empty());
    }
}
