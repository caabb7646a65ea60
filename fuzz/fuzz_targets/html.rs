//! Any text as HTML: the reader never panics or hangs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = dossier::ingest::html::read_html(text);
});
