//! Any bytes: decoding never panics and never returns an empty text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for declared in [false, true] {
        if let Ok(decoded) = dossier::ingest::decode::decode(data, declared) {
            assert!(!decoded.text.trim().is_empty());
        }
    }
});
