//! How `dossier-cli` prints: whole lines only, buffered, stopping at Ctrl-C
//! (exit 130, never half a line) and quietly when the reader of the pipe goes
//! away (`| head -1`: exit 0, no "Broken pipe" error).

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the Ctrl-C handler; commands stop at the next line or batch.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Installs the Ctrl-C handler (once per process).
pub fn install_interrupt_handler() {
    // Fails only when a handler is already installed, which is as good.
    ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::Relaxed)).ok();
}

/// Why a command stopped before its end.
#[derive(Debug, thiserror::Error)]
pub enum Stopped {
    /// Ctrl-C.
    #[error("interrupted")]
    Interrupted,
    /// The reader of stdout went away.
    #[error("output closed")]
    PipeClosed,
}

/// Exit code for an error: 130 after Ctrl-C, 0 when the pipe was closed, else 1.
pub fn exit_code(error: &anyhow::Error) -> i32 {
    match error.downcast_ref::<Stopped>() {
        Some(Stopped::Interrupted) => 130,
        Some(Stopped::PipeClosed) => 0,
        None if is_broken_pipe(error) => 0,
        None => 1,
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Fails with [`Stopped::Interrupted`] once Ctrl-C was pressed.
pub fn check_interrupt() -> anyhow::Result<()> {
    if INTERRUPTED.load(Ordering::Relaxed) {
        return Err(Stopped::Interrupted.into());
    }
    Ok(())
}

/// Lines to stdout, written in blocks of whole lines.
pub struct Lines {
    buffer: Vec<u8>,
}

/// Bytes gathered before a write to stdout.
const BLOCK: usize = 64 * 1024;

impl Lines {
    /// An empty printer.
    pub fn new() -> Self {
        Self {
            buffer: Vec::with_capacity(BLOCK + 1024),
        }
    }

    /// Adds one line (without its line break).
    pub fn line(&mut self, text: impl std::fmt::Display) -> anyhow::Result<()> {
        check_interrupt()?;
        writeln!(self.buffer, "{text}")?;
        if self.buffer.len() >= BLOCK {
            self.flush()?;
        }
        Ok(())
    }

    /// Adds one JSON line.
    pub fn json(&mut self, value: &impl serde::Serialize) -> anyhow::Result<()> {
        check_interrupt()?;
        serde_json::to_writer(&mut self.buffer, value)?;
        self.buffer.push(b'\n');
        if self.buffer.len() >= BLOCK {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes what was gathered.
    pub fn flush(&mut self) -> anyhow::Result<()> {
        let mut out = std::io::stdout().lock();
        let written = out.write_all(&self.buffer).and_then(|()| out.flush());
        self.buffer.clear();
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Stopped::PipeClosed.into()),
            other => Ok(other?),
        }
    }

    /// Writes what is left; call at the end of a command.
    pub fn finish(mut self) -> anyhow::Result<()> {
        check_interrupt()?;
        self.flush()
    }
}

impl Default for Lines {
    fn default() -> Self {
        Self::new()
    }
}
