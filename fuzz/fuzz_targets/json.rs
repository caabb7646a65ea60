//! Any text as JSON or JSON lines: the readers never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = dossier::ingest::json::read_json(text);
    let _ = dossier::ingest::json::read_json_lines(text);
});
