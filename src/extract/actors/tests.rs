//! Actor extraction on sentences written for the purpose, one behaviour each.

use super::super::tokens::tokenize;
use super::*;

/// The names of the actors the whole extraction keeps (settings left out).
fn extracted_names(text: &str, lang: Lang) -> Vec<String> {
    crate::extract::extract_text(text, lang)
        .actors
        .into_iter()
        .map(|a| a.name)
        .collect()
}

/// `got` (from [`actors_of`]) has an actor named `name`.
fn assert_named(got: &[(String, usize)], name: &str) {
    assert!(got.iter().any(|(n, _)| n == name), "{name}: {got:?}");
}

fn actors_of(text: &str, lang: Lang) -> Vec<(String, usize)> {
    let t = tokenize(text, &|w| LEXICON.honorifics.contains(w));
    let found = find_actors(&t, lang, &LEXICON);
    let mut counts: Vec<(String, usize)> = found
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            (
                a.name.clone(),
                found.mentions.iter().filter(|m| m.actor == i).count(),
            )
        })
        .collect();
    counts.sort();
    counts
}

/// A known actor after "et" / "and" is another actor, not the end of an
/// institution's name.
#[test]
fn coordinated_actors_stay_apart() {
    let got = actors_of(
        "Sommet : l'Union européenne et le Canada promettent un fonds pour les ports.",
        Lang::Fr,
    );
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Canada", "Union européenne"], "{got:?}");
}

#[test]
fn french_actors_with_metonyms_and_surnames() {
    let text = "Des liens étroits avec Moscou ont conféré à Pyongyang un éclat, a déclaré Jung Pak. \
                Pak a affirmé que la Russie et la Corée du Nord coopèrent. Le porte-parole du Kremlin, Dmitri Peskov, a rejeté ces informations. \
                Le président Vladimir Poutine a rencontré Kim Jong-un. Kim a promis. Peskov a expliqué.";
    let got = actors_of(text, Lang::Fr);
    let want: Vec<(String, usize)> = vec![
        ("Corée du Nord".into(), 2),
        ("Dmitri Peskov".into(), 2),
        ("Jung Pak".into(), 2),
        ("Kim Jong Un".into(), 2),
        ("Kremlin".into(), 1),
        ("Russie".into(), 2),
        ("Vladimir Poutine".into(), 1),
    ];
    assert_eq!(got, want);
}

#[test]
fn english_actors_and_precision() {
    let text = "Secretary of State Antony Blinken said on Monday that the United States and NATO would act. \
                In March, the European Union said Washington was right. However, Blinken warned Moscow. \
                The Wagner Group denied it. Thursday was calm.";
    let got = actors_of(text, Lang::En);
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Antony Blinken",
            "European Union",
            "NATO",
            "Russia",
            "United States",
            "Wagner Group"
        ]
    );
    assert_eq!(got[0].1, 2);
    assert_eq!(got[4].1, 2, "Washington counts for the United States");
    // A common word may open an organisation's name, never a person's.
    let got = actors_of(
        "Shares of General Motors Corp rose. General Smith was not there. The Board met.",
        Lang::En,
    );
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"General Motors"), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("The")), "{names:?}");
    // An office before a given name is not part of the person's name;
    // an organisation's name may hold "on".
    let got = actors_of(
        "Secretary of the Air Force James Roche wrote to the Assistant Secretary for \
         Acquisition Marvin Sambur. The Project on Government Oversight objected.",
        Lang::En,
    );
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    // The Air Force is an organisation of its own.
    assert_eq!(
        names,
        [
            "Air Force",
            "James Roche",
            "Marvin Sambur",
            "Project on Government Oversight"
        ]
    );
    // "M. de Lasteyrie": a particle after the honorific.
    let got = actors_of("On attend M. de Lasteyrie à Paris.", Lang::Fr);
    assert!(got.contains(&("Lasteyrie".to_owned(), 1)), "{got:?}");
    // A built-in person's surname given to someone else is theirs in
    // this article: Thorvald is not the built-in Jens Stoltenberg.
    let got = actors_of(
        "Foreign Minister Thorvald Stoltenberg arrived. Stoltenberg said Norway agreed.",
        Lang::En,
    );
    assert!(
        got.contains(&("Thorvald Stoltenberg".to_owned(), 2)),
        "{got:?}"
    );
    assert!(!got.iter().any(|(n, _)| n == "Jens Stoltenberg"), "{got:?}");
    let got = actors_of("Jens Stoltenberg arrived. Stoltenberg said yes.", Lang::En);
    assert!(got.contains(&("Jens Stoltenberg".to_owned(), 2)), "{got:?}");
    // A familiar given name meets the full one: Joseph Biden is Joe Biden.
    let got = actors_of("Sen. Joseph Biden spoke. Biden left.", Lang::En);
    assert!(got.contains(&("Joe Biden".to_owned(), 2)), "{got:?}");
    // Words of institutions' names are not people, whatever cue precedes.
    let got = actors_of(
        "David Woods, spokesman of the General Agreement on Tariffs and Trade, \
         told the official New China News Agency that General Electric Credit Corp agreed.",
        Lang::En,
    );
    let people: Vec<&str> = got
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| ["Agreement", "New", "Electric Credit"].contains(n))
        .collect();
    assert!(people.is_empty(), "{got:?}");
}

/// Credits and bylines name no actor; the people of the story stay.
#[test]
fn credits_are_not_actors() {
    // Paragraphs as the HTML reader writes them, one blank line apart.
    let text = [
        "Teachers pack the Statehouse",
        "By Tom Davies",
        "Michael Conroy, AP",
        "Teachers marched, said Keith Gambill. (Evan Mitsui/CBC)",
        "Protesters gather. Scott Olson/Getty Images/SAMEER AL-DOUMY/AFP via Getty Images",
        "(AFP) - Emmanuel Macron spoke. (Photo by Ezequiel Becerra / AFP)",
        "An image by Kim Jones was shown, said Ana Lopez. Credit: Lee Parks",
    ]
    .join("\n\n");
    let names: Vec<String> = actors_of(&text, Lang::En)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        ["Ana Lopez", "Emmanuel Macron", "Keith Gambill", "Kim Jones"],
        "{names:?}"
    );
}

/// A party is named by its members' word, in each language's way; a
/// dotted abbreviation keeps its period.
#[test]
fn parties_by_their_members_word() {
    let got = actors_of(
        "Two Republican lawmakers met the U.S. envoy. Democrats objected. \
         Conservative estimates vary.",
        Lang::En,
    );
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Democratic Party", "Republican Party", "United States"],
        "{got:?}"
    );
    let got = actors_of(
        "Les députés socialistes et l'écologiste Sergio Coronado ont voté contre. \
         Les valeurs républicaines sont en jeu.",
        Lang::Fr,
    );
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Les Écologistes", "Parti socialiste", "Sergio Coronado"],
        "{got:?}"
    );
    let t = tokenize("The U.S. said no.", &|w| LEXICON.honorifics.contains(w));
    let found = find_actors(&t, Lang::En, &LEXICON);
    assert_eq!(
        &t.text[found.mentions[0].start..found.mentions[0].end],
        "U.S."
    );
}

/// An acronym the article defines names its long form there, before or
/// after the definition, whatever the lexicon says it is elsewhere.
#[test]
fn defined_acronyms() {
    let named = |text: &str, lang: Lang| -> Vec<(String, usize)> {
        actors_of(text, lang)
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .collect()
    };
    let got = named(
        "NBC aired the speech. The Namibian Broadcasting Corporation (NBC) is public.",
        Lang::En,
    );
    assert_eq!(
        got,
        [("Namibian Broadcasting Corporation".to_owned(), 3)],
        "{got:?}"
    );
    let got = named(
        "Le texte a été transmis à la Commission nationale de l’informatique et des libertés (CNIL). \
         La CNIL a rendu son avis mardi.",
        Lang::Fr,
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, 3, "{got:?}");
}

/// A family name two people share goes to the one its honorific says,
/// else to the one named in full last; a job title opens no name.
#[test]
fn shared_family_names() {
    let text = "Philip Simons and his wife Ninette Simons were at home. \
                Mrs Simons was hurt. Mr Simons called the police. \
                Rajnath Singh spoke first, then Vyomika Singh. Later, Realtor Shaun Ghulam came. \
                Ghulam agreed.";
    let t = tokenize(text, &|w| LEXICON.honorifics.contains(w));
    let found = find_actors(&t, Lang::En, &LEXICON);
    let at = |word: &str, nth: usize| {
        let k = (0..t.toks.len())
            .filter(|k| t.word(*k) == word)
            .nth(nth)
            .unwrap();
        found
            .mention_at(k)
            .map(|m| found.actors[m.actor].name.as_str())
    };
    assert_eq!(at("Simons", 2), Some("Ninette Simons"), "{found:?}");
    assert_eq!(at("Simons", 3), Some("Philip Simons"), "{found:?}");
    assert_eq!(at("Ghulam", 1), Some("Shaun Ghulam"), "{found:?}");
    // The given name alone, when one person has it; a longer tail of the name.
    let text = "Mariam Malibiche walks home. Pedro Passos Coelho spoke. \
                Later Mariam said the lights help. Passos Coelho agreed.";
    let got = actors_of(text, Lang::En);
    assert_eq!(
        got,
        [
            ("Mariam Malibiche".to_owned(), 2),
            ("Pedro Passos Coelho".to_owned(), 2)
        ],
        "{got:?}"
    );
}

#[test]
fn affiliations_from_context() {
    let text = "Le porte-parole du Kremlin, Dmitri Peskov, a parlé. Le ministre nord-coréen des Affaires étrangères Choe Son-hui a visité Moscou. \
                Le sous-secrétaire adjoint Jung Pak, qui est le haut responsable du Département d'État, a déclaré.";
    let t = tokenize(text, &|w| LEXICON.honorifics.contains(w));
    let found = find_actors(&t, Lang::Fr, &LEXICON);
    let aff = |name: &str| {
        found
            .actors
            .iter()
            .find(|a| a.name == name)
            .and_then(|a| a.affiliation.clone())
    };
    assert_eq!(aff("Dmitri Peskov").as_deref(), Some("country:ru"));
    assert_eq!(aff("Choe Son-hui").as_deref(), Some("country:kp"));
    assert_eq!(aff("Jung Pak").as_deref(), Some("country:us"));
    assert!(
        found.actors.iter().all(|a| a.name != "Affaires"),
        "{:?}",
        found.actors
    );
}

/// An institution's name takes in the capitalised words beside it, and a
/// person's name read before an institution's last words is part of it.
#[test]
fn institutions_take_their_whole_name() {
    let got = actors_of(
        "Bob Alverson, head of the Fishing Vessel Owners Association, said it was a good year.",
        Lang::En,
    );
    assert_named(&got, "Fishing Vessel Owners Association");
    let got = actors_of(
        "The rally was large. Indiana State Teachers Association President Keith Gambill spoke first.",
        Lang::En,
    );
    assert_named(&got, "Indiana State Teachers Association");
    assert_named(&got, "Keith Gambill");
}

/// A nationality or an institution's generic word alone does not stand for
/// the organisation named with it.
#[test]
fn nationalities_are_not_short_forms() {
    let got = actors_of(
        "India said on Wednesday that the Indian Air Force had hit nine sites. Pakistan said it \
         downed five Indian aircraft. The Force was on alert, Indian officials said.",
        Lang::En,
    );
    let force: Vec<_> = got
        .iter()
        .filter(|(n, _)| n == "Indian Air Force")
        .collect();
    assert_eq!(force, [&("Indian Air Force".to_owned(), 1)], "{got:?}");
}

/// A French institution's field goes on in lower case after its head.
#[test]
fn french_institutions_keep_their_field() {
    let got = actors_of(
        "Le texte prévoit que la Commission nationale de contrôle des interceptions de sécurité \
         donne son avis au premier ministre.",
        Lang::Fr,
    );
    assert_named(
        &got,
        "Commission nationale de contrôle des interceptions de sécurité",
    );
}

/// The acronym of a party abroad counts only where the article names its
/// country; elsewhere it is a common abbreviation ("le PDG du groupe").
#[test]
fn foreign_acronyms_need_their_country() {
    let got = actors_of(
        "Le PDG du groupe, Jean Martin, a démissionné lundi.",
        Lang::Fr,
    );
    assert!(
        !got.iter()
            .any(|(n, _)| n.contains("gabonais") || n.contains("Gabonese")),
        "{got:?}"
    );
    let got = actors_of(
        "Au Gabon, le PDG a remporté les élections législatives de dimanche.",
        Lang::Fr,
    );
    assert_named(&got, "Gabon");
    assert_eq!(got.len(), 2, "{got:?}");
}

/// A name that ends as a place's is a place, one that ends as an
/// institution's an organisation; a glued elided prefix belongs to the name.
#[test]
fn names_by_their_last_word_and_glued_prefixes() {
    let got = actors_of(
        "The ships met near the Philippine Sea on Monday, said Maria Santos, who studied at \
         North Dakota State University. Later, De’Broski Herbert said the test was hard.",
        Lang::En,
    );
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"De’Broski Herbert"), "{got:?}");
    let t = tokenize(
        "The ships met near the Philippine Sea on Monday, said Maria Santos, who studied at \
         North Dakota State University.",
        &|w| LEXICON.honorifics.contains(w),
    );
    let found = find_actors(&t, Lang::En, &LEXICON);
    let people: Vec<&str> = found
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(people, ["Maria Santos"], "{:?}", found.actors);
}

/// A contact line, a caption's "for" credit and the author's biography
/// name no actor of the story.
#[test]
fn author_lines_are_not_actors() {
    let text = "Whole Foods cut its prices, said Tom Forte, an analyst.\n\n\
                A cook at the Zuni Cafe. | Jason Henry for The Standard\n\n\
                Benjamin Romano: 206-652-6593 or bromano@seattletimes.com\n\n\
                About the author\n\n\
                Pete Evans is the senior business writer for the paper.";
    let got = actors_of(text, Lang::En);
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"Tom Forte"), "{got:?}");
    for credit in ["Jason Henry", "Benjamin Romano", "Pete Evans"] {
        assert!(!names.contains(&credit), "{credit}: {got:?}");
    }
}

/// A platform where words are posted is no actor; it is one where it acts.
#[test]
fn platforms_count_where_they_act() {
    let names = |text: &str| extracted_names(text, Lang::En);
    let got = names("The mayor posted the video on Facebook on Monday evening.");
    assert!(!got.iter().any(|n| n == "Facebook"), "{got:?}");
    let got = names("The mayor posted the video on Monday. Facebook said it had removed it.");
    assert!(got.iter().any(|n| n == "Facebook"), "{got:?}");
}

/// A job word inside an organisation's name opens a person's; one at its
/// end is not the organisation's; a known name read from a lower-case
/// article that goes on is not meant.
#[test]
fn offices_and_their_holders() {
    let got = actors_of(
        "The ruling was read by Durban high court judge Mbuzeni Mathenjwa on Friday.",
        Lang::En,
    );
    assert_named(&got, "Mbuzeni Mathenjwa");
    assert!(!got.iter().any(|(n, _)| n.contains("judge")), "{got:?}");
    let got = actors_of(
        "Scientists at the National Labs were asked to list their work.",
        Lang::En,
    );
    assert!(!got.iter().any(|(n, _)| n == "The National"), "{got:?}");
}

/// A verb, a frequent word or an honorific ends an organisation's name
/// the recogniser ran on.
#[test]
fn organisations_end_before_the_verb() {
    let got = actors_of(
        "Le Conseil national a poursuivi lundi l'examen du budget, puis la Société des nations \
         que préside M. Cossy a siégé.",
        Lang::Fr,
    );
    for (name, _) in &got {
        assert!(
            !name.contains(" a ") && !name.ends_with(" que") && !name.contains("M."),
            "{got:?}"
        );
    }
}

/// In English a country before a noun only qualifies it ("U.S. officials");
/// it counts where it acts.
#[test]
fn countries_that_qualify_a_noun_do_not_act() {
    let names = |text: &str| extracted_names(text, Lang::En);
    let got = names(
        "The talks resumed. U.S. officials met the envoy. Later, U.S. negotiators left the room.",
    );
    assert!(
        !got.iter()
            .any(|n| n.contains("United States") || n == "U.S."),
        "{got:?}"
    );
    let got = names("The talks resumed. The United States imposed new sanctions on Monday.");
    assert!(
        got.iter()
            .any(|n| n.contains("United States") || n == "U.S."),
        "{got:?}"
    );
}
