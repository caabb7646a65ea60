//! The desktop window (eframe/egui). The only module that imports egui, eframe
//! and rfd. It holds no domain logic: it starts jobs, drains their events and
//! draws plain data from [`crate::explore`].

mod app;
mod evidence;
pub use crate::i18n;
mod panels;

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use eframe::egui;

pub use app::{App, ExportKind, Settings, StartupOptions, ThemePref, ViewState};

pub use i18n::UiLang;

thread_local! {
    /// The language of the window being drawn on this thread.
    static LANG: Cell<UiLang> = const { Cell::new(UiLang::En) };
}

fn set_lang(lang: UiLang) {
    LANG.with(|l| l.set(lang));
}

/// A window string in the current language (see [`i18n`]).
pub(crate) fn t(english: &'static str) -> &'static str {
    i18n::tr(LANG.with(Cell::get), english)
}

/// The folder to open from the program's arguments: the first folder, or the
/// folder of the first file (an article opened with Dossier). macOS process
/// serial numbers (`-psn_…`) and other options are ignored.
pub fn folder_to_open(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Option<std::path::PathBuf> {
    args.into_iter()
        .map(std::path::PathBuf::from)
        .find(|p| !p.to_string_lossy().starts_with('-'))
        .map(|path| {
            if path.is_dir() {
                path
            } else {
                match path.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                    _ => std::path::PathBuf::from("."),
                }
            }
        })
}

/// Folders the operating system asks the running window to open (macOS
/// Apple Events, see [`crate::os_open`]). Requests may come before the window
/// exists: the first one then replaces the last folder or the sample.
#[derive(Clone, Default)]
pub struct OpenRequests(Arc<Mutex<PendingOpens>>);

#[derive(Default)]
struct PendingOpens {
    folder: Option<PathBuf>,
    ctx: Option<egui::Context>,
}

impl OpenRequests {
    /// Queues a folder, or an article file whose folder opens, and wakes the
    /// window. Of several requests before the next frame the newest wins.
    pub fn push(&self, path: PathBuf) {
        let Some(folder) = folder_to_open([path.into_os_string()]) else {
            return;
        };
        let mut pending = self.lock();
        pending.folder = Some(folder);
        if let Some(ctx) = &pending.ctx {
            ctx.request_repaint();
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, PendingOpens> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The window to wake when a request arrives.
    fn attach(&self, ctx: &egui::Context) {
        self.lock().ctx = Some(ctx.clone());
    }

    /// The folder to open now, if one was asked for since the last call.
    fn take(&self) -> Option<PathBuf> {
        self.lock().folder.take()
    }
}

impl std::fmt::Debug for OpenRequests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenRequests")
            .field("folder", &self.lock().folder)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_from_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("article.txt");
        std::fs::write(&file, "x").unwrap();
        let args = |a: &[&std::path::Path]| {
            a.iter()
                .map(|p| p.as_os_str().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            folder_to_open(args(&[dir.path()])),
            Some(dir.path().to_path_buf())
        );
        assert_eq!(
            folder_to_open(args(&[&file])),
            Some(dir.path().to_path_buf())
        );
        assert_eq!(
            folder_to_open(args(&[std::path::Path::new("-psn_0_1234"), dir.path()])),
            Some(dir.path().to_path_buf())
        );
        assert_eq!(
            folder_to_open(args(&[std::path::Path::new("article.txt")])),
            Some(std::path::PathBuf::from("."))
        );
        assert_eq!(folder_to_open(Vec::new()), None);
    }
}
