//! Dossier: drop a folder of news articles, see who is mentioned, when, and who
//! said what. Everything runs locally.
//!
//! ```text
//! folder ─► ingest (walk, decode, parse, date) ─► Article
//!        ─► index (tantivy + manifest, in the app-data folder)
//!        ─► cli (JSON lines) and ui (eframe)
//! ```
//! Modules only import modules listed above them; `cli` and `ui` never import each other.

pub mod model;
pub mod ingest;
pub mod storage;
pub mod index;
pub mod pipeline;
pub mod jobs;
pub mod sample;
pub mod cli;
pub mod ui;
