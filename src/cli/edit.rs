//! `dossier-cli edit`: the user's corrections to actors and dates. Every
//! change is applied to the saved file under the corpus's edits lock, so
//! edits made at the same time by other processes (or the window) are kept.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::output::Lines;
use crate::analytics::CorpusData;
use crate::extract::ActorKind;
use crate::extract::edits::{ActorEdits, EDITS_FILE, EditOp, QuoteFix, UserActor, quote_id};
use crate::pipeline::Corpus;

/// What to change.
#[derive(Args, Debug, Clone)]
pub struct EditArgs {
    /// Merge actor FROM into actor INTO (FROM=INTO).
    #[arg(long, value_name = "FROM=INTO")]
    merge: Vec<String>,
    /// Undo the merge of this actor.
    #[arg(long, value_name = "ACTOR")]
    unmerge: Vec<String>,
    /// Give an actor another display name (ACTOR=NAME).
    #[arg(long, value_name = "ACTOR=NAME")]
    rename: Vec<String>,
    /// Hide an actor from lists and charts.
    #[arg(long, value_name = "ACTOR")]
    hide: Vec<String>,
    /// Show a hidden actor again.
    #[arg(long, value_name = "ACTOR")]
    unhide: Vec<String>,
    /// Take one form off an actor into an actor of its own (ACTOR=FORM, e.g. "Jung Pak=Pak").
    #[arg(long, value_name = "ACTOR=FORM")]
    split: Vec<String>,
    /// Put a split form back (ACTOR=FORM).
    #[arg(long, value_name = "ACTOR=FORM")]
    unsplit: Vec<String>,
    /// Whether a metonym counts for its country or institution (e.g. Pyongyang=off).
    #[arg(long, value_name = "METONYM=on|off")]
    metonym: Vec<String>,
    /// Add an actor found by its name and --alias forms; the articles are
    /// extracted again.
    #[arg(long, value_name = "NAME")]
    add: Option<String>,
    /// Kind of the added actor.
    #[arg(long, default_value = "person", value_parser = ["person", "country", "org", "place", "other"], requires = "add")]
    kind: String,
    /// Another form of the added actor (repeatable).
    #[arg(long, value_name = "FORM", requires = "add")]
    alias: Vec<String>,
    /// Remove an actor added with --add.
    #[arg(long, value_name = "NAME")]
    remove: Vec<String>,
    /// Correct an article's date (DOC=YYYY-MM-DD, YYYY-MM or YYYY; DOC=none
    /// for no date). DOC is the path as in `docs`, with #PART for
    /// multi-article files.
    /// Set the speaker of the quote starting at byte START of DOC to an actor.
    #[arg(long, value_name = "DOC#START=ACTOR")]
    quote: Vec<String>,
    /// Give the quote to someone the text does not name ("un proche").
    #[arg(long, value_name = "DOC#START=DESCRIPTION")]
    quote_unnamed: Vec<String>,
    /// Mark the quote starting at byte START of DOC as not a quote.
    #[arg(long, value_name = "DOC#START")]
    not_quote: Vec<String>,
    /// Undo the correction of a quote.
    #[arg(long, value_name = "DOC#START")]
    unquote: Vec<String>,
    #[arg(long, value_name = "DOC=DATE")]
    date: Vec<String>,
    /// Drop the date correction of an article (back to the date read from it).
    #[arg(long, value_name = "DOC")]
    undate: Vec<String>,
    /// Write the corrections to FILE (readable JSON).
    #[arg(long, value_name = "FILE")]
    export: Option<PathBuf>,
    /// Replace the corrections with those in FILE.
    #[arg(long, value_name = "FILE")]
    import: Option<PathBuf>,
    /// List probable duplicates (JSON lines: actor, into) instead of editing.
    #[arg(long)]
    suggestions: bool,
}

/// Runs the edit command on an opened corpus; true when the added actors
/// changed (the articles must then be extracted again).
pub fn run(corpus: &Corpus, args: &EditArgs) -> anyhow::Result<bool> {
    let data = CorpusData::load(corpus)?;
    if args.suggestions {
        let edits = ActorEdits::load(&corpus.data_dir).map_err(anyhow::Error::msg)?;
        let actors = data.actors(&edits);
        let mut out = Lines::new();
        for (a, b) in actors.merge_suggestions() {
            let name = |k: &str| actors.name(k).map(|(n, _)| n.to_owned());
            out.json(&json!({"actor": name(&a), "actor_key": a, "into": name(&b), "into_key": b, "reason": "same family name and initial"}))?;
        }
        out.finish()?;
        return Ok(false);
    }
    let imported = match &args.import {
        Some(path) => Some(
            ActorEdits::read(path)
                .map_err(anyhow::Error::msg)?
                .ok_or_else(|| anyhow::anyhow!("no such file: {}", path.display()))?,
        ),
        None => None,
    };
    let mut before = 0;
    let saved = crate::storage::update_json(
        &corpus.data_dir.join(EDITS_FILE),
        "actor edits",
        |edits: &mut ActorEdits| {
            before = edits.added_fingerprint();
            if let Some(imported) = &imported {
                edits.apply(&EditOp::Replace(imported.clone()))?;
            }
            for op in actor_ops(&data, args) {
                let op = op(edits)?;
                edits.apply(&op)?;
            }
            edits.version = 1;
            Ok(edits.clone())
        },
    )
    .map_err(anyhow::Error::msg)?;
    if !args.date.is_empty() || !args.undate.is_empty() {
        correct_dates(corpus, args)?;
    }
    if let Some(path) = &args.export {
        saved
            .write(path)
            .map_err(|e| anyhow::anyhow!("cannot write {} ({e})", path.display()))?;
    }
    let mut out = Lines::new();
    out.json(&saved)?;
    out.finish()?;
    Ok(saved.added_fingerprint() != before)
}

/// A change named by the user, turned into an [`EditOp`] against the edits
/// as they are when it is applied (a name may refer to an earlier rename).
type PendingOp<'a> = Box<dyn Fn(&ActorEdits) -> Result<EditOp, String> + 'a>;

/// The actor changes in the order the command applies them.
fn actor_ops<'a>(data: &'a CorpusData, args: &'a EditArgs) -> Vec<PendingOp<'a>> {
    let find = move |edits: &ActorEdits, name: &str| -> Result<String, String> {
        data.actors(edits)
            .find(name)
            .ok_or_else(|| format!("no actor named {name:?} in this corpus"))
    };
    let mut ops: Vec<PendingOp<'a>> = Vec::new();
    for arg in &args.merge {
        ops.push(Box::new(move |e| {
            let (from, into) = pair(arg)?;
            Ok(EditOp::Merge {
                from: find(e, &from)?,
                into: find(e, &into)?,
            })
        }));
    }
    for name in &args.unmerge {
        ops.push(Box::new(move |_| {
            // The merged actor's own key, as it was before any merge.
            find(&ActorEdits::default(), name).map(EditOp::Unmerge)
        }));
    }
    for arg in &args.rename {
        ops.push(Box::new(move |e| {
            let (actor, name) = pair(arg)?;
            Ok(EditOp::Rename {
                key: find(e, &actor)?,
                name,
            })
        }));
    }
    for name in &args.hide {
        ops.push(Box::new(move |e| find(e, name).map(EditOp::Hide)));
    }
    for name in &args.unhide {
        ops.push(Box::new(move |e| find(e, name).map(EditOp::Unhide)));
    }
    for arg in &args.split {
        ops.push(Box::new(move |e| {
            let (actor, form) = pair(arg)?;
            Ok(EditOp::Split {
                key: find(e, &actor)?,
                form,
            })
        }));
    }
    for arg in &args.unsplit {
        ops.push(Box::new(move |e| {
            let (actor, form) = pair(arg)?;
            Ok(EditOp::Unsplit {
                key: find(e, &actor)?,
                form,
            })
        }));
    }
    for arg in &args.metonym {
        ops.push(Box::new(move |_| {
            let (form, state) = pair(arg)?;
            let counts = match state.to_lowercase().as_str() {
                "on" | "yes" | "true" => true,
                "off" | "no" | "false" => false,
                _ => return Err(format!("expected METONYM=on or METONYM=off, got {arg:?}")),
            };
            if !crate::extract::lexicon::LEXICON.is_metonym(&form) {
                return Err(format!(
                    "{form:?} is not a built-in metonym (try --split to take a form off an actor)"
                ));
            }
            Ok(EditOp::Metonym { form, counts })
        }));
    }
    if let Some(name) = &args.add {
        ops.push(Box::new(move |_| {
            Ok(EditOp::Add(UserActor {
                name: name.clone(),
                kind: ActorKind::parse(&args.kind),
                aliases: args.alias.clone(),
            }))
        }));
    }
    for name in &args.remove {
        ops.push(Box::new(move |_| Ok(EditOp::Remove(name.clone()))));
    }
    for arg in &args.quote {
        ops.push(Box::new(move |e| {
            let (id, actor) = quote_pair(arg)?;
            Ok(EditOp::Quote {
                id: quote_at(data, &id)?,
                fix: QuoteFix::Speaker(find(e, &actor)?),
            })
        }));
    }
    for arg in &args.quote_unnamed {
        ops.push(Box::new(move |_| {
            let (id, description) = quote_pair(arg)?;
            Ok(EditOp::Quote {
                id: quote_at(data, &id)?,
                fix: QuoteFix::Unnamed(description),
            })
        }));
    }
    for id in &args.not_quote {
        ops.push(Box::new(move |_| {
            Ok(EditOp::Quote {
                id: quote_at(data, id)?,
                fix: QuoteFix::NotQuote,
            })
        }));
    }
    for id in &args.unquote {
        ops.push(Box::new(move |_| Ok(EditOp::Unquote(id.trim().to_owned()))));
    }
    ops
}

/// `DOC#START=VALUE`: the document part may itself hold `=`, the value not.
fn quote_pair(arg: &str) -> Result<(String, String), String> {
    arg.rsplit_once('=')
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .ok_or_else(|| format!("expected DOC#START=VALUE, got {arg:?}"))
}

/// `id` (`DOC#START` as `quotes` prints it) when the corpus has that quote.
fn quote_at(data: &CorpusData, id: &str) -> Result<String, String> {
    let id = id.trim();
    let (doc, start) = id
        .rsplit_once('#')
        .and_then(|(d, s)| Some((d, s.parse::<usize>().ok()?)))
        .ok_or_else(|| {
            format!("expected DOC#START (the quote's `id`, as `quotes` prints it), got {id:?}")
        })?;
    let found = data.iter().any(|(path, meta, extraction)| {
        extraction
            .quotes
            .iter()
            .any(|q| q.start == start && quote_id(path, meta.part, q.start) == id)
    });
    if !found {
        return Err(format!("no quote starts at byte {start} of {doc:?}"));
    }
    Ok(id.to_owned())
}

/// `A=B` → (A, B), trimmed.
fn pair(arg: &str) -> Result<(String, String), String> {
    arg.split_once('=')
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .ok_or_else(|| format!("expected A=B, got {arg:?}"))
}

/// Applies `--date` and `--undate` to the corpus's date corrections.
fn correct_dates(corpus: &Corpus, args: &EditArgs) -> anyhow::Result<()> {
    use crate::index::corrections::{DateCorrections, doc_key};
    let known: std::collections::HashSet<String> = corpus
        .manifest
        .articles()
        .map(|(path, a)| format!("{path}#{}", a.part))
        .collect();
    DateCorrections::update(&corpus.data_dir, |corrections| {
        for arg in &args.date {
            let (doc, value) = pair(arg)?;
            if !known.contains(&doc_key(&doc)) {
                return Err(format!("no article {doc:?} in this corpus"));
            }
            let value = Some(value.as_str()).filter(|v| !v.eq_ignore_ascii_case("none"));
            corrections.set(&doc, value)?;
        }
        for doc in &args.undate {
            if !corrections.unset(doc) {
                return Err(format!("no date correction for {doc:?}"));
            }
        }
        Ok(())
    })
    .map(drop)
    .map_err(anyhow::Error::msg)
}
