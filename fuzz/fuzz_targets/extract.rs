//! Any text: quote and actor spans stay inside the text, on char boundaries.
#![no_main]
use dossier::model::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for lang in [Lang::Fr, Lang::En] {
        let found = dossier::extract::extract_text(text, lang);
        for q in &found.quotes {
            assert!(q.start <= q.end && q.end <= text.len());
            assert_eq!(&text[q.start..q.end], q.text);
        }
        for a in &found.actors {
            for (s, e) in &a.spans {
                assert!(s < e && *e <= text.len() && text.is_char_boundary(*s));
            }
        }
    }
});
