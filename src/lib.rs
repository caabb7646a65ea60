//! Dossier: drop a folder of news articles, see who is mentioned, when, and who
//! said what. Everything runs locally.
//!
//! ```text
//! folder ─► ingest (walk, decode, parse, date) ─► Article
//!        ─► index (tantivy + manifest, in the app-data folder)
//!        ─► cli (JSON lines) and ui (eframe)
//! ```
//! Modules only import modules listed above them; `cli` and `ui` never import each other.

pub mod analytics;
pub mod chart;
pub mod cli;
pub mod explore;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod jobs;
pub mod model;
pub mod pipeline;
pub mod sample;
pub mod storage;
pub mod ui;
