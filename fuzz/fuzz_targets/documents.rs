//! Any bytes as a PDF, Word, OpenDocument, RTF, e-mail, mailbox or saved page:
//! the readers return articles or a reason, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    use dossier::ingest::{mail, office, pdf, rtf};
    let _ = pdf::read(bytes);
    let _ = office::read_docx(bytes);
    let _ = office::read_odt(bytes);
    let _ = rtf::read(bytes);
    let _ = mail::read_message(bytes, false);
    let _ = mail::read_message(bytes, true);
    let _ = mail::read_mbox(bytes);
});
