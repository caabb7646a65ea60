//! The speaker named by a noun phrase: after a reporting verb, as the
//! subject before one, after a title, or nobody named ("a senior dealer").

use super::super::actors::{ArticleActors, Mention};
use super::super::lexicon::{ActorKind, LEXICON};
use super::super::names::one_line;
use super::super::tokens::Tokens;
use super::verbs::{AUXILIARIES, participle_form};
use super::{PRONOUNS, WINDOW, Who};

/// Words that sit between a verb and the speaker's name without being part of it.
pub(super) const SKIP_BEFORE_NAME: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "d",
    "de",
    "du",
    "des",
    "the",
    "a",
    "an",
    "hier",
    "aujourd",
    "hui",
    "également",
    "egalement",
    "aussi",
    "encore",
    "ensuite",
    "alors",
    "enfin",
    "plus",
    "tard",
    "tôt",
    "ainsi",
    "pour",
    "sa",
    "part",
    "quant",
    "on",
    "also",
    "later",
    "earlier",
    "then",
    "yesterday",
    "today",
];

/// Words that end the speaker's noun phrase.
pub(super) const NP_STOPS: &[&str] = &[
    "lors", "à", "a", "au", "aux", "dans", "devant", "pendant", "après", "avant", "selon", "en",
    "sur", "depuis", "in", "at", "on", "during", "after", "before", "to", "told", "who", "qui",
    "que", "dont", "où", "from", "while", "as",
];

/// Determiners: a capitalised word after one starts an organisation or a title, not a person's name.
pub(super) const DETERMINERS: &[&str] = &["le", "la", "les", "l", "un", "une", "the", "a", "an"];

/// Indefinite articles and quantifiers that open an unnamed subject.
pub(super) const INDEFINITES: &[&str] = &["a", "an", "one", "another", "un", "une"];

/// The speaker named by the mention at `m`.
pub(super) fn actor_who(m: &Mention) -> Who {
    Who::Actor(m.actor, (m.start, m.end))
}

/// The person whose name starts at `k`: a known person, else a new one of at
/// most three words ("… analyst Norman Mains", "the Bank of Tokyo's Honda").
pub(super) fn person_named_at(t: &Tokens<'_>, actors: &ArticleActors, k: usize) -> Who {
    match actors.mention_at(k) {
        Some(m) if actors.actors[m.actor].kind == ActorKind::Person => actor_who(m),
        _ => Who::NewPerson(k, super::super::names::name_end(t, k, 3)),
    }
}

/// The speaker named in the noun phrase starting at `k` (after a reporting verb).
pub(super) fn noun_phrase_speaker(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    k: usize,
    sentence: usize,
) -> Option<Who> {
    let lexicon = &*LEXICON;
    let mut j = k;
    let mut role: Option<String> = None;
    let mut nationality: Option<String> = None;
    let mut best: Option<Who> = None;
    while j < t.toks.len() && j < k + 30 && t.toks[j].sentence == sentence {
        let w = t.lower(j);
        if t.toks[j].is_word
            && (NP_STOPS.contains(&w) || crate::ingest::dates::is_calendar_word(w))
            && j > k
            && best.is_some()
        {
            break;
        }
        if !t.toks[j].is_word
            && matches!(
                t.word(j),
                "." | "!" | "?" | "«" | "“" | "\"" | ":" | ";" | "("
            )
        {
            break;
        }
        if t.is_punct(j, ',') && (best.is_some() || role.is_some()) && j > k {
            // An apposition naming the person: "le secrétaire de presse …, le général Patrick Ryder, lors …".
            // Not a clause: "said one official, echoing statements by Kohl".
            let participle =
                |x: usize| t.toks[x].is_word && !t.toks[x].is_cap && participle_form(t.lower(x));
            let apposition = (j + 1..(j + 8).min(t.toks.len()))
                .take_while(|x| {
                    !t.is_punct(*x, ',')
                        && !t.is_punct(*x, '.')
                        && t.toks[*x].sentence == sentence
                        && !participle(*x)
                })
                .find_map(|x| {
                    actors
                        .mention_at(x)
                        .filter(|m| actors.actors[m.actor].kind == ActorKind::Person)
                });
            if let Some(m) = apposition {
                return Some(actor_who(m));
            }
            break;
        }
        // "M. Kirby": the period of an honorific does not end the phrase.
        if t.toks[j].is_word
            && t.is_punct(j + 1, '.')
            && lexicon.honorifics.contains(&format!("{}.", t.word(j)))
        {
            j += 2;
            continue;
        }
        if let Some(m) = actors.mention_at(j) {
            let actor = m.actor;
            let surface = (m.start, m.end);
            // "says a doctor from Hebron", "un proche de X": the person after
            // a job word and a preposition is not the one who speaks.
            if role.is_some() && j > k && lexicon.in_list("preposition", t.lower(j - 1)) {
                j = m.end_tok;
                continue;
            }
            // "said Drexel Burnham Lambert analyst Norman Mains": a firm, a
            // job, then the person who speaks (whatever the firm was taken for).
            let e = m.end_tok;
            if lexicon.roles.contains(t.key(e))
                && !t.toks[e].is_cap
                && t.toks.get(e + 1).is_some_and(|x| x.is_word && x.is_cap)
                && t.toks[e + 1].sentence == sentence
            {
                return Some(person_named_at(t, actors, e + 1));
            }
            if actors.actors[actor].kind == ActorKind::Person {
                return Some(Who::Actor(actor, surface));
            }
            // "the Bank of Tokyo's Honda", "GAF's Heyman": its person speaks.
            let e = m.end_tok;
            if (t.is_punct(e, '\'') || t.is_punct(e, '’'))
                && t.lower(e + 1) == "s"
                && t.toks.get(e + 2).is_some_and(|x| x.is_word && x.is_cap)
                && !super::super::actors_not_name(t.word(e + 2))
            {
                return Some(person_named_at(t, actors, e + 2));
            }
            if role.is_none() {
                best.get_or_insert(Who::Actor(actor, surface));
            }
            j = m.end_tok;
            continue;
        }
        let key = t.key(j).to_owned();
        if lexicon.roles.contains(&key) {
            role.get_or_insert(t.word(j).to_owned());
            j += 1;
            continue;
        }
        let skipped = skip_count(t, k);
        let after_determiner = (k..k + skipped).any(|x| DETERMINERS.contains(&t.lower(x)));
        if t.toks[j].is_word
            && t.toks[j].is_cap
            && j == k + skipped
            && !after_determiner
            && !lexicon.honorifics.contains(t.word(j))
        {
            // A name right after the verb: a person not known yet ("a déclaré Peaches").
            let e = super::super::names::name_end(t, j, 4);
            // "said Drexel Burnham Lambert analyst Norman Mains": a firm, a
            // job, then the person who speaks.
            if lexicon.roles.contains(t.key(e))
                && t.toks.get(e + 1).is_some_and(|x| x.is_word && x.is_cap)
                && t.toks[e + 1].sentence == sentence
            {
                return Some(person_named_at(t, actors, e + 1));
            }
            if !super::super::actors_not_name(t.word(j)) {
                return Some(Who::NewPerson(j, e));
            }
        }
        if PRONOUNS.contains(&w) && j == k {
            return Some(Who::Pronoun(w.to_owned(), j));
        }
        if let Some(e) = lexicon.demonyms.get(&key) {
            nationality.get_or_insert(lexicon.entries[*e].id.clone());
        }
        j += 1;
    }
    // "said a Treasury spokesman" names nobody; "selon un haut responsable
    // américain" is resolved among Americans.
    let indefinite = t.toks.get(k).is_some_and(|x| x.is_word) && INDEFINITES.contains(&t.lower(k));
    if indefinite && nationality.is_none() && (best.is_some() || role.is_some()) {
        // "said a U.S. Bank foreign exchange manager": someone at the bank.
        let end = (k + 1..j.min(t.toks.len()))
            .find(|x| !t.toks[*x].is_word && !t.is_punct(*x, '.'))
            .unwrap_or(j.min(t.toks.len()));
        return Some(Who::Unnamed(one_line(
            &t.text[t.toks[k].start..t.toks[end.max(k + 1) - 1].end],
        )));
    }
    if best.is_none() && role.is_none() {
        // "a indiqué la préfecture", "said the ministry".
        if let Some(head) = institution_noun(t, k, j.min(k + 3)) {
            return named_institution(t, actors, k, head)
                .or_else(|| Some(description(t, k, head + 1, j)));
        }
    }
    best.or_else(|| role.map(|r| Who::Role(r, nationality)))
}

pub(super) fn skip_count(t: &Tokens<'_>, k: usize) -> usize {
    let mut n = 0;
    while k + n < t.toks.len()
        && (SKIP_BEFORE_NAME.contains(&t.lower(k + n))
            || crate::ingest::dates::is_calendar_word(t.lower(k + n))
            || t.is_punct(k + n, '\'')
            || t.is_punct(k + n, '’'))
    {
        n += 1;
    }
    n
}

/// The token after an honorific opening a name at `k` ("Dr Maathai", "M.
/// Kirby"), else `k`.
pub(super) fn after_honorific(t: &Tokens<'_>, k: usize) -> usize {
    let honorifics = &LEXICON.honorifics;
    let next_is_name = |x: usize| t.toks.get(x).is_some_and(|n| n.is_word && n.is_cap);
    if honorifics.contains(t.word(k)) && next_is_name(k + 1) {
        k + 1
    } else if t.is_punct(k + 1, '.')
        && honorifics.contains(&format!("{}.", t.word(k)))
        && next_is_name(k + 2)
    {
        k + 2
    } else {
        k
    }
}

/// A subject that opens with an indefinite article names nobody: "a senior
/// dealer at an Oslo bank told Reuters", "un diplomate a affirmé".
pub(super) fn unnamed_subject(t: &Tokens<'_>, from: usize, verb: usize) -> Option<Who> {
    let first = (from..verb).find(|k| t.toks[*k].is_word)?;
    if !INDEFINITES.contains(&t.lower(first)) {
        return None;
    }
    // "un haut responsable américain": resolved among Americans instead.
    if nationality_in(t, first..verb).is_some() {
        return None;
    }
    Some(description(t, first, first + 1, verb))
}

/// The words from `first` that describe an unnamed speaker: on from
/// `words_from` up to the first punctuation or the verb, at most four words
/// in all.
fn description(t: &Tokens<'_>, first: usize, words_from: usize, verb: usize) -> Who {
    let end = (words_from..verb)
        .find(|k| !t.toks[*k].is_word)
        .unwrap_or(verb)
        .min(first + 4)
        .max(words_from);
    Who::Unnamed(t.text[t.toks[first].start..t.toks[end - 1].end].to_owned())
}

/// "Le rapport affirme que", "The statement said": a sentence that opens
/// with a definite article and an institution's or a document's noun, and
/// names no actor before its verb, gives the words to that description.
fn institution_subject(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    from: usize,
    verb: usize,
) -> Option<Who> {
    let first = (from..verb).find(|k| t.toks[*k].is_word)?;
    let head = institution_noun(t, first, verb)?;
    if let Some(who) = named_institution(t, actors, first, head) {
        return Some(who);
    }
    // The noun and its complement up to the verb ("le projet de loi").
    Some(description(t, first, head + 1, verb))
}

/// The institution's or document's noun after a definite article at
/// `first` ("the ministry", "la préfecture"), before `end`.
fn institution_noun(t: &Tokens<'_>, first: usize, end: usize) -> Option<usize> {
    if !matches!(t.lower(first), "le" | "la" | "l" | "the") {
        return None;
    }
    let head = (first + 1..end).find(|k| t.toks[*k].is_word)?;
    LEXICON
        .in_list("speaking_noun", t.lower(head))
        .then_some(head)
}

/// "The ministry says" after "Pakistan's Ministry of Foreign Affairs": a
/// definite institution's noun stands for the last organisation named
/// before it with that word in its name ("le ministère" for "ministère des
/// Armées"). The evidence is the description itself.
fn named_institution(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    first: usize,
    head: usize,
) -> Option<Who> {
    let noun = super::super::lexicon::normalize(t.word(head));
    let m = actors.mentions[..actors.mentions.partition_point(|m| m.first_tok < first)]
        .iter()
        .rev()
        .find(|m| {
            let actor = &actors.actors[m.actor];
            actor.kind == ActorKind::Org
                && super::super::lexicon::normalize(&actor.name)
                    .split(' ')
                    .any(|w| w == noun)
        })?;
    Some(Who::Actor(m.actor, (t.toks[first].start, t.toks[head].end)))
}

/// The subject of the verb at `verb`: the last person mentioned before it in the
/// sentence, else the last actor, else a pronoun or role noun at the sentence start.
pub(super) fn subject_before(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    verb: usize,
    from: usize,
) -> Option<Who> {
    let lexicon = &*LEXICON;
    // Real subjects are close to their verb; a window keeps run-on "sentences" linear.
    let from = from.max(verb.saturating_sub(WINDOW));
    if let Some(who) = participle_subject(t, actors, verb, from) {
        return Some(who);
    }
    // The verb phrase: auxiliaries, adverbs and a negation before the verb.
    let mut k = verb;
    while k > from
        && (AUXILIARIES.contains(&t.lower(k - 1))
            || matches!(
                t.lower(k - 1),
                "également" | "egalement" | "aussi" | "encore" | "déjà" | "ne" | "n" | "'" | "’"
            ))
    {
        k -= 1;
    }
    // "he said", "quand il dénonce": a pronoun right before the verb phrase
    // is its subject, whoever else the sentence names before it.
    if k > from && matches!(t.lower(k - 1), "he" | "she" | "il" | "elle") {
        return Some(Who::Pronoun(t.lower(k - 1).to_owned(), k - 1));
    }
    let mentions = actors.mentions_in(from, verb);
    if let Some(m) = mentions
        .iter()
        .rev()
        .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
    {
        return Some(clause_subject(t, m.end_tok, verb).unwrap_or_else(|| actor_who(m)));
    }
    // "A spokeswoman for Milan-based Ambrosiano said": nobody named.
    if let Some(who) = unnamed_subject(t, from, verb) {
        return Some(who);
    }
    // "…, qui a averti que": the relative pronoun stands for the noun phrase before it.
    if k > from && matches!(t.lower(k - 1), "qui" | "who") {
        let back = k - 1;
        let lo = back.saturating_sub(12).max(from);
        if let Some(m) = actors
            .mentions_in(lo, back)
            .iter()
            .rev()
            .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
        {
            return Some(actor_who(m));
        }
        for j in (lo..back).rev() {
            if lexicon.roles.contains(t.key(j)) {
                let nationality = nationality_in(t, j..back);
                return Some(Who::Role(t.word(j).to_owned(), nationality));
            }
        }
    }
    if k > from
        && t.toks[k - 1].is_word
        && t.toks[k - 1].is_cap
        && actors.mention_at(k - 1).is_none()
        && !super::super::actors_not_name(t.word(k - 1))
    {
        let mut s = k - 1;
        while s > from
            && t.toks[s - 1].is_word
            && t.toks[s - 1].is_cap
            && actors.mention_at(s - 1).is_none()
        {
            s -= 1;
        }
        return Some(Who::NewPerson(s, k));
    }
    if let Some(m) = mentions.first() {
        return Some(actor_who(m));
    }
    if let Some(who) = institution_subject(t, actors, from, verb) {
        return Some(who);
    }
    for j in from..verb {
        let w = t.lower(j);
        if PRONOUNS.contains(&w) {
            return Some(Who::Pronoun(w.to_owned(), j));
        }
        let key = t.key(j).to_owned();
        if lexicon.roles.contains(&key) {
            // "Deputy Defense Secretary Wolfowitz published …, saying": the
            // capitalised name after the last title word is the speaker.
            if let Some(name) = name_after_title(t, actors, j, verb) {
                return Some(name);
            }
            let nationality = nationality_in(t, j..verb);
            return Some(Who::Role(t.word(j).to_owned(), nationality));
        }
    }
    None
}

/// "Mbumba said he was present when doctors told those at the hospital:":
/// a clause opened after the person named ("when", "that", "quand") has
/// its own subject before the verb, a pronoun or a short noun phrase with
/// no name ("doctors", "the nurses").
fn clause_subject(t: &Tokens<'_>, after: usize, verb: usize) -> Option<Who> {
    let opener = (after..verb)
        .rev()
        .find(|k| LEXICON.in_list("subject_clause", t.lower(*k)))?;
    let words: Vec<usize> = (opener + 1..verb).collect();
    if words.is_empty()
        || words.len() > 4
        || words.iter().any(|k| {
            !t.toks[*k].is_word || t.toks[*k].is_cap || LEXICON.verbs.contains_key(t.lower(*k))
        })
    {
        return None;
    }
    let first = words[0];
    let w = t.lower(first);
    if words.len() == 1 && PRONOUNS.contains(&w) {
        return Some(Who::Pronoun(w.to_owned(), first));
    }
    // A determiner then a noun, or a plural noun alone ("doctors told").
    let plural = words.len() == 1 && (w.ends_with('s') || w.ends_with('x'));
    (DETERMINERS.contains(&w) && words.len() >= 2 || plural)
        .then(|| description(t, first, first + 1, verb))
}

/// The subject of a participle clause (", saying", ", déclarant") is the
/// subject of the clause it hangs on, not the last person named before it:
/// in "as he talks to Secretary Marvin Sambur about Boeing, saying, "…"" the
/// speaker is "he". The first person, pronoun or role of that clause.
pub(super) fn participle_subject(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    verb: usize,
    from: usize,
) -> Option<Who> {
    let w = t.lower(verb);
    if verb == 0 || !t.is_punct(verb - 1, ',') || !participle_form(w) {
        return None;
    }
    // The clause starts after the last ";" or at a ", as/while/et/mais …".
    let mut start = from;
    for k in (from..verb - 1).rev() {
        if t.is_punct(k, ';') {
            start = k + 1;
            break;
        }
        if t.is_punct(k, ',') && CLAUSE_OPENERS.contains(&t.lower(k + 1)) {
            start = k + 1;
            break;
        }
    }
    let mut j = start;
    // Words inside quote marks are the quoted speaker's, not the clause's.
    let mut quoted = false;
    while j < verb - 1 {
        if matches!(t.word(j), "«" | "»" | "“" | "”" | "\"") {
            quoted = !matches!(t.word(j), "»" | "”") && !quoted;
            j += 1;
            continue;
        }
        if quoted {
            j += 1;
            continue;
        }
        if let Some(m) = actors.mention_at(j) {
            if actors.actors[m.actor].kind == ActorKind::Person {
                return Some(actor_who(m));
            }
            j = m.end_tok.max(j + 1);
            continue;
        }
        let w = t.lower(j);
        if PRONOUNS.contains(&w) {
            return Some(Who::Pronoun(w.to_owned(), j));
        }
        if LEXICON.roles.contains(t.key(j)) {
            // "le ministre Jean Dupont", "Secretary James Roche".
            let named = actors
                .mentions_in(j + 1, (j + 10).min(verb))
                .iter()
                .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
                .map(actor_who);
            return named
                .or_else(|| name_after_title(t, actors, j, verb))
                .or_else(|| Some(Who::Role(t.word(j).to_owned(), nationality_in(t, j..verb))));
        }
        j += 1;
    }
    None
}

/// Words that open a new clause after a comma.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "as", "while", "when", "whereas", "and", "but", "alors", "tandis", "quand", "lorsque", "et",
    "mais",
];

/// The country of the first nationality adjective among tokens `range`
/// ("le ministre russe" → `country:ru`).
pub(super) fn nationality_in(t: &Tokens<'_>, mut range: std::ops::Range<usize>) -> Option<String> {
    let lexicon = &*LEXICON;
    range
        .find_map(|x| lexicon.demonyms.get(t.key(x)))
        .map(|e| lexicon.entries[*e].id.clone())
}

/// The capitalised name that follows a title starting at `role` ("Deputy
/// Defense Secretary Paul Wolfowitz" → "Paul Wolfowitz"), before `end`.
pub(super) fn name_after_title(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    role: usize,
    end: usize,
) -> Option<Who> {
    let lexicon = &*LEXICON;
    let mut run = Vec::new();
    let mut k = role + 1;
    while k < end && t.toks[k].is_word && t.toks[k].is_cap && actors.mention_at(k).is_none() {
        run.push(k);
        k += 1;
    }
    let last_title = run
        .iter()
        .rposition(|x| lexicon.roles.contains(t.key(*x)))
        .map_or(0, |p| p + 1);
    let name = &run[last_title..];
    let (first, last) = (*name.first()?, *name.last()?);
    if name.len() > 4
        || name
            .iter()
            .any(|x| super::super::actors_not_name(t.word(*x)))
    {
        return None;
    }
    Some(Who::NewPerson(first, last + 1))
}
