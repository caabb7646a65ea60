//! Any text: the date parsers return only dates that exist, at valid offsets.
#![no_main]
use dossier::ingest::dates::{days_in_month, find_written_dates, parse_date_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let valid = |d: &dossier::model::PartialDate| {
        d.month <= 12 && (d.day == 0 || d.day <= days_in_month(d.year, d.month))
    };
    for english in [false, true] {
        if let Some(d) = parse_date_string(text, english) {
            assert!(valid(&d));
        }
    }
    for (at, d) in find_written_dates(text) {
        assert!(text.is_char_boundary(at));
        assert!(valid(&d));
    }
});
