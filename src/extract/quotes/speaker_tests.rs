//! Table tests of who speaks when no name sits next to the quote:
//! institutions and documents, pronouns, and the evidence kept.

use super::tests::{quotes, speaker_names};
use crate::model::Lang;

/// The text's one quote is given to no actor but to `description`.
fn assert_unnamed(text: &str, lang: Lang, description: &str) {
    let got = quotes(text, lang);
    assert_eq!(got[0].speaker, None, "{got:?}");
    assert_eq!(got[0].speaker_text.as_deref(), Some(description), "{got:?}");
}

/// An institution or a document that no name stands for speaks as its
/// description.
#[test]
fn institutions_and_documents_speak() {
    assert_unnamed(
        "Le rapport affirme que « la situation est grave ».",
        Lang::Fr,
        "Le rapport",
    );
    let got = quotes(
        "The statement said that \"the workers will be protected\".",
        Lang::En,
    );
    assert_eq!(
        got[0].speaker_text.as_deref(),
        Some("The statement"),
        "{got:?}"
    );
}

/// A pronoun takes up the subject of the sentence before, not the last
/// person quoted nor a name after a preposition.
#[test]
fn pronouns_take_up_the_subject() {
    let text = "\"The case is weak,\" said Peter Brown, the first witness.\n\n\
                Tom Hardy, the defence lawyer, then questioned the claims. \
                He said the police had found \"nothing at all\".\n\n\
                Asked by Paul Smith about the file, he said that \"the file is thin\".";
    let got = quotes(text, Lang::En);
    let speakers = speaker_names(&got);
    assert_eq!(
        speakers,
        [Some("Peter Brown"), Some("Tom Hardy"), Some("Tom Hardy")],
        "{got:?}"
    );
}

/// "il" skips a woman named last; "elle" skips a man.
#[test]
fn pronouns_agree_in_gender() {
    let text =
        "Jean Martin a rejoint Marie Dupont à Lyon.\n\n« Nous partirons demain », a-t-il dit.";
    assert_eq!(
        quotes(text, Lang::Fr)[0].speaker.as_deref(),
        Some("Jean Martin")
    );
    let text = "Sarah Jones met Peter Brown in Leeds.\n\n\"We leave tomorrow,\" she said.";
    assert_eq!(
        quotes(text, Lang::En)[0].speaker.as_deref(),
        Some("Sarah Jones")
    );
}

/// Each quote records why it has its speaker: the rule, the cue words and
/// where the speaker is named.
#[test]
fn attribution_evidence() {
    let text = "« Nous suivons cela de près », a déclaré Jean Dupont.";
    let got = quotes(text, Lang::Fr);
    let a = got[0].attribution.as_ref().expect("attribution");
    assert_eq!(a.rule, "after-quote");
    assert_eq!(a.cue_words.as_deref(), Some("a déclaré"));
    let (s, e) = a.cue.expect("cue span");
    assert_eq!(&text[s..e], "a déclaré");
    let (s, e) = a.speaker_span.expect("speaker span");
    assert_eq!(&text[s..e], "Jean Dupont");
    let text = "\"We asked for this,\" said Secretary of State Antony Blinken.";
    let got = quotes(text, Lang::En);
    let a = got[0].attribution.as_ref().expect("attribution");
    assert_eq!(
        a.cue_words.as_deref(),
        Some("said"),
        "not the State of a title"
    );
    let text = "Selon Paul Martin, « rien n'est joué ».";
    let got = quotes(text, Lang::Fr);
    let a = got[0].attribution.as_ref().expect("attribution");
    assert_eq!(a.cue_words.as_deref(), Some("Selon"));
}

/// "The ministry said" after the ministry was named: the named one speaks;
/// "a indiqué la préfecture" names an institution after the verb.
#[test]
fn named_institutions_speak_again() {
    let text = "Pakistan's Ministry of Foreign Affairs summoned the envoy on Tuesday. \
                The ministry said that \"the strikes violate our sovereignty\".";
    let got = quotes(text, Lang::En);
    assert_eq!(
        got[0].speaker.as_deref(),
        Some("Ministry of Foreign Affairs"),
        "{got:?}"
    );
    assert_eq!(
        got[0].speaker_text.as_deref(),
        Some("The ministry"),
        "{got:?}"
    );
    assert_unnamed(
        "« La route restera fermée jusqu'à lundi », a indiqué la préfecture.",
        Lang::Fr,
        "la préfecture",
    );
}

/// "selon X" inside the marks names the speaker of the whole quote.
#[test]
fn source_inside_the_marks() {
    let text = "Le chorégraphe George Balanchine a créé ce ballet en 1947. \
                « Le ballet le plus difficile du répertoire, selon Benjamin Millepied qui l'a dansé. \
                C'est aussi une pièce qui demande du cran. »";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].speaker.as_deref(),
        Some("Benjamin Millepied"),
        "{got:?}"
    );
}

/// A pronoun in a later sentence takes up the earlier sentence's subject,
/// not a name at its end.
#[test]
fn pronouns_skip_names_at_the_end_of_a_sentence() {
    let text = "Benjamin Millepied prépare un spectacle avec les jeunes danseurs, comme Marc Moreau. \
                « Je veux raconter leur personnalité », explique-t-il.";
    let got = quotes(text, Lang::Fr);
    assert_eq!(
        got[0].speaker.as_deref(),
        Some("Benjamin Millepied"),
        "{got:?}"
    );
}

/// A person after a job word and a preposition is not the speaker; a
/// clause opened after a person has its own subject.
#[test]
fn descriptions_and_clause_subjects() {
    let got = quotes(
        "\"We are not just numbers,\" says a doctor from Hebron, whose name was withheld.",
        Lang::En,
    );
    assert_eq!(got[0].speaker, None, "{got:?}");
    assert!(
        got[0]
            .speaker_text
            .as_deref()
            .is_some_and(|s| s.contains("doctor")),
        "{got:?}"
    );
    assert_unnamed(
        "Nangolo Mbumba said he was present when doctors told those at the hospital: \
         \"We just lost him.\"",
        Lang::En,
        "doctors",
    );
}

/// A person named inside a quote is not the passage's speaker: the next
/// quote of the paragraph is still the one who was quoted.
#[test]
fn names_inside_a_quote_do_not_speak_next() {
    let text = "Staff were outraged.\n\n\"I am alarmed by the questionnaire sent by the Trump \
                transition team to the Department of Energy,\" said Rep. Steny H. Hoyer, Md., \
                the second ranking Democrat in the House. \"This raises serious concerns as to \
                the motivation of such a request.\"";
    let got = quotes(text, Lang::En);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].speaker.as_deref(), Some("Steny H. Hoyer"), "{got:?}");
}

/// "X agreed:" after a quote introduces the next quote, not the one before.
#[test]
fn a_colon_points_forward() {
    let text = "\"It's a totally different muscle,\" York said. \"You have to take yourself out \
                of it a little bit.\" Smith agreed: \"It's a different job altogether.\"";
    let got = quotes(text, Lang::En);
    let speakers = speaker_names(&got);
    assert_eq!(
        speakers,
        [Some("York"), Some("York"), Some("Smith")],
        "{got:?}"
    );
}
