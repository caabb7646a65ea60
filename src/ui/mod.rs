//! The desktop window (eframe/egui). The only module that imports egui, eframe
//! and rfd. It holds no domain logic: it starts jobs, drains their events and
//! draws plain data from [`crate::explore`].

mod app;
pub mod i18n;
mod panels;

use std::cell::Cell;

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
