//! "Why this speaker": the evidence of a quote's attribution, as the
//! window shows it when the speaker chip is hovered.

use eframe::egui;

use super::panels::quote_kind_name;
use super::t;
use crate::explore::{ArticleIx, Explorer, QuoteInfo};
use crate::extract::edits::{EditOp, QuoteFix};

/// The hover text of a quote's speaker chip: the words naming the speaker,
/// the kind of quote, and why this speaker (the rule and its cue words).
pub(super) fn why_this_speaker(quote: &QuoteInfo) -> String {
    let mut text = format!(
        "{} ({}) — {}",
        quote.speaker_text.as_deref().unwrap_or("?"),
        quote_kind_name(quote.kind),
        t("said")
    );
    if let Some(a) = &quote.attribution {
        text.push_str(&format!(
            "\n{}: {}",
            t("Why this speaker"),
            t(rule_text(&a.rule))
        ));
        if let Some(cue) = &a.cue_words {
            text.push_str(&format!(" — « {cue} »"));
        }
    }
    text
}

/// The speaker chip's menu: give the quote to another actor of the
/// article, mark it not a quote, or undo the correction. Returns the edit.
pub(super) fn quote_menu(
    ui: &mut egui::Ui,
    ex: &Explorer,
    article: ArticleIx,
    quote: &QuoteInfo,
    id: &str,
) -> Option<Vec<EditOp>> {
    let mut fix = None;
    ui.label(t("Said by"));
    for (a, _) in ex.actors_of(article).iter().take(10) {
        let info = &ex.actors[*a as usize];
        if Some(*a) != quote.speaker && ui.button(&info.name).clicked() {
            fix = Some(QuoteFix::Speaker(info.key.clone()));
        }
    }
    ui.separator();
    if ui.button(t("Not a quote")).clicked() {
        fix = Some(QuoteFix::NotQuote);
    }
    let corrected = quote.attribution.as_ref().is_some_and(|a| a.rule == "user");
    if corrected && ui.button(t("Undo my correction")).clicked() {
        ui.close();
        return Some(vec![EditOp::Unquote(id.to_owned())]);
    }
    let fix = fix?;
    ui.close();
    Some(vec![EditOp::Quote {
        id: id.to_owned(),
        fix,
    }])
}

/// A sentence for each attribution rule of the extractor.
const RULE_TEXT: &[(&str, &str)] = &[
    ("after-quote", "named right after the quote"),
    (
        "before-quote",
        "named before the quote, with a verb of saying",
    ),
    ("incise", "named inside the quote marks"),
    ("later-clause", "named later in the sentence"),
    ("sentence-verb", "subject of the sentence's verb of saying"),
    ("continued", "the quote continues the previous one"),
    (
        "same-sentence",
        "another quote of the sentence names the speaker",
    ),
    ("headline", "headline quote of the article's main speaker"),
    (
        "paragraph-speaker",
        "last speaker of the paragraph (no cue)",
    ),
    ("paragraph-person", "person the paragraph is about (no cue)"),
    (
        "previous-speaker",
        "last speaker of the paragraph before (no cue)",
    ),
    (
        "previous-person",
        "person the paragraph before is about (no cue)",
    ),
    ("main-speaker", "the article's main speaker (no cue)"),
    ("indirect", "subject of the verb of saying"),
    ("user", "your correction"),
];

/// The sentence of `rule`, in English (the window translates it).
fn rule_text(rule: &str) -> &'static str {
    RULE_TEXT
        .iter()
        .find(|(r, _)| *r == rule)
        .map_or("other rule", |(_, text)| text)
}

#[cfg(test)]
mod tests {
    use crate::i18n::{UiLang, tr};

    #[test]
    fn every_rule_reads_in_french() {
        for (rule, _) in super::RULE_TEXT.iter().chain([&("?", "")]) {
            let english = super::rule_text(rule);
            assert_ne!(tr(UiLang::Fr, english), english, "{rule}");
        }
    }
}
