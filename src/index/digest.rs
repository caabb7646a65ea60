//! `digest.bin`: what extraction found in each article (actors, quotes), kept
//! beside the index in a compact binary log, so the window and the CLI read
//! the extractions of a million articles without decompressing a million
//! stored bodies from the full-text index.
//!
//! The file is a header line then records `[id u64][len u32][check u32][payload]`
//! (little-endian; the payload is the article's [`Extraction`] in postcard, the
//! check the low 32 bits of its xxh3). Indexing appends one record per article
//! it reads; the last record of an id wins, and only ids the manifest lists
//! count, so a deleted or re-read file needs no record of its own. A torn or
//! damaged tail ends the valid part: the valid part is copied to a new file
//! before the next append, and the articles the tail held are taken from the
//! index again (see [`crate::pipeline`]). When dead records outweigh live
//! ones, the log is rewritten with the live ones only. The file is never
//! changed in place but by appending, so a reader never sees bytes change.
//!
//! Reading is through a buffer, in file order where it can: a corpus indexed
//! in one run is stored in path order, the order readers ask for.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use crate::extract::Extraction;
use crate::model::ArticleId;

/// File name of the digest inside a corpus data folder.
pub const DIGEST_FILE: &str = "digest.bin";

/// First bytes of the file; the number changes with the record layout.
const HEADER: &[u8] = b"dossier digest 1\n";

/// Bytes of a record's fixed part.
const RECORD_HEAD: u64 = 16;

/// No record is larger (an article's body is at most a few MB).
const MAX_RECORD: u32 = 256 << 20;

/// Read buffer.
const BUFFER: usize = 256 << 10;

/// Where the latest record of each id is in the file: (offset, length).
type Offsets = HashMap<ArticleId, (u64, u32), rustc_hash::FxBuildHasher>;

/// The digest of a corpus, opened for reading.
pub struct Digest {
    reader: RefCell<Option<Cursor>>,
    offsets: Offsets,
}

/// The open file and where its buffer stands.
struct Cursor {
    file: BufReader<File>,
    at: u64,
    payload: Vec<u8>,
}

impl Digest {
    /// Opens the digest in `corpus_dir`; an absent or unreadable file is an
    /// empty digest (every lookup misses and the caller reads the index).
    pub fn open(corpus_dir: &Path) -> Self {
        let mut digest = Self {
            reader: RefCell::new(None),
            offsets: Offsets::default(),
        };
        let Ok(file) = File::open(corpus_dir.join(DIGEST_FILE)) else {
            return digest;
        };
        let mut file = BufReader::with_capacity(BUFFER, file);
        digest.offsets = scan(&mut file, |_, _| Ok(())).offsets;
        digest.reader = RefCell::new(Some(Cursor {
            file,
            at: u64::MAX, // Unknown: the first read seeks.
            payload: Vec::new(),
        }));
        digest
    }

    /// What extraction found in article `id`, when the digest has it.
    pub fn get(&self, id: ArticleId) -> Option<Extraction> {
        let &(at, len) = self.offsets.get(&id)?;
        let mut reader = self.reader.borrow_mut();
        let cursor = reader.as_mut()?;
        let start = at + RECORD_HEAD;
        cursor.payload.resize(len as usize, 0);
        if cursor.at == start {
            cursor.file.read_exact(&mut cursor.payload).ok()?;
        } else {
            // Out of order: read just this record, without filling the buffer.
            cursor.at = u64::MAX;
            cursor.file.seek(SeekFrom::Start(start)).ok()?;
            cursor.file.get_mut().read_exact(&mut cursor.payload).ok()?;
        }
        // The next record's payload follows this one's end and its head.
        cursor.at = start + u64::from(len) + RECORD_HEAD;
        cursor.file.seek_relative(RECORD_HEAD as i64).ok()?;
        postcard::from_bytes(&cursor.payload).ok()
    }

    /// True when the digest holds article `id`.
    pub fn contains(&self, id: ArticleId) -> bool {
        self.offsets.contains_key(&id)
    }

    /// Number of articles it holds (live or not in the manifest).
    pub fn len(&self) -> usize {
        self.offsets.len()
    }

    /// True when it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.offsets.is_empty()
    }
}

/// The valid records of a digest.
struct Scan {
    /// The latest record of each id.
    offsets: Offsets,
    /// Where the valid part ends (a torn or damaged record ends it; 0 when
    /// the header is wrong or missing).
    end: u64,
    /// Records in the valid part, dead ones included.
    records: usize,
    /// True when bytes follow the valid part.
    tail: bool,
}

/// Reads a digest from its start, checking every record; `each` sees every
/// valid record (offset, whole record bytes) in file order.
fn scan(file: &mut impl Read, mut each: impl FnMut(u64, &[u8]) -> std::io::Result<()>) -> Scan {
    let mut out = Scan {
        offsets: Offsets::default(),
        end: 0,
        records: 0,
        tail: false,
    };
    let mut header = vec![0; HEADER.len()];
    match file.read_exact(&mut header) {
        Ok(()) if header == HEADER => {}
        Ok(()) => {
            out.tail = true;
            return out;
        }
        Err(_) => {
            out.tail = !header.iter().all(|b| *b == 0);
            return out;
        }
    }
    let mut at = HEADER.len() as u64;
    let mut record = Vec::new();
    loop {
        record.resize(RECORD_HEAD as usize, 0);
        let got = read_full(file, &mut record);
        if got < RECORD_HEAD as usize {
            out.tail = got > 0;
            break;
        }
        let word = |range: std::ops::Range<usize>| -> [u8; 8] {
            let mut w = [0; 8];
            w[..range.len()].copy_from_slice(&record[range]);
            w
        };
        let id = u64::from_le_bytes(word(0..8));
        let len = u64::from_le_bytes(word(8..12)) as u32;
        let check = u64::from_le_bytes(word(12..16)) as u32;
        if len > MAX_RECORD {
            out.tail = true;
            break;
        }
        record.resize(RECORD_HEAD as usize + len as usize, 0);
        let got = read_full(file, &mut record[RECORD_HEAD as usize..]);
        if got < len as usize || checksum(&record[RECORD_HEAD as usize..]) != check {
            out.tail = true;
            break;
        }
        if each(at, &record).is_err() {
            break;
        }
        out.offsets.insert(ArticleId(id), (at, len));
        out.records += 1;
        at += RECORD_HEAD + u64::from(len);
    }
    out.end = at;
    out
}

/// Reads until `buf` is full or the file ends; the number of bytes read.
fn read_full(file: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut got = 0;
    while got < buf.len() {
        match file.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    got
}

fn checksum(payload: &[u8]) -> u32 {
    xxhash_rust::xxh3::xxh3_64(payload) as u32
}

fn record(id: ArticleId, extraction: &Extraction) -> std::io::Result<Vec<u8>> {
    let payload = postcard::to_stdvec(extraction).map_err(std::io::Error::other)?;
    let len = u32::try_from(payload.len())
        .ok()
        .filter(|len| *len <= MAX_RECORD)
        .ok_or_else(|| std::io::Error::other("extraction too large for the digest"))?;
    let mut out = Vec::with_capacity(RECORD_HEAD as usize + payload.len());
    out.extend_from_slice(&id.0.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&checksum(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

/// Appends records to a corpus's digest. Only the indexing run, under the
/// corpus lock, writes.
pub struct DigestWriter {
    path: PathBuf,
    out: BufWriter<File>,
    /// Records in the file, dead ones included.
    records: usize,
    /// Where the latest record of each id is, appended ones included.
    offsets: Offsets,
    /// Length of the file once what was appended is written.
    end: u64,
}

impl DigestWriter {
    /// Opens the digest for appending: after a damaged tail, or over a file
    /// that is no digest, the valid part (maybe none) goes to a new file.
    pub fn open(corpus_dir: &Path) -> std::io::Result<Self> {
        let path = corpus_dir.join(DIGEST_FILE);
        let scanned = match File::open(&path) {
            Ok(file) => Some(scan(&mut BufReader::with_capacity(BUFFER, file), |_, _| {
                Ok(())
            })),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        // The valid part is a prefix of the file: its records keep their
        // offsets when the tail is cut off.
        let scanned = match scanned {
            Some(s) if s.tail && s.end > 0 => {
                rewrite(&path, |_, _| true)?;
                s
            }
            Some(s) if s.end > 0 => s,
            _ => {
                crate::storage::write_atomic(&path, HEADER)?;
                Scan {
                    offsets: Offsets::default(),
                    end: HEADER.len() as u64,
                    records: 0,
                    tail: false,
                }
            }
        };
        let file = std::fs::OpenOptions::new().append(true).open(&path)?;
        Ok(Self {
            path,
            out: BufWriter::new(file),
            records: scanned.records,
            offsets: scanned.offsets,
            end: scanned.end,
        })
    }

    /// Appends what extraction found in article `id`.
    pub fn append(&mut self, id: ArticleId, extraction: &Extraction) -> std::io::Result<()> {
        let record = record(id, extraction)?;
        self.out.write_all(&record)?;
        let len = (record.len() as u64 - RECORD_HEAD) as u32;
        self.offsets.insert(id, (self.end, len));
        self.end += record.len() as u64;
        self.records += 1;
        Ok(())
    }

    /// True when the digest holds a record of article `id`.
    pub fn contains(&self, id: ArticleId) -> bool {
        self.offsets.contains_key(&id)
    }

    /// Writes what was appended to the file (before the manifest that lists
    /// those articles is saved).
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    /// Flushes, and rewrites the log with the latest records of `live`
    /// articles only when more than half of its records are dead.
    pub fn finish(mut self, live: &HashSet<ArticleId>) -> std::io::Result<()> {
        self.flush()?;
        drop(self.out);
        if self.records <= live.len().saturating_mul(2).max(64) {
            return Ok(());
        }
        let latest = &self.offsets;
        rewrite(&self.path, |at, id| {
            live.contains(&id) && latest.get(&id).is_some_and(|(a, _)| *a == at)
        })
    }
}

/// Replaces the digest at `path` by a new file holding its valid records
/// that `keep(offset, id)` accepts, in their order.
fn rewrite(path: &Path, keep: impl Fn(u64, ArticleId) -> bool) -> std::io::Result<()> {
    let mut input = BufReader::with_capacity(BUFFER, File::open(path)?);
    crate::storage::write_atomic_with(path, |out| {
        out.write_all(HEADER)?;
        let mut failed = None;
        scan(&mut input, |at, record| {
            let mut id = [0; 8];
            id.copy_from_slice(&record[..8]);
            if keep(at, ArticleId(u64::from_le_bytes(id))) {
                // A failed write must not leave a shorter digest behind.
                out.write_all(record)
                    .map_err(|e| std::io::Error::new(e.kind(), failed.insert(e).to_string()))?;
            }
            Ok(())
        });
        failed.map_or(Ok(()), Err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::model::Lang;

    fn sample() -> Extraction {
        extract_text(
            "« Nous resterons », a déclaré Emmanuel Macron à Paris, selon l'AFP.",
            Lang::Fr,
        )
    }

    /// Appends `(id, extraction)` records to the digest in `dir`, flushed.
    fn append(dir: &Path, records: &[(u64, &Extraction)]) {
        let mut w = DigestWriter::open(dir).unwrap();
        for (id, extraction) in records {
            w.append(ArticleId(*id), extraction).unwrap();
        }
        w.flush().unwrap();
    }

    #[test]
    fn the_last_record_of_an_article_wins_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let first = sample();
        append(
            dir.path(),
            &[(1, &Extraction::default()), (2, &first), (1, &first)],
        );
        let digest = Digest::open(dir.path());
        assert_eq!(digest.len(), 2);
        assert_eq!(digest.get(ArticleId(1)), Some(first.clone()));
        assert_eq!(digest.get(ArticleId(3)), None);
        // Appending again keeps what was there.
        append(dir.path(), &[(3, &Extraction::default())]);
        let digest = Digest::open(dir.path());
        assert_eq!(digest.len(), 3);
        assert_eq!(digest.get(ArticleId(2)), Some(first));
    }

    #[test]
    fn a_torn_tail_is_cut_and_the_records_before_it_kept() {
        let dir = tempfile::tempdir().unwrap();
        append(dir.path(), &[(1, &sample()), (2, &sample())]);
        let path = dir.path().join(DIGEST_FILE);
        let len = std::fs::metadata(&path).unwrap().len();
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.set_len(len - 5).unwrap(); // A crash in the middle of the last record.
        drop(file);
        assert_eq!(Digest::open(dir.path()).len(), 1);
        let w = DigestWriter::open(dir.path()).unwrap();
        assert!(w.contains(ArticleId(1)) && !w.contains(ArticleId(2)));
        drop(w);
        append(dir.path(), &[(3, &sample())]);
        let digest = Digest::open(dir.path());
        assert!(digest.contains(ArticleId(1)) && digest.contains(ArticleId(3)));
        assert!(!digest.contains(ArticleId(2)));
    }

    #[test]
    fn damaged_bytes_end_the_valid_part_and_garbage_is_an_empty_digest() {
        let dir = tempfile::tempdir().unwrap();
        append(dir.path(), &[(1, &sample()), (2, &sample())]);
        let path = dir.path().join(DIGEST_FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0xff;
        std::fs::write(&path, &bytes).unwrap();
        let digest = Digest::open(dir.path());
        assert!(digest.contains(ArticleId(1)) && !digest.contains(ArticleId(2)));
        std::fs::write(&path, b"not a digest at all").unwrap();
        assert!(Digest::open(dir.path()).is_empty());
        // Writing starts afresh over garbage.
        append(dir.path(), &[(9, &sample())]);
        assert_eq!(Digest::open(dir.path()).len(), 1);
    }

    #[test]
    fn finishing_rewrites_the_log_when_most_records_are_dead() {
        let dir = tempfile::tempdir().unwrap();
        // Two rounds in one run, the last in the next: the writer knows both
        // the records it found and those it appended.
        let old = Extraction::default();
        let rounds: Vec<(u64, &Extraction)> = (0..100).chain(0..100).map(|id| (id, &old)).collect();
        append(dir.path(), &rounds);
        let mut w = DigestWriter::open(dir.path()).unwrap();
        for id in 0..100u64 {
            w.append(ArticleId(id), &sample()).unwrap();
        }
        let live: std::collections::HashSet<ArticleId> = (0..50).map(ArticleId).collect();
        w.finish(&live).unwrap();
        let digest = Digest::open(dir.path());
        assert_eq!(digest.len(), 50);
        assert_eq!(digest.get(ArticleId(7)), Some(sample()));
        assert!(!digest.contains(ArticleId(70)));
    }
}
