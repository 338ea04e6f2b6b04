//! The threads that hash and verify PINs. Argon2 costs ~19 MiB and tens of milliseconds per
//! call, so it runs here, a fixed few at a time, never on the threads that serve the database
//! and never inside a transaction. A full queue is refused at once (429): a login flood
//! costs a bounded amount of memory and CPU, and every other request keeps its threads.

use std::sync::mpsc::{self, SyncSender, TrySendError};
use std::thread;

use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Why a job did not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PoolError {
    /// every worker is busy and the queue is full
    #[error("PIN checks are busy")]
    Busy,
    /// the workers are gone (only at shutdown)
    #[error("PIN workers stopped")]
    Stopped,
}

/// A fixed set of worker threads with a bounded queue.
#[derive(Debug, Clone)]
pub struct PinPool {
    jobs: SyncSender<Job>,
}

impl PinPool {
    /// Starts `workers` threads taking jobs from a queue of `queue` places. A thread the
    /// system refuses is logged; with none at all every job answers `Stopped`.
    pub fn start(workers: usize, queue: usize) -> Self {
        let (jobs, rx) = mpsc::sync_channel::<Job>(queue);
        let rx = std::sync::Arc::new(parking_lot::Mutex::new(rx));
        for n in 0..workers.max(1) {
            let rx = rx.clone();
            let started = thread::Builder::new().name(format!("pin-{n}")).spawn(move || {
                loop {
                    let job = rx.lock().recv();
                    match job {
                        Ok(job) => job(),
                        Err(_) => break,
                    }
                }
            });
            if let Err(err) = started {
                tracing::error!(error = %err, "cannot start a PIN worker thread");
            }
        }
        Self { jobs }
    }

    /// Queues `f` at once (or refuses it) and returns the future of its answer, which waits
    /// without blocking the caller's thread.
    pub fn run<T, F>(&self, f: F) -> impl Future<Output = Result<T, PoolError>> + use<T, F>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = tx.send(f());
        });
        let queued = self.jobs.try_send(job).map_err(|e| match e {
            TrySendError::Full(_) => PoolError::Busy,
            TrySendError::Disconnected(_) => PoolError::Stopped,
        });
        async move {
            queued?;
            rx.await.map_err(|_| PoolError::Stopped)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::Barrier;

    fn block_on<F: Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f)
    }

    #[test]
    fn jobs_run_off_the_caller_and_answer() {
        let pool = PinPool::start(1, 4);
        let caller = thread::current().id();
        let (answer, worker) = block_on(pool.run(move || (21 * 2, thread::current().id()))).unwrap();
        assert_eq!(answer, 42);
        assert_ne!(worker, caller);
    }

    #[test]
    fn a_full_queue_is_refused_at_once() {
        let pool = PinPool::start(1, 1);
        let gate = Arc::new(Barrier::new(2));
        let (g, started) = (gate.clone(), Arc::new(Barrier::new(2)));
        let s = started.clone();
        // one job runs (blocked on the gate), one waits in the queue, the third is refused
        let running = pool.run(move || {
            s.wait();
            g.wait();
        });
        let running = thread::spawn(move || block_on(running));
        started.wait();
        let queued = pool.run(|| 1);
        let refused = block_on(pool.run(|| 2));
        assert_eq!(refused, Err(PoolError::Busy));
        gate.wait();
        running.join().unwrap().unwrap();
        assert_eq!(block_on(queued), Ok(1));
    }
}
