//! Each socket's bounded outgoing queue. Views are complete, so a newer `lane.view` replaces an
//! older one of the same lane still waiting: a slow tablet gets the latest state, not a backlog,
//! and never slows anyone else. A socket whose queue still overflows is closed.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use parking_lot::Mutex;
use tokio::sync::Notify;

/// Messages waiting at most (views of different lanes plus events).
pub const CAPACITY: usize = 64;

#[derive(Debug)]
enum Item {
    View { lane: String, text: Arc<str> },
    Event(Arc<str>),
}

#[derive(Debug, Default)]
struct State {
    queue: VecDeque<Item>,
    newest_view: HashMap<String, i64>,
    closed: bool,
}

/// One socket's queue, shared by the hub (producer) and the socket task (consumer).
#[derive(Debug, Default)]
pub struct Outbox {
    state: Mutex<State>,
    ready: Notify,
}

impl Outbox {
    /// Queues a view unless a newer one of that lane was already queued or sent; a waiting
    /// older view of the same lane is replaced in place.
    pub fn push_view(&self, lane: &str, rev: i64, text: Arc<str>) {
        let mut st = self.state.lock();
        if st.closed || st.newest_view.get(lane).is_some_and(|newest| *newest > rev) {
            return;
        }
        st.newest_view.insert(lane.to_owned(), rev);
        let waiting = st.queue.iter_mut().find(|i| matches!(i, Item::View { lane: l, .. } if l == lane));
        match waiting {
            Some(item) => *item = Item::View { lane: lane.to_owned(), text },
            None => st.queue.push_back(Item::View { lane: lane.to_owned(), text }),
        }
        Self::bound(&mut st);
        drop(st);
        self.ready.notify_one();
    }

    /// Queues an ephemeral event.
    pub fn push_event(&self, text: Arc<str>) {
        let mut st = self.state.lock();
        if st.closed {
            return;
        }
        st.queue.push_back(Item::Event(text));
        Self::bound(&mut st);
        drop(st);
        self.ready.notify_one();
    }

    /// Over capacity: drop the oldest events first (they carry no state); if only views are
    /// left, the socket cannot keep up and is closed.
    fn bound(st: &mut State) {
        while st.queue.len() > CAPACITY {
            match st.queue.iter().position(|i| matches!(i, Item::Event(_))) {
                Some(pos) => {
                    st.queue.remove(pos);
                }
                None => {
                    st.closed = true;
                    st.queue.clear();
                }
            }
        }
    }

    /// Closes the queue; the socket task ends.
    pub fn close(&self) {
        self.state.lock().closed = true;
        self.ready.notify_one();
    }

    /// Whether the queue was closed (by the hub, or for overflowing).
    pub fn is_closed(&self) -> bool {
        self.state.lock().closed
    }

    /// The next message to send; `None` once closed.
    pub async fn next(&self) -> Option<Arc<str>> {
        loop {
            {
                let mut st = self.state.lock();
                if st.closed {
                    return None;
                }
                if let Some(item) = st.queue.pop_front() {
                    return Some(match item {
                        Item::View { text, .. } | Item::Event(text) => text,
                    });
                }
            }
            self.ready.notified().await;
        }
    }

    /// Messages waiting (for tests and metrics).
    pub fn len(&self) -> usize {
        self.state.lock().queue.len()
    }

    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Arc<str> {
        Arc::from(s)
    }

    #[test]
    fn a_newer_view_replaces_the_waiting_one_of_its_lane() {
        let outbox = Outbox::default();
        outbox.push_view("lane-1", 1, text("v1"));
        outbox.push_event(text("e"));
        outbox.push_view("lane-1", 2, text("v2"));
        outbox.push_view("lane-2", 1, text("w1"));
        outbox.push_view("lane-1", 1, text("stale"));
        assert_eq!(outbox.len(), 3);
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let got: Vec<String> = rt
            .block_on(async { vec![outbox.next().await, outbox.next().await, outbox.next().await] })
            .into_iter()
            .map(|t| t.unwrap().to_string())
            .collect();
        assert_eq!(got, ["v2", "e", "w1"]);
    }

    #[test]
    fn events_are_dropped_before_the_socket_is_closed() {
        let outbox = Outbox::default();
        for i in 0..CAPACITY + 10 {
            outbox.push_event(text(&format!("e{i}")));
        }
        assert_eq!(outbox.len(), CAPACITY);
        assert!(!outbox.is_closed());
        for i in 0..=CAPACITY {
            outbox.push_view(&format!("lane-{i}"), 1, text("v"));
        }
        assert!(outbox.is_closed(), "views that cannot fit close the socket");
    }
}
