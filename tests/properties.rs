//! Property tests: arbitrary input never makes the readers, the date finder or
//! the extractors panic, and what they return keeps its invariants (spans
//! inside the text and on character boundaries, dates that exist).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dossier::extract::extract_text;
use dossier::ingest::dates::{
    PartialDate, date_from_text, days_in_month, find_written_dates, parse_date_string,
};
use dossier::ingest::{html, json, text};
use dossier::model::Lang;
use proptest::prelude::*;

/// Pieces of news text: quote marks, names, verbs, dates, markup, noise.
const PIECES: &[&str] = &[
    "« ",
    " »",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "„",
    "‹ ",
    " ›",
    ", ",
    ". ",
    " : ",
    "\n",
    "\n\n",
    " ",
    "a déclaré",
    "a-t-il ajouté",
    "dit-elle",
    "selon",
    "said",
    "told reporters",
    "according to",
    "que",
    "that",
    "Vladimir Poutine",
    "Jung Pak",
    "Pak",
    "M.",
    "Mme",
    "le porte-parole du Kremlin",
    "Moscou",
    "la Russie",
    "Washington",
    "the White House",
    "il",
    "elle",
    "he",
    "she",
    "ONU",
    "jeudi 18 janvier",
    "18/01/2024",
    "2024-01-18",
    "March 3, 2023",
    "le 1er mai 2019",
    "31 février",
    "<p>",
    "</p>",
    "<div class=x>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "&amp;",
    "&#233;",
    "&#xFFFFFF;",
    "é",
    "ï",
    "🙂",
    "\u{0}",
    "\u{FEFF}",
    "\u{202E}",
    "d'",
    "l'",
    "J.",
    "S. Ivanov",
    "Choïgou",
    "—",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![news_like(), any::<String>(), ".{0,300}"]
}

fn valid_date(d: &PartialDate) -> bool {
    (1..=9999).contains(&d.year)
        && d.month <= 12
        && (d.day == 0 || (d.month >= 1 && d.day <= days_in_month(d.year, d.month)))
        && !(d.month == 0 && d.day != 0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn dates_are_real_dates(s in any_text(), english in any::<bool>()) {
        if let Some(d) = parse_date_string(&s, english) {
            prop_assert!(valid_date(&d), "{s:?} → {d:?}");
        }
        for (at, d) in find_written_dates(&s) {
            prop_assert!(at <= s.len() && s.is_char_boundary(at), "{s:?} at {at}");
            prop_assert!(valid_date(&d), "{s:?} → {d:?}");
        }
        let limit = PartialDate::parse_iso("2025-06-30").unwrap();
        if let Some((d, _)) = date_from_text(&s, limit) {
            prop_assert!(valid_date(&d), "{s:?} → {d:?}");
            prop_assert!(d.first_day_unix_days() <= limit.first_day_unix_days(), "{s:?} → {d:?} after the limit");
        }
    }

    #[test]
    fn extraction_spans_stay_inside_the_text(s in any_text(), french in any::<bool>()) {
        let lang = if french { Lang::Fr } else { Lang::En };
        let found = extract_text(&s, lang);
        for q in &found.quotes {
            prop_assert!(q.start <= q.end && q.end <= s.len(), "{q:?}");
            prop_assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end));
            prop_assert_eq!(&s[q.start..q.end], q.text.as_str());
            prop_assert!((0.0..=1.0).contains(&q.confidence));
            if let Some(speaker) = &q.speaker {
                let lower = speaker.to_lowercase();
                prop_assert!(!["il", "elle", "he", "she", "-t", "-il"].contains(&lower.as_str()), "pronoun speaker {speaker:?}");
            }
        }
        for a in &found.actors {
            prop_assert_eq!(a.count, a.spans.len());
            prop_assert_eq!(a.spans.len(), a.span_alias.len());
            for (start, end) in &a.spans {
                prop_assert!(start < end && *end <= s.len());
                prop_assert!(s.is_char_boundary(*start) && s.is_char_boundary(*end));
            }
        }
    }

    #[test]
    fn html_reader_never_panics(s in any_text()) {
        let page = html::read_html(&s);
        prop_assert!(!page.text.contains("<script"), "{:?}", page.text);
        let _ = html::decode_entities(&s);
    }

    #[test]
    fn html_reader_on_deep_and_broken_markup(depth in 0usize..3000, tail in news_like()) {
        let page = format!("<html><body>{}<p>{tail}{}", "<div><span>".repeat(depth), "</i></b>".repeat(depth / 2));
        let _ = html::read_html(&page);
    }

    #[test]
    fn json_readers_never_panic(s in any_text()) {
        let _ = json::read_json(&s);
        let _ = json::read_json_lines(&s);
        let _ = text::read_text(&s, true);
        let _ = text::read_text(&s, false);
    }

    #[test]
    fn json_with_wrong_types_is_refused_or_read(
        title in prop_oneof![Just("5".to_owned()), Just("null".to_owned()), Just("[1,2]".to_owned()), "\"[^\"\\\\]{0,20}\""],
        body in prop_oneof![Just("{}".to_owned()), Just("true".to_owned()), Just("[\"a\"]".to_owned()), "\"[^\"\\\\]{0,40}\""],
    ) {
        let doc = format!(r#"{{"title": {title}, "text": {body}, "date": {title}}}"#);
        if let Ok(found) = json::read_json(&doc) {
            for article in found.articles {
                prop_assert!(!article.body.trim().is_empty());
            }
        }
    }

    #[test]
    fn document_readers_take_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000), s in any_text()) {
        use dossier::ingest::{mail, office, pdf, press, rtf};
        // Raw bytes, and news-like text behind each format's magic start.
        for input in [bytes.clone(), [b"%PDF-1.4\n".as_slice(), s.as_bytes()].concat(),
                      [b"{\\rtf1 ".as_slice(), s.as_bytes()].concat(),
                      [b"From a@b Mon Mar 11 10:00:00 2024\n".as_slice(), s.as_bytes()].concat(),
                      [b"PK\x03\x04".as_slice(), &bytes].concat()] {
            for items in [pdf::read(&input), office::read_docx(&input), office::read_odt(&input),
                          rtf::read(&input), mail::read_message(&input, false),
                          mail::read_message(&input, true), mail::read_mbox(&input)].into_iter().flatten() {
                for a in items.articles {
                    prop_assert!(a.body.is_char_boundary(a.body.len()));
                }
            }
        }
        let _ = press::split_html(&s);
        let paragraphs: Vec<office::Paragraph> = s.lines().map(|l| office::Paragraph {
            text: l.to_owned(), heading: false }).collect();
        let _ = press::split_paragraphs(&paragraphs);
    }

}
