//! Dossier: drop a folder of news articles, see who is mentioned, when, and who
//! said what. Everything runs locally.
//!
//! ```text
//! folder ─► ingest (walk, decode, parse, date) ─► Article
//!        ─► extract (actors, quotes) ─► index (tantivy + manifest, app-data folder)
//!        ─► pipeline (incremental runs) ─► analytics / explore (plain data)
//!        ─► chart (exports) ─► cli (JSON lines) and jobs + ui (eframe window)
//! ```
//! Data flows down that list: `ui` is the only module that uses egui, eframe
//! or rfd, and `cli` and `ui` never import each other.

pub mod analytics;
pub mod chart;
pub mod cli;
pub mod csv;
pub mod explore;
pub mod extract;
pub mod i18n;
pub mod index;
pub mod ingest;
pub mod jobs;
pub mod model;
pub mod os_open;
pub mod period;
pub mod pipeline;
pub mod sample;
pub mod storage;
pub mod ui;
