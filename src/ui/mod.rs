//! The desktop window (eframe/egui). The only module that imports egui, eframe
//! and rfd. It holds no domain logic: it starts jobs, drains their events and
//! draws plain data from the opened corpus.

mod app;

pub use app::{App, StartupOptions};
