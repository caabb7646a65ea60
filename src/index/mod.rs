//! Storage of a corpus: the tantivy full-text index and the manifest of files
//! already read. The only module that imports tantivy.

pub mod check;
pub mod corrections;
pub mod digest;
pub mod manifest;
mod readonly;
pub mod schema;
pub mod store;
pub mod tokenizers;

use std::path::PathBuf;

pub use manifest::{FileEntry, Manifest};
pub use store::{CorpusIndex, Hit, OpenOutcome};

/// Errors of the index layer. The path comes last in every message.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Reading or writing the index folder failed.
    #[error("index I/O error ({source}): {path:?}")]
    Io {
        /// The underlying error.
        source: std::io::Error,
        /// The file or folder.
        path: PathBuf,
    },
    /// tantivy reported an error.
    #[error("index error ({source}): {path:?}")]
    Tantivy {
        /// The underlying error.
        source: tantivy::TantivyError,
        /// The index folder.
        path: PathBuf,
    },
    /// The folder holds an index with another schema.
    #[error("index has an incompatible schema: {path:?}")]
    Incompatible {
        /// The index folder.
        path: PathBuf,
    },
    /// The index folder holds something Dossier did not write: nothing is deleted.
    #[error(
        "the index folder holds {name:?}, which Dossier did not create; nothing was deleted (choose an empty folder): {path:?}"
    )]
    Foreign {
        /// The foreign entry.
        name: String,
        /// The index folder.
        path: PathBuf,
    },
    /// Reading the index failed inside tantivy (damaged files).
    #[error("index damaged ({message}): {path:?}")]
    Damaged {
        /// What went wrong.
        message: String,
        /// The index folder.
        path: PathBuf,
    },
    /// Another process is writing this index.
    #[error("another Dossier process is updating this index; wait for it to finish: {path:?}")]
    Locked {
        /// The index folder.
        path: PathBuf,
    },
    /// The search query could not be parsed.
    #[error("invalid search query: {message}")]
    Query {
        /// What tantivy's parser said.
        message: String,
    },
}
