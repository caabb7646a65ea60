//! Checks an index before it is used, so damaged files lead to a rebuild with
//! a note instead of a crash in every later command.
//!
//! Each segment file is verified against the CRC in its footer once, and its
//! size and modification time are then remembered in a ledger
//! ([`LEDGER_FILE`]): segment files never change, so later opens only compare
//! `stat` results and verify again what was touched. Each segment's document
//! count is also compared with its fast fields and document store, which
//! catches a `meta.json` that claims more documents than the segment holds.
//! Everything tantivy does here runs under [`guard`]: a panic inside it means
//! a damaged index, not a crashed program.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::Index;

/// Ledger of verified segment files inside the index folder.
pub const LEDGER_FILE: &str = "dossier-checked.json";

/// File name → (size in bytes, modification time in ns) when its CRC was verified.
#[derive(Default, Serialize, Deserialize)]
struct Ledger {
    files: BTreeMap<String, (u64, u64)>,
}

/// Runs `f`, turning a panic inside tantivy into an error message.
pub fn guard<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "internal error".to_owned())
    })
}

/// Verifies the index in `dir`; `Err` says what is damaged.
pub fn verify(index: &Index, dir: &Path) -> Result<(), String> {
    guard(|| verify_unguarded(index, dir)).and_then(|r| r)
}

fn verify_unguarded(index: &Index, dir: &Path) -> Result<(), String> {
    let metas = index.load_metas().map_err(|e| e.to_string())?;
    let ledger_path = dir.join(LEDGER_FILE);
    let old: Ledger = crate::storage::read_json(&ledger_path, "index ledger")
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut checked = Ledger::default();
    for segment in &metas.segments {
        let mut required: Vec<String> = ["idx", "pos", "term", "store", "fast", "fieldnorm"]
            .iter()
            .map(|ext| format!("{}.{ext}", segment.id().uuid_string()))
            .collect();
        if let Some(opstamp) = segment.delete_opstamp() {
            required.push(format!("{}.{opstamp}.del", segment.id().uuid_string()));
        }
        for name in required {
            let stat = std::fs::metadata(dir.join(&name))
                .map_err(|e| format!("segment file {name} unreadable ({e})"))?;
            let modified = stat
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
            let seen = (stat.len(), modified);
            if old.files.get(&name) != Some(&seen) {
                let intact = index
                    .directory()
                    .validate_checksum(Path::new(&name))
                    .map_err(|e| format!("segment file {name} unreadable ({e})"))?;
                if !intact {
                    return Err(format!("checksum mismatch in {name}"));
                }
            }
            checked.files.insert(name, seen);
        }
    }
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .map_err(|e: tantivy::TantivyError| e.to_string())?;
    let searcher = reader.searcher();
    for segment in searcher.segment_readers() {
        let max_doc = segment.max_doc();
        let ids = segment.fast_fields().u64("id").map_err(|e| e.to_string())?;
        if ids.num_docs() != max_doc {
            return Err(format!(
                "segment claims {max_doc} documents, its columns hold {}",
                ids.num_docs()
            ));
        }
        if max_doc > 0 {
            let store = segment.get_store_reader(1).map_err(|e| e.to_string())?;
            store
                .get::<tantivy::TantivyDocument>(max_doc - 1)
                .map_err(|e| format!("document store damaged ({e})"))?;
        }
    }
    if old.files != checked.files {
        // A read-only data folder cannot remember; the next open verifies again.
        crate::storage::write_json(&ledger_path, &checked).ok();
    }
    Ok(())
}
