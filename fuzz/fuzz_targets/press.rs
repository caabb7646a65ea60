//! Any text as a press-database export (Europresse, Factiva, Nexis Uni): the
//! splitters never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = dossier::ingest::press::split_html(text);
    let paragraphs: Vec<dossier::ingest::office::Paragraph> = text
        .lines()
        .map(|line| dossier::ingest::office::Paragraph {
            text: line.to_owned(),
            heading: false,
        })
        .collect();
    let _ = dossier::ingest::press::split_paragraphs(&paragraphs);
});
