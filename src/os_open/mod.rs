//! Folders and files the operating system asks Dossier to open.
//!
//! Windows and Linux start the app with them on the command line ("Open
//! with", a drop on the icon; see `ui::folder_to_open`). macOS sends an "open
//! documents" Apple Event instead — for a folder dropped on the Dock icon,
//! "Open With" in Finder, or `open -a Dossier FOLDER` — at launch and while
//! the app runs. A few lines of Objective-C (`macos.m`, compiled by build.rs
//! for macOS only) receive that event and hand each path to
//! `dossier_open_path` below, which calls the handler given to
//! [`on_open_request`]. This is the crate's only foreign code.

use std::path::PathBuf;
use std::sync::Mutex;

type Handler = Box<dyn Fn(PathBuf) + Send>;

static HANDLER: Mutex<Option<Handler>> = Mutex::new(None);

/// Calls `handler` with every path the operating system asks the running app
/// to open (on macOS; other systems use the command line, and never call it).
/// Call it before the event loop starts: macOS sends the folder Dossier was
/// launched with as soon as launching ends.
pub fn on_open_request(handler: impl Fn(PathBuf) + Send + 'static) {
    let mut slot = HANDLER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *slot = Some(Box::new(handler));
    drop(slot);
    #[cfg(target_os = "macos")]
    ffi::install();
}

/// Hands `path` to the handler, if one is set; a panicking handler must not
/// unwind into the caller's foreign frames.
#[cfg(unix)]
fn deliver(path: PathBuf) {
    let slot = HANDLER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(handler) = slot.as_ref() {
        let call = std::panic::AssertUnwindSafe(|| handler(path));
        if std::panic::catch_unwind(call).is_err() {
            log::error!("the open-request handler panicked");
        }
    }
}

#[cfg(unix)]
#[allow(unsafe_code)]
mod ffi {
    use std::ffi::{CStr, OsStr, c_char};
    use std::os::unix::ffi::OsStrExt;
    use std::path::PathBuf;

    /// Called by `macos.m` for each document, with the path as the file
    /// system's NUL-terminated bytes (not always UTF-8).
    #[unsafe(no_mangle)]
    pub(super) extern "C" fn dossier_open_path(path: *const c_char) {
        if path.is_null() {
            return;
        }
        // SAFETY: the caller passes a NUL-terminated string that stays valid
        // during the call (`-[NSURL fileSystemRepresentation]`); we copy it.
        let bytes = unsafe { CStr::from_ptr(path) }.to_bytes();
        super::deliver(PathBuf::from(OsStr::from_bytes(bytes)));
    }

    #[cfg(target_os = "macos")]
    unsafe extern "C" {
        /// In `macos.m`: installs the Apple Event handler (once).
        fn dossier_install_open_handler();
    }

    #[cfg(target_os = "macos")]
    pub(super) fn install() {
        // SAFETY: takes no arguments; it only registers an Objective-C object
        // with the shared NSAppleEventManager and NSNotificationCenter, and
        // returns at once when called again.
        unsafe { dossier_install_open_handler() }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;
    use std::sync::Arc;

    /// What `macos.m` does with each document: a path's bytes, handed over
    /// as a C string, reach the handler unchanged (non-UTF-8 bytes too); a
    /// null pointer is ignored and a panicking handler does not unwind into
    /// the caller. One test, as the handler is global.
    #[test]
    fn paths_from_the_objective_c_side_reach_the_handler() {
        on_open_request(|_| panic!("handler failure"));
        ffi::dossier_open_path(c"/tmp/x".as_ptr());

        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        on_open_request(move |path| sink.lock().unwrap().push(path));
        ffi::dossier_open_path(c"/Users/ana/Revue de presse".as_ptr());
        ffi::dossier_open_path(c"/tmp/caf\xe9".as_ptr());
        ffi::dossier_open_path(std::ptr::null());
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[0], PathBuf::from("/Users/ana/Revue de presse"));
        assert_eq!(seen[1].as_os_str().as_bytes(), b"/tmp/caf\xe9");
    }
}
