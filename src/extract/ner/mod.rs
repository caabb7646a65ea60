//! The name recogniser: a statistical sequence tagger (averaged perceptron,
//! greedy left to right) that marks people, organisations and places in
//! French and English text, whatever their given names or spelling. It looks
//! at word shape, affixes, neighbouring words and lexicon features
//! ([`features`]); its weights are learnt from openly licensed annotated
//! corpora by `cargo run --release --bin train-ner` ([`train`], sources in
//! `assets/README.md`) and ship in `assets/model/ner.bin`.

pub mod features;
pub mod train;

use std::sync::LazyLock;

use features::Context;

/// A token's tag: outside a name, or beginning / inside a person's,
/// organisation's or place's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tag {
    /// Not part of a name.
    O = 0,
    /// First word of a person's name.
    BPer = 1,
    /// Later word of a person's name.
    IPer = 2,
    /// First word of an organisation's name.
    BOrg = 3,
    /// Later word of an organisation's name.
    IOrg = 4,
    /// First word of a place's name.
    BLoc = 5,
    /// Later word of a place's name.
    ILoc = 6,
}

/// Number of tags.
pub const TAGS: usize = 7;

impl Tag {
    /// All tags, by number.
    pub const ALL: [Tag; TAGS] = [
        Tag::O,
        Tag::BPer,
        Tag::IPer,
        Tag::BOrg,
        Tag::IOrg,
        Tag::BLoc,
        Tag::ILoc,
    ];

    /// Parses `O`, `B-PER`, `I-ORG`, …; other types are `O`.
    pub fn parse(s: &str) -> Self {
        match s {
            "B-PER" => Tag::BPer,
            "I-PER" => Tag::IPer,
            "B-ORG" => Tag::BOrg,
            "I-ORG" => Tag::IOrg,
            "B-LOC" => Tag::BLoc,
            "I-LOC" => Tag::ILoc,
            _ => Tag::O,
        }
    }

    /// The kind of name: 0 none, 1 person, 2 organisation, 3 place.
    pub fn kind(self) -> u8 {
        (self as u8).div_ceil(2)
    }

    /// True for a first word.
    pub fn is_begin(self) -> bool {
        matches!(self, Tag::BPer | Tag::BOrg | Tag::BLoc)
    }

    /// Whether this tag may follow `prev` (an inside tag continues a name of its kind).
    pub fn may_follow(self, prev: Tag) -> bool {
        match self {
            Tag::IPer | Tag::IOrg | Tag::ILoc => prev != Tag::O && prev.kind() == self.kind(),
            _ => true,
        }
    }
}

/// Learnt weights: feature hash → one weight per tag.
pub struct Model {
    /// Open-addressing table (a power of two long) of feature hashes (0:
    /// empty) with their weights beside them, 24 bytes a slot, so a lookup
    /// touches one cache line and the table stays small.
    slots: Vec<Slot>,
    /// A weight is `scale` × its 16-bit value.
    scale: f32,
}

/// One feature and its weight for each tag, quantised to 16 bits.
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    weights: [i16; TAGS],
}

/// File header of a model.
const MAGIC: &[u8; 8] = b"DNER0001";

/// Largest quantised weight.
const QUANTUM: f32 = 32_000.0;

impl Model {
    /// A model from `(feature, weights)` pairs; weights are kept to 16 bits
    /// (as in the file).
    pub fn from_weights(pairs: impl ExactSizeIterator<Item = (u64, [f32; TAGS])>) -> Self {
        let pairs: Vec<(u64, [f32; TAGS])> = pairs.collect();
        let max = pairs
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / QUANTUM } else { 1.0 };
        Self::quantised(
            pairs
                .into_iter()
                .map(|(key, w)| (key, w.map(|x| (x / scale).round() as i16))),
            scale,
        )
    }

    fn quantised(pairs: impl ExactSizeIterator<Item = (u64, [i16; TAGS])>, scale: f32) -> Self {
        let len = (pairs.len() * 2).next_power_of_two().max(16);
        let empty = Slot {
            key: 0,
            weights: [0; TAGS],
        };
        let mut slots = vec![empty; len];
        for (key, weights) in pairs {
            let mut slot = (key as usize) & (len - 1);
            while slots[slot].key != 0 && slots[slot].key != key {
                slot = (slot + 1) & (len - 1);
            }
            slots[slot] = Slot { key, weights };
        }
        Self { slots, scale }
    }

    /// Reads a model written by [`Model::to_bytes`]; `None` when damaged.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (count, rest) = rest.split_at_checked(4)?;
        let count = u32::from_le_bytes(count.try_into().ok()?) as usize;
        let (scale, mut rest) = rest.split_at_checked(4)?;
        let scale = f32::from_le_bytes(scale.try_into().ok()?);
        let record = 8 + 2 * TAGS;
        if rest.len() != count.checked_mul(record)? || !scale.is_finite() {
            return None;
        }
        let mut pairs = Vec::with_capacity(count);
        while !rest.is_empty() {
            let (head, tail) = rest.split_at(record);
            let key = u64::from_le_bytes(head[..8].try_into().ok()?);
            let mut w = [0i16; TAGS];
            for (t, chunk) in w.iter_mut().zip(head[8..].chunks_exact(2)) {
                *t = i16::from_le_bytes([chunk[0], chunk[1]]);
            }
            pairs.push((key, w));
            rest = tail;
        }
        Some(Self::quantised(pairs.into_iter(), scale))
    }

    /// The model as bytes: 16-bit weights and their scale, features whose
    /// weights are all zero left out.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut entries: Vec<&Slot> = self
            .slots
            .iter()
            .filter(|s| s.key != 0 && s.weights.iter().any(|w| *w != 0))
            .collect();
        entries.sort_by_key(|s| s.key);
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for slot in entries {
            out.extend_from_slice(&slot.key.to_le_bytes());
            for w in slot.weights {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    /// True when the model has no features.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds the weights of `features` to `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32; TAGS]) {
        let mask = self.slots.len() - 1;
        let mut sums = [0i32; TAGS];
        for &f in features {
            let mut slot = (f as usize) & mask;
            loop {
                let entry = &self.slots[slot];
                if entry.key == f {
                    for (s, w) in sums.iter_mut().zip(&entry.weights) {
                        *s += i32::from(*w);
                    }
                    break;
                }
                if entry.key == 0 {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        for (s, sum) in scores.iter_mut().zip(sums) {
            *s += sum as f32 * self.scale;
        }
    }

    /// Tags every token of `ctx`: tokens that are not candidates are `O`.
    pub fn tag(&self, ctx: &Context<'_, '_>) -> Vec<Tag> {
        let n = ctx.t.toks.len();
        let mut tags = vec![Tag::O; n];
        let mut features = Vec::with_capacity(64);
        for i in 0..n {
            if ctx.t.cancelled(i) {
                break;
            }
            if !ctx.candidate[i] {
                continue;
            }
            // A name never runs over a line break (captions, credits, lists).
            let prev = if i > 0 && !ctx.t.toks[i].after_break {
                tags[i - 1]
            } else {
                Tag::O
            };
            let prev2 = if i > 1 { tags[i - 2] } else { Tag::O };
            features.clear();
            ctx.static_features(i, &mut features);
            ctx.tag_features(i, prev, prev2, &mut features);
            let mut scores = [0f32; TAGS];
            self.score(&features, &mut scores);
            tags[i] = best_tag(&scores, prev);
        }
        tags
    }
}

/// The highest-scoring tag allowed after `prev`.
pub fn best_tag(scores: &[f32; TAGS], prev: Tag) -> Tag {
    let mut best = Tag::O;
    let mut best_score = f32::NEG_INFINITY;
    for tag in Tag::ALL {
        if tag.may_follow(prev) && scores[tag as usize] > best_score {
            best = tag;
            best_score = scores[tag as usize];
        }
    }
    best
}

/// The shipped model, read on first use (an unreadable one recognises nothing).
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../../assets/model/ner.bin"))
        .unwrap_or_else(|| Model::from_weights(std::iter::empty()))
});

/// A name found by the recogniser: tokens `first..end` and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First token.
    pub first: usize,
    /// Token after the last.
    pub end: usize,
    /// 1 person, 2 organisation, 3 place.
    pub kind: u8,
}

/// The names in a tag sequence.
pub fn spans(tags: &[Tag]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        match tag {
            Tag::O => {}
            t if t.is_begin() => out.push(Span {
                first: i,
                end: i + 1,
                kind: t.kind(),
            }),
            t => {
                if let Some(last) = out.last_mut().filter(|s| s.end == i && s.kind == t.kind()) {
                    last.end = i + 1;
                }
            }
        }
    }
    out
}
