//! Table tests of quote spans and speakers, French and English.

use super::super::{ExtractedQuote, extract_text};
use crate::model::Lang;

/// Each text holds one quote, with this speaker.
fn assert_speakers(cases: &[(&str, &str, Option<&str>)], lang: Lang) {
    for (text, quote, speaker) in cases {
        let got = quotes(text, lang);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].text, *quote, "{text}");
        assert_eq!(got[0].speaker.as_deref(), *speaker, "{text}");
    }
}

pub(super) fn quotes(text: &str, lang: Lang) -> Vec<ExtractedQuote> {
    extract_text(text, lang).quotes
}

/// The speaker of each quote, in text order.
pub(super) fn speaker_names(quotes: &[ExtractedQuote]) -> Vec<Option<&str>> {
    quotes.iter().map(|q| q.speaker.as_deref()).collect()
}

#[test]
fn french_patterns() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "« Nous suivons cela de près », a déclaré Jean Dupont.",
            "Nous suivons cela de près",
            Some("Jean Dupont"),
        ),
        (
            "Le ministre Jean Dupont a déclaré : « Nous suivons cela de près. »",
            "Nous suivons cela de près.",
            Some("Jean Dupont"),
        ),
        (
            "Marie Curie a déclaré que « la science avance » hier.",
            "la science avance",
            Some("Marie Curie"),
        ),
        (
            "Selon Paul Martin, « rien n'est joué ».",
            "rien n'est joué",
            Some("Paul Martin"),
        ),
        (
            "« Rien n'est joué », selon Paul Martin.",
            "Rien n'est joué",
            Some("Paul Martin"),
        ),
        (
            "Paul Martin parle. « Nous verrons bien demain », a-t-il poursuivi.",
            "Nous verrons bien demain",
            Some("Paul Martin"),
        ),
        (
            "Anne Roy est venue. « Je reste ici avec vous », dit-elle.",
            "Je reste ici avec vous",
            Some("Anne Roy"),
        ),
        (
            "« C'est fini » Pak a déclaré. Jung Pak est diplomate.",
            "C'est fini",
            Some("Jung Pak"),
        ),
        (
            "« C'est une bonne nouvelle pour tous », a déclaré le porte-parole Kirby lors d'un point.",
            "C'est une bonne nouvelle pour tous",
            Some("Kirby"),
        ),
        // An apposition after the role names the speaker, even with an
        // unknown given name.
        (
            "Paul Martin était là. « Nous voulons savoir qui », a déclaré le ministre finlandais de la Défense, Antti Häkkänen, lors d'une conférence.",
            "Nous voulons savoir qui",
            Some("Antti Häkkänen"),
        ),
        (
            "« Les formulaires sont prêts », a regretté le maire de Riga, Vilnis Ķirsis.",
            "Les formulaires sont prêts",
            Some("Vilnis Ķirsis"),
        ),
        (
            "« Il n'y aura pas de pénurie », a promis la présidente de la Commission, Ursula von der Leyen.",
            "Il n'y aura pas de pénurie",
            Some("Ursula von der Leyen"),
        ),
        // A speaker's label; a participle clause speaks for its subject; an
        // apposition between the name and the verb.
        (
            "Entretien.\nEmmanuel Macron : « Nous ne reculerons pas. »",
            "Nous ne reculerons pas.",
            Some("Emmanuel Macron"),
        ),
        (
            "Le ministre Jean Dupont a rencontré Paul Martin, déclarant : « Nous ne reculerons pas. »",
            "Nous ne reculerons pas.",
            Some("Jean Dupont"),
        ),
        (
            "« Nous ne reculerons pas », Jean Dupont, porte-parole du ministère, a déclaré jeudi.",
            "Nous ne reculerons pas",
            Some("Jean Dupont"),
        ),
    ];
    assert_speakers(cases, Lang::Fr);
}

#[test]
fn english_patterns() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "\"We will not back down,\" said Secretary Antony Blinken.",
            "We will not back down",
            Some("Antony Blinken"),
        ),
        (
            "\"We will not back down,\" John Smith said on Monday.",
            "We will not back down",
            Some("John Smith"),
        ),
        (
            "John Smith said: \"We will not back down.\"",
            "We will not back down.",
            Some("John Smith"),
        ),
        (
            "According to Janet Yellen, \"the economy remains resilient\".",
            "the economy remains resilient",
            Some("Janet Yellen"),
        ),
        (
            "Janet Yellen spoke first. \"It is resilient,\" she said.",
            "It is resilient",
            Some("Janet Yellen"),
        ),
        (
            "“It is resilient,” the official said.",
            "It is resilient",
            None,
        ),
        (
            "Deputy Defense Secretary Paul Wolfowitz published a note, saying: \"We intend to require competition.\"",
            "We intend to require competition.",
            Some("Paul Wolfowitz"),
        ),
        // Capitalised titles and nationalities are cues, not part of the name.
        (
            "\"We now see every ship,\" said Prime Minister Kaja Kallas.",
            "We now see every ship",
            Some("Kaja Kallas"),
        ),
        (
            "Polish Prime Minister Donald Tusk said \"small steps add up\" on Friday.",
            "small steps add up",
            Some("Donald Tusk"),
        ),
        // An apposition between the name and the verb; a name inside the
        // quote is never the speaker.
        (
            "\"It never lets you enjoy the film,\" Jack Garner, film critic for Gannet News Service said.",
            "It never lets you enjoy the film",
            Some("Jack Garner"),
        ),
        (
            "\"It is worthy neither of Michael Keaton's talents nor of yours,\" Manohla Dargis, film critic for the New York Times, said.",
            "It is worthy neither of Michael Keaton's talents nor of yours",
            Some("Manohla Dargis"),
        ),
        (
            "\"They think they can silence me,\" Dr Maathai said.",
            "They think they can silence me",
            Some("Maathai"),
        ),
        // A speaker's label opening the line (transcripts, e-mails); an
        // office before a given name is not part of the name.
        (
            "Secretary of the Air Force James Roche: \"No, save it and blow him away.\"",
            "No, save it and blow him away.",
            Some("James Roche"),
        ),
        (
            "The Air Force was praised.\nSpecial Assistant Bill Bodie: \"We don't have to turn the other cheek.\"",
            "We don't have to turn the other cheek.",
            Some("Bill Bodie"),
        ),
        // A participle clause speaks for its clause's subject, not for the
        // last person named.
        (
            "An email by James Roche is different, as he talks to Assistant Secretary of the Air Force for Acquisition Marvin Sambur about Boeing, saying, \"Give it to the Blue Eyed Arabs of the North.\"",
            "Give it to the Blue Eyed Arabs of the North.",
            Some("James Roche"),
        ),
        (
            "Assistant Secretary of the Air Force for Acquisition Marvin Sambur defended the choice of Boeing, saying, \"This was not a competitive bid process.\"",
            "This was not a competitive bid process.",
            Some("Marvin Sambur"),
        ),
        (
            "Chinese Vice Foreign Minister Wu Daiwei met the ambassador of Japan, stating that the intrusion was a \"technical error\".",
            "technical error",
            Some("Wu Daiwei"),
        ),
        // After "told" comes the listener; an organisation's person speaks.
        (
            "\"They've been in again this morning,\" a senior dealer at an Oslo bank told Reuters.",
            "They've been in again this morning",
            None,
        ),
        (
            "\"Japan is taking strong measures to stimulate demand,\" said the Bank of Tokyo's Honda.",
            "Japan is taking strong measures to stimulate demand",
            Some("Honda"),
        ),
        (
            "\"We expect no concessions,\" said one official, echoing statements by Helmut Kohl.",
            "We expect no concessions",
            None,
        ),
        (
            "\"The dollar will fall,\" said a U.S. Bank foreign exchange manager.",
            "The dollar will fall",
            None,
        ),
        // A capitalised "Official" is no name; the official speaks for
        // the country named.
        (
            "\"We see no change,\" the unidentified U.S. Official said.",
            "We see no change",
            Some("United States"),
        ),
        (
            "\"The market is stuck,\" said Drexel Burnham Lambert analyst Norman Mains.",
            "The market is stuck",
            Some("Norman Mains"),
        ),
        (
            "A spokeswoman for Milan-based Ambrosiano said, \"We have no information.\"",
            "We have no information.",
            None,
        ),
        (
            "Chancellor Nigel Lawson spoke. Asked if the United States should raise rates, he said, \"There is no need.\"",
            "There is no need.",
            Some("Nigel Lawson"),
        ),
        (
            "\"Rates will fall,\" Peter Fellner, U.K. Economist at stockbrokers James Capel and Co, said.",
            "Rates will fall",
            Some("Peter Fellner"),
        ),
        (
            "Jochen Bethkenhagen and his colleagues wrote a report. \"Reform is tricky,\" they said.",
            "Reform is tricky",
            None,
        ),
        (
            "\"Rates are fine,\" the Treasury Secretary said.",
            "Rates are fine",
            None,
        ),
        // A title resolves to the person the text gave it, not to the
        // last person named.
        (
            "Treasury Secretary James Baker met Paul Volcker. \"Rates are fine,\" the Treasury Secretary said.",
            "Rates are fine",
            Some("James Baker"),
        ),
        (
            // Not Greenspan: the union's leader, for the union.
            "Alan Greenspan was nominated. \"That troubles me,\" the UAW leader told reporters.",
            "That troubles me",
            Some("United Auto Workers"),
        ),
        (
            "\"We agree,\" said Conor O'Brien, the Irish envoy.",
            "We agree",
            Some("Conor O'Brien"),
        ),
        ("\"It is over,\" said Manager.", "It is over", None),
        (
            "\"Ratings are stable,\" S and P said.",
            "Ratings are stable",
            None,
        ),
        (
            "\"The deal reflects a trend,\" Analysts said.",
            "The deal reflects a trend",
            None,
        ),
        (
            "Robert Smith spoke first. \"We will wait,\" said a Treasury spokesman.",
            "We will wait",
            None,
        ),
        // An organisation's name with "on" ("Project on Government Oversight").
        (
            "The activist organization the Project on Government Oversight has called it \"a textbook case of favoritism\".",
            "a textbook case of favoritism",
            Some("Project on Government Oversight"),
        ),
    ];
    assert_speakers(cases, Lang::En);
}

/// A pronoun after an unnamed speaker stands for that speaker.
#[test]
fn unnamed_speakers_stay_unnamed() {
    let text = "Robert Smith spoke first.\n\nA spokesman for the bank said, \"We are aware of the order.\"\n\n\"Now we have to check the accounts,\" he said.";
    let got = quotes(text, Lang::En);
    let speakers = speaker_names(&got);
    assert_eq!(speakers, [None, None], "{got:?}");
}

/// A quoted sentence right after an attributed one, in the same
/// paragraph, continues it; in the next paragraph it does not.
#[test]
fn continued_quotes() {
    let text = "\"They think they can silence me,\" Dr Maathai said. \"But I have an elephant's skin.\"\n\n\"Nobody knows what comes next.\"";
    let got = quotes(text, Lang::En);
    let speakers = speaker_names(&got);
    // The next paragraph's lone quote is the same speaker's, less surely.
    assert_eq!(
        speakers,
        [Some("Maathai"), Some("Maathai"), Some("Maathai")],
        "{got:?}"
    );
    assert_eq!(rule(&got[2]), "previous-speaker");
    assert!(got[2].confidence < got[1].confidence);
    let text = "« Nous tiendrons », a déclaré Jean Dupont. « Il n'y a pas d'autre choix. »";
    let got = quotes(text, Lang::Fr);
    let speakers = speaker_names(&got);
    assert_eq!(
        speakers,
        [Some("Jean Dupont"), Some("Jean Dupont")],
        "{got:?}"
    );
}

#[test]
fn marks_nesting_and_unclosed() {
    let text = "« Il a dit “non” hier », a affirmé Paul Martin.\n\n« Première partie\n\n« Seconde partie », a-t-il ajouté.\n\n« Jamais fermée. dit-il.\n\nSuite.";
    let got = quotes(text, Lang::Fr);
    let texts: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Il a dit “non” hier",
            "Première partie\n\n« Seconde partie",
            "Jamais fermée."
        ]
    );
    assert!(
        got.iter()
            .all(|q| q.speaker.as_deref() == Some("Paul Martin")),
        "{got:?}"
    );
    for q in &got {
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

/// Sentence, language, expected (reported words, speaker).
type IndirectCase<'a> = (&'a str, Lang, Option<(&'a str, &'a str)>);

#[test]
fn indirect_speech() {
    let cases: &[IndirectCase] = &[
        (
            "Jung Pak a affirmé que les relations se sont réchauffées.",
            Lang::Fr,
            Some(("les relations se sont réchauffées", "Jung Pak")),
        ),
        (
            "La Russie a également déclaré qu'elle ne céderait pas.",
            Lang::Fr,
            Some(("elle ne céderait pas", "Russie")),
        ),
        (
            "John Smith said that the deal was off.",
            Lang::En,
            Some(("the deal was off", "John Smith")),
        ),
        ("Il a déclaré que tout allait bien.", Lang::Fr, None),
        ("Le temps a changé que rien.", Lang::Fr, None),
    ];
    for (text, lang, want) in cases {
        let got: Vec<_> = quotes(text, *lang)
            .into_iter()
            .filter(|q| q.kind == super::QuoteKind::Indirect)
            .collect();
        match want {
            Some((quote, speaker)) => {
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                assert_eq!(got[0].text, *quote, "{text}");
                assert_eq!(got[0].speaker.as_deref(), Some(*speaker), "{text}");
            }
            None => assert!(got.is_empty(), "{text}: {got:?}"),
        }
    }
}

#[test]
fn pronouns_are_never_speakers() {
    let got = quotes("« Nous partons demain matin », a-t-il déclaré.", Lang::Fr);
    assert_eq!(got[0].speaker, None);
    assert_eq!(got[0].speaker_text.as_deref(), Some("il"));
}

fn rule(q: &ExtractedQuote) -> &str {
    q.attribution.as_ref().map_or("", |a| a.rule.as_str())
}

/// Speakers named inside the marks, as French typography sets them.
#[test]
fn incises() {
    let cases: &[(&str, &str)] = &[
        (
            "Benjamin Millepied dirige le ballet.\n\n« Je veux raconter leur personnalité, s’enthousiasme-t-il. Ce sera une pièce très énergique. »",
            "Benjamin Millepied",
        ),
        (
            "« C’est un ballet que j’admire, commente Benjamin Millepied. Le rôle exige une grande poésie. »",
            "Benjamin Millepied",
        ),
        (
            "« L’enjeu était important, explique Tony Estanguet, coprésident du comité, car ce logo devait porter des valeurs. »",
            "Tony Estanguet",
        ),
        (
            "Éric Chauvier écrit sur la langue.\n\nMartine Durand publie aussi.\n\n« La science a prêté ses mots – observe-t-il dans un autre livre : Les Mots. La démocratie n’y gagne rien. »",
            "Éric Chauvier",
        ),
    ];
    for (text, speaker) in cases {
        let got = quotes(text, Lang::Fr);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].speaker.as_deref(), Some(*speaker), "{text}");
        assert_eq!(rule(&got[0]), "incise", "{text}");
    }
    // A comma then a verb that names nobody is no incise.
    let got = quotes(
        "« Le rapport, publié hier, explique que rien ne change. »",
        Lang::Fr,
    );
    assert_eq!(got[0].speaker, None, "{got:?}");
}

/// Pieces of one sentence share the speaker its reporting clause names.
#[test]
fn sentence_pieces_share_a_speaker() {
    let text = "Le président « a fait passer en force » la réforme, et « la défiance est profonde chez les syndicats », juge Sophie Binet.";
    let got = quotes(text, Lang::Fr);
    let speakers = speaker_names(&got);
    assert_eq!(
        speakers,
        [Some("Sophie Binet"), Some("Sophie Binet")],
        "{got:?}"
    );
    assert_eq!(rule(&got[0]), "same-sentence");
}

/// A quote no cue attributes goes to the person its passage is about.
#[test]
fn context_speakers() {
    let text = "Jean-Marc Ayrault a longuement parlé à Toulouse devant les militants du parti. « Combien d’autres plans sociaux retardés pour un plan avoué. »";
    let got = quotes(text, Lang::Fr);
    assert_eq!(
        got[0].speaker.as_deref(),
        Some("Jean-Marc Ayrault"),
        "{got:?}"
    );
    assert_eq!(rule(&got[0]), "paragraph-person");
    assert!(got[0].confidence < 0.5);
    // The speaker of the paragraph's attributed quote goes on speaking,
    // though another person was named since.
    let text = "Face à Martine Aubry, le premier ministre défend sa méthode. « J’assume le choix de la négociation », dit Jean-Marc Ayrault devant Martine Aubry. Il répète la formule. « Non seulement j’assume mais je revendique cette méthode. »";
    let got = quotes(text, Lang::Fr);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[1].speaker.as_deref(),
        Some("Jean-Marc Ayrault"),
        "{got:?}"
    );
    assert_eq!(rule(&got[1]), "paragraph-speaker");
}

/// A few quoted words with no cue are a term, not speech; with a verb of
/// saying they are the speaker's words.
#[test]
fn terms_are_not_quotes() {
    let got = quotes(
        "Le texte prévoit des « boîtes noires » chez les opérateurs.",
        Lang::Fr,
    );
    assert!(got.is_empty(), "{got:?}");
    let got = quotes(
        "Operators will install so-called \"black boxes\" on their networks.",
        Lang::En,
    );
    assert!(got.is_empty(), "{got:?}");
    let got = quotes(
        "Paul Martin a qualifié la mesure d’« absurde » mardi.",
        Lang::Fr,
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker.as_deref(), Some("Paul Martin"));
}
