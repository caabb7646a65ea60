//! Background work for the GUI: runs [`pipeline::index_folder`] on a named
//! thread and streams [`JobEvent`]s back over a bounded channel. `wake` runs
//! after each event (the GUI passes `ctx.request_repaint`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TrySendError};

use crate::pipeline::{self, Corpus, IndexOptions, Progress, Summary};

/// What an indexing job reports.
pub enum JobEvent {
    /// Files read so far.
    Progress(Progress),
    /// The run ended: the opened corpus and its summary, or an error message.
    Finished(Result<Box<(Summary, Corpus)>, String>),
}

/// A running indexing job.
pub struct Job {
    /// The folder being indexed.
    pub folder: PathBuf,
    /// Events from the worker; `Disconnected` before `Finished` means it died.
    pub events: Receiver<JobEvent>,
    cancel: Arc<AtomicBool>,
}

impl Job {
    /// Asks the worker to stop after its current batch (what was read is kept).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once [`Self::cancel`] was called.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Starts indexing `folder` into its data folder (`data_dir`, or the default one).
pub fn spawn_indexing(
    folder: PathBuf,
    data_dir: Option<PathBuf>,
    options: IndexOptions,
    wake: impl Fn() + Send + 'static,
) -> std::io::Result<Job> {
    let (tx, events) = mpsc::sync_channel(64);
    let cancel = Arc::new(AtomicBool::new(false));
    let cancelled = Arc::clone(&cancel);
    let job_folder = folder.clone();
    std::thread::Builder::new()
        .name("index_folder".to_owned())
        .spawn(move || {
            let result = data_dir
                .map_or_else(|| crate::storage::corpus_dir(&folder), Ok)
                .map_err(|e| format!("cannot open {}: {e}", folder.display()))
                .and_then(|dir| {
                    let progress = |p: &Progress| {
                        // A full channel means the UI is behind; it will get the next one.
                        if let Err(TrySendError::Full(_)) =
                            tx.try_send(JobEvent::Progress(p.clone()))
                        {}
                        wake();
                    };
                    pipeline::index_folder(&folder, &dir, &options, &cancelled, &progress)
                        .map_err(|e| format!("{e:#}"))
                });
            tx.send(JobEvent::Finished(result.map(Box::new))).ok(); // Fails only if the UI is gone.
            wake();
        })?;
    Ok(Job {
        folder: job_folder,
        events,
        cancel,
    })
}
