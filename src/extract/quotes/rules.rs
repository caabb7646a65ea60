//! Where the speaker of a quote is said: after it (`« … », a déclaré X`),
//! before it (`X a déclaré : « … »`), in a label line, later in the sentence,
//! or as the subject of the sentence's reporting verb.

use super::super::actors::ArticleActors;
use super::super::lexicon::{ActorKind, LEXICON};
use super::super::tokens::Tokens;
use super::phrase::{actor_who, after_honorific, noun_phrase_speaker, subject_before};
use super::verbs::{AUXILIARIES, verb_phrase_at};
use super::{PRONOUNS, WINDOW, Who};

/// `« … », a déclaré X` / `"…," said X` / `« … », a-t-il dit` / `« … » Pak a déclaré` / `« … », selon X`.
/// The person at the end of a subject of titles and qualifiers, right
/// before a reporting verb: "…," Philippine exercise director Brigadier
/// General Vicente Blanco told reporters; « … », le directeur de l'Opéra
/// Alexander Neef a annoncé. The subject starts at `k` and holds no verb.
fn titled_subject<'a>(
    t: &Tokens<'_>,
    actors: &'a ArticleActors,
    k: usize,
    sentence: usize,
) -> Option<&'a super::super::actors::Mention> {
    let mut j = k;
    while j < (k + 12).min(t.toks.len()) && t.toks[j].sentence == sentence {
        if let Some(m) = actors.mention_at(j) {
            if actors.actors[m.actor].kind == ActorKind::Person {
                return (j > k && verb_phrase_at(t, m.end_tok).is_some()).then_some(m);
            }
            j = m.end_tok;
            continue;
        }
        let abbreviation = t.is_punct(j, '.') && j > k && t.toks[j - 1].is_word;
        if (!t.toks[j].is_word && !abbreviation && !t.is_punct(j, ','))
            || verb_phrase_at(t, j).is_some()
        {
            return None;
        }
        j += 1;
    }
    None
}

pub(super) fn after_attribution(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    after: usize,
) -> Option<(Who, f32)> {
    let mut k = after;
    while t.is_punct(k, ',') || t.is_punct(k, '—') || t.is_punct(k, '–') {
        k += 1;
    }
    let sentence = t.toks.get(k)?.sentence;
    if t.toks[k].after_break {
        return None;
    }
    // "selon X", "according to X", "d'après X".
    if let Some(who) = according_to(t, actors, k, sentence) {
        return Some((who, 0.9));
    }
    // Verb first: ", a déclaré X", ", said X", ", a-t-il ajouté". After
    // "told" comes the listener ("…, told Reuters"), never the speaker.
    if let Some((v, pronoun)) = verb_phrase_at(t, k) {
        if let Some(p) = pronoun {
            return Some((Who::Pronoun(p, v), 0.85));
        }
        let listener_follows = matches!(t.lower(v), "told" | "tells" | "tell" | "telling");
        if !listener_follows && let Some(who) = noun_phrase_speaker(t, actors, v + 1, sentence) {
            return Some((who, 0.95));
        }
    }
    // Name first: "Pak a déclaré", "Peskov said", "he said", "Dr Maathai said".
    let w = t.lower(k);
    if PRONOUNS.contains(&w) && verb_phrase_at(t, k + 1).is_some() {
        return Some((Who::Pronoun(w.to_owned(), k), 0.85));
    }
    if let Some(m) = titled_subject(t, actors, k, sentence) {
        return Some((actor_who(m), 0.85));
    }
    let k = after_honorific(t, k);
    let (who, name_end) = if let Some(m) = actors.mention_at(k) {
        (actor_who(m), m.end_tok)
    } else if t.toks[k].is_cap && t.toks[k].is_word && !super::super::actors_not_name(t.word(k)) {
        let e = super::super::names::name_end(t, k, 4);
        (Who::NewPerson(k, e), e)
    } else {
        return None;
    };
    if let Some((v, _)) = verb_phrase_at(t, name_end) {
        // "…" Smith agreed: "…": the colon gives the words that follow.
        if t.is_punct(v + 1, ':') {
            return None;
        }
        return Some((who, 0.9));
    }
    // A person, then an apposition, then the verb: "Jack Garner, film critic
    // for Gannet News Service, said", "Jean Dupont, porte-parole du
    // ministère, a déclaré".
    let person = match &who {
        Who::NewPerson(..) => true,
        Who::Actor(a, _) => actors.actors[*a].kind == ActorKind::Person,
        _ => false,
    };
    if !person || !t.is_punct(name_end, ',') {
        return None;
    }
    // The sentence test stops at a full stop; "U.K." inside goes on.
    for j in name_end + 2..(name_end + 22).min(t.toks.len()) {
        if t.toks[j].sentence != sentence
            || t.toks[j].after_break
            || matches!(t.word(j), "«" | "“" | "\"" | ";" | ":" | "(")
        {
            break;
        }
        let at = if t.is_punct(j, ',') { j + 1 } else { j };
        if verb_phrase_at(t, at).is_some() {
            return Some((who, 0.85));
        }
    }
    None
}

/// "selon X" / "d'après X" / "according to X" (and, at a sentence start, "pour X,")
/// starting at `k`.
pub(super) fn according_to(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    k: usize,
    sentence: usize,
) -> Option<Who> {
    let w = t.lower(k);
    let sentence_start = t.sentences.get(sentence).is_some_and(|r| r.start == k);
    let next = match w {
        "selon" => k + 1,
        "pour" if sentence_start => k + 1,
        "d" if t.lower(k + 2) == "après" => k + 3,
        "according" if t.lower(k + 1) == "to" => k + 2,
        _ => return None,
    };
    noun_phrase_speaker(t, actors, next, sentence)
}

/// `X a déclaré : « … »` / `X a déclaré que « … »` / `X said "…"` / `selon X, « … »`.
pub(super) fn before_attribution(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    open: usize,
) -> Option<(Who, f32)> {
    let sentence = t.toks.get(open)?.sentence;
    let range = t.sentences.get(sentence)?.clone();
    // "selon X, « … »" at the start of the sentence.
    if let Some(who) = according_to(t, actors, range.start, sentence) {
        return Some((who, 0.85));
    }
    // "Secretary of the Air Force James Roche: "…"": a speaker's label.
    if let Some(who) = colon_label(t, actors, open) {
        return Some((who, 0.8));
    }
    // The last reporting verb before the quote in this sentence, with its subject.
    let verb = (range.start.max(open.saturating_sub(WINDOW))..open)
        .rev()
        .find(|k| {
            t.toks[*k].is_word
                && LEXICON.verbs.contains_key(t.lower(*k))
                && !AUXILIARIES.contains(&t.lower(*k))
        })?;
    subject_before(t, actors, verb, range.start).map(|who| (who, 0.85))
}

/// The person named by a label that opens a line and ends with a colon right
/// before the quote: `Secretary of the Air Force James Roche: "…"`,
/// `Emmanuel Macron : « … »` (transcripts, e-mails, interviews). The label
/// holds only capitalised words and connectors, so "He said: "…"" is left
/// to the verb rules.
pub(super) fn colon_label(t: &Tokens<'_>, actors: &ArticleActors, open: usize) -> Option<Who> {
    let colon = open.checked_sub(1).filter(|c| t.is_punct(*c, ':'))?;
    let mut start = colon;
    while start > 0 && colon - start < 16 {
        let k = start - 1;
        let tok = &t.toks[k];
        let label_word = tok.is_word
            && (tok.is_cap
                || matches!(
                    t.lower(k),
                    "of" | "the" | "for" | "and" | "to" | "de" | "du" | "des" | "la" | "le" | "l"
                ));
        if !(label_word || t.is_punct(k, '.') || t.is_punct(k, '\'') || t.is_punct(k, '’')) {
            // Only a line-opening colon (wiki indentation) may precede the label.
            if !(t.is_punct(k, ':') && (k == 0 || tok.after_break)) {
                return None;
            }
            break;
        }
        start = k;
        if tok.after_break {
            break;
        }
    }
    let line_start = start == 0
        || t.toks[start].after_break
        || (t.is_punct(start - 1, ':') && (start == 1 || t.toks[start - 1].after_break));
    if start == colon || !line_start {
        return None;
    }
    actors
        .mentions_in(start, colon)
        .iter()
        .rev()
        .find(|m| actors.actors[m.actor].kind == ActorKind::Person)
        .map(actor_who)
}

/// A reporting clause later in the sentence: `… « éclat » qu'il …, a déclaré Jung Pak.`
pub(super) fn later_clause_attribution(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    after: usize,
) -> Option<(Who, f32)> {
    let sentence = t.toks.get(after)?.sentence;
    let range = t.sentences.get(sentence)?.clone();
    for k in after..range.end.min(after + WINDOW) {
        if t.is_punct(k, ',')
            && let Some(found) = after_attribution(t, actors, k + 1)
        {
            return Some((found.0, 0.8));
        }
        if matches!(t.word(k), "«" | "“" | "\"") {
            break; // Another quote: its clause is its own.
        }
    }
    None
}

/// The subject of any reporting verb in the sentence (partial quotes inside the
/// writer's sentence: "Ryder a appelé Pyongyang à s'abstenir de « déstabilisation »").
pub(super) fn subject_attribution(
    t: &Tokens<'_>,
    actors: &ArticleActors,
    open: usize,
    after: usize,
) -> Option<(Who, f32)> {
    let sentence = t.toks.get(open)?.sentence;
    let range = t.sentences.get(sentence)?.clone();
    let lo = range.start.max(open.saturating_sub(WINDOW));
    let hi = range.end.min(after + WINDOW);
    // A verb after the quote that a colon follows gives the next words.
    let verb = (lo..hi).filter(|k| *k < open || *k >= after).find(|k| {
        t.toks[*k].is_word
            && LEXICON.verbs.contains_key(t.lower(*k))
            && !AUXILIARIES.contains(&t.lower(*k))
            && !(*k >= after && t.is_punct(*k + 1, ':'))
    })?;
    // A name inside the quote is not the subject of a verb after it.
    let from = if verb >= after { after } else { range.start };
    subject_before(t, actors, verb, from).map(|who| (who, 0.7))
}
