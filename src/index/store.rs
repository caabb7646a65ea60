//! Opening, writing and querying the tantivy index of one corpus.

use std::path::{Path, PathBuf};

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{OwnedValue, TantivyDocument, Value as _};
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DateTime, Index, IndexBuilder, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument as Doc,
    Term,
};

use super::IndexError;
use super::schema::{self, Fields, SCHEMA_VERSION};
use super::tokenizers;
use crate::extract::Extraction;
use crate::model::{Article, ArticleId, Lang};

/// Marker file inside the tantivy folder holding [`SCHEMA_VERSION`].
const VERSION_FILE: &str = "dossier-schema-version";
/// Written when a query found the index damaged: the next open rebuilds it.
const DAMAGED_FILE: &str = "dossier-damaged";

/// The searchable index of one corpus.
pub struct CorpusIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: PathBuf,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    /// Article id.
    pub id: ArticleId,
    /// Relative path of its file.
    pub rel_path: String,
    /// Title.
    pub title: String,
    /// Publication date as `YYYY-MM-DD` / `YYYY-MM` / `YYYY`, if any.
    pub date: Option<String>,
    /// BM25 score.
    pub score: f32,
    /// A passage with the matched words between `[` and `]`.
    pub snippet: String,
}

/// Whether an index was opened as it was or had to be (re)created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenOutcome {
    /// An existing, compatible index.
    Opened,
    /// A new, empty index (first run).
    Created,
    /// The old index was unusable and was replaced by an empty one; the reason.
    Rebuilt(String),
}

impl CorpusIndex {
    /// Opens the index in `dir`, creating it if absent and rebuilding it (empty)
    /// when its schema version differs or it cannot be opened.
    pub fn open_or_create(dir: &Path) -> Result<(Self, OpenOutcome), IndexError> {
        let io = |source: std::io::Error| IndexError::Io {
            source,
            path: dir.to_path_buf(),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let has_index = dir.join("meta.json").exists();
        let version = std::fs::read_to_string(dir.join(VERSION_FILE)).ok();
        let mut outcome = OpenOutcome::Created;
        let damaged = std::fs::read_to_string(dir.join(DAMAGED_FILE)).ok();
        if has_index {
            if let Some(why) = damaged {
                outcome =
                    OpenOutcome::Rebuilt(format!("index damaged ({}); rebuilding", why.trim()));
            } else if version.as_deref().map(str::trim) != Some(SCHEMA_VERSION.to_string().as_str())
            {
                outcome = OpenOutcome::Rebuilt(format!(
                    "index format changed (version {} → {SCHEMA_VERSION}); rebuilding",
                    version.as_deref().map_or("unknown", str::trim)
                ));
            } else {
                match Self::open_existing(dir) {
                    Ok(index) => return Ok((index, OpenOutcome::Opened)),
                    Err(e) => {
                        outcome = OpenOutcome::Rebuilt(format!("index damaged ({e}); rebuilding"))
                    }
                }
            }
            clear_dir(dir)?;
        } else if dir.read_dir().map_err(io)?.next().is_some() {
            // Leftovers of an interrupted first run: start clean.
            clear_dir(dir)?;
        }
        let (schema, fields) = schema::build();
        let index = IndexBuilder::new()
            .schema(schema)
            .tokenizers(tokenizers::manager())
            .create_in_dir(dir)
            .map_err(|source| IndexError::Tantivy {
                source,
                path: dir.to_path_buf(),
            })?;
        crate::storage::write_atomic(
            &dir.join(VERSION_FILE),
            SCHEMA_VERSION.to_string().as_bytes(),
        )
        .map_err(io)?;
        let reader = reader_of(&index, dir)?;
        Ok((
            Self {
                index,
                reader,
                fields,
                dir: dir.to_path_buf(),
            },
            outcome,
        ))
    }

    /// Opens an existing index without writing to its folder (for a
    /// read-only data folder); damage is an error here, not a rebuild.
    pub fn open_read_only(dir: &Path) -> Result<Self, IndexError> {
        let directory =
            super::readonly::ReadOnlyDirectory::open(dir).map_err(|e| IndexError::Io {
                source: std::io::Error::other(e.to_string()),
                path: dir.to_path_buf(),
            })?;
        let index = Index::open(directory).map_err(|source| IndexError::Tantivy {
            source,
            path: dir.to_path_buf(),
        })?;
        Self::checked(index, dir)
    }

    fn open_existing(dir: &Path) -> Result<Self, IndexError> {
        let index = Index::open_in_dir(dir).map_err(|source| IndexError::Tantivy {
            source,
            path: dir.to_path_buf(),
        })?;
        Self::checked(index, dir)
    }

    /// An opened index, once its schema and files are verified.
    fn checked(mut index: Index, dir: &Path) -> Result<Self, IndexError> {
        index.set_tokenizers(tokenizers::manager());
        let (expected, fields) = schema::build();
        if index.schema() != expected {
            return Err(IndexError::Incompatible {
                path: dir.to_path_buf(),
            });
        }
        // Damage found now means a rebuild, not a crash in a later query.
        super::check::verify(&index, dir).map_err(|message| IndexError::Damaged {
            message,
            path: dir.to_path_buf(),
        })?;
        let reader = reader_of(&index, dir)?;
        Ok(Self {
            index,
            reader,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// Field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// A writer. Only one can exist per index folder across processes; a second
    /// one fails with [`IndexError::Locked`].
    /// Files that an earlier run wrote but never committed (it was killed, the
    /// disk was full) are deleted first.
    pub fn writer(&self, threads: usize) -> Result<IndexWriter, IndexError> {
        let threads = threads.clamp(1, 4);
        let writer = self
            .index
            .writer_with_num_threads(threads, threads * 48_000_000)
            .map_err(|source| match source {
                tantivy::TantivyError::LockFailure(..) => IndexError::Locked {
                    path: self.dir.clone(),
                },
                source => IndexError::Tantivy {
                    source,
                    path: self.dir.clone(),
                },
            })?;
        // Best effort: what cannot be deleted now is deleted by a later run.
        writer.garbage_collect_files().wait().ok();
        Ok(writer)
    }

    /// Makes committed changes visible to searches.
    pub fn reload(&self) -> Result<(), IndexError> {
        self.reader.reload().map_err(|source| IndexError::Tantivy {
            source,
            path: self.dir.clone(),
        })
    }

    /// Number of article documents visible to searches.
    pub fn num_articles(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Runs a query, turning a panic inside tantivy (damaged files that the
    /// checks at open did not catch) into [`IndexError::Damaged`].
    fn guarded<R>(&self, f: impl FnOnce() -> Result<R, IndexError>) -> Result<R, IndexError> {
        let result = super::check::guard(f).unwrap_or_else(|message| {
            Err(IndexError::Damaged {
                message,
                path: self.dir.clone(),
            })
        });
        if let Err(IndexError::Damaged { message, .. }) = &result {
            // The next open rebuilds; a read-only folder just reports it again.
            crate::storage::write_atomic(&self.dir.join(DAMAGED_FILE), message.as_bytes()).ok();
        }
        result
    }

    /// Full-text search (tantivy syntax: words are ANDed; "phrases", OR, NOT / -word,
    /// +word, title_fr:word). Returns at most `limit` hits, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        self.guarded(|| self.search_unguarded(query, limit))
    }

    /// Ids of every article matching `query`, unsorted.
    pub fn matching_ids_unsorted(&self, query: &str) -> Result<Vec<ArticleId>, IndexError> {
        self.guarded(|| self.matching_ids_unsorted_unguarded(query))
    }

    /// What extraction found in the articles `ids`, by article id (those the
    /// index lacks are left out).
    pub fn extractions_of(
        &self,
        ids: &[ArticleId],
    ) -> Result<std::collections::HashMap<ArticleId, Extraction>, IndexError> {
        let mut out = std::collections::HashMap::with_capacity(ids.len());
        self.each_extraction_of(ids, &mut |id, e| {
            out.insert(id, e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Hands what extraction found in each of the articles `ids` to `each`,
    /// one at a time (those the index lacks are left out); stops at the
    /// first error `each` returns.
    pub fn each_extraction_of(
        &self,
        ids: &[ArticleId],
        each: &mut dyn FnMut(ArticleId, Extraction) -> std::io::Result<()>,
    ) -> Result<(), IndexError> {
        self.guarded(|| self.extractions_unguarded(ids, &mut *each))
    }

    /// Title, body and extraction of an article, read from the index.
    pub fn article_text(
        &self,
        id: ArticleId,
    ) -> Result<Option<(String, String, Extraction)>, IndexError> {
        self.guarded(|| self.article_text_unguarded(id))
    }

    /// Ids of every article document, one per document (duplicates kept).
    pub fn article_ids(&self) -> Result<Vec<ArticleId>, IndexError> {
        self.guarded(|| {
            let searcher = self.reader.searcher();
            let mut ids = Vec::with_capacity(searcher.num_docs() as usize);
            for segment in searcher.segment_readers() {
                let column =
                    segment
                        .fast_fields()
                        .u64("id")
                        .map_err(|source| IndexError::Tantivy {
                            source,
                            path: self.dir.clone(),
                        })?;
                for doc in 0..segment.max_doc() {
                    if segment.is_deleted(doc) {
                        continue;
                    }
                    if let Some(id) = column.first(doc) {
                        ids.push(ArticleId(id));
                    }
                }
            }
            Ok(ids)
        })
    }

    fn parser(&self) -> QueryParser {
        let f = &self.fields;
        let mut parser = QueryParser::for_index(
            &self.index,
            vec![
                f.title_fr,
                f.body_fr,
                f.title_en,
                f.body_en,
                f.title_other,
                f.body_other,
            ],
        );
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title_fr, 2.0);
        parser.set_field_boost(f.title_en, 2.0);
        parser.set_field_boost(f.title_other, 2.0);
        parser
    }

    /// Parses a query in tantivy syntax over the French and English fields,
    /// plus what users type from other search boxes: `NOT word` and
    /// `AND NOT word` as `-word`, and `word~` / `word~2` for fuzzy words
    /// (one or two typos).
    fn parse(&self, query: &str) -> Result<Box<dyn tantivy::query::Query>, IndexError> {
        use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query};
        let (rest, fuzzy) = split_query(query);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !rest.trim().is_empty() {
            let parsed = self
                .parser()
                .parse_query(&rest)
                .map_err(|e| IndexError::Query {
                    message: e.to_string(),
                })?;
            clauses.push((Occur::Must, parsed));
        }
        let f = &self.fields;
        for (word, distance) in fuzzy {
            let mut any_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for field in [f.title_fr, f.body_fr, f.title_en, f.body_en] {
                let Ok(mut analyzer) = self.index.tokenizer_for_field(field) else {
                    continue;
                };
                let mut stream = analyzer.token_stream(&word);
                while let Some(token) = stream.next() {
                    let term = Term::from_field_text(field, &token.text);
                    any_field.push((
                        Occur::Should,
                        Box::new(FuzzyTermQuery::new(term, distance, true)),
                    ));
                }
            }
            if !any_field.is_empty() {
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_field))));
            }
        }
        if clauses.is_empty() {
            return Err(IndexError::Query {
                message: "empty query".to_owned(),
            });
        }
        if clauses.len() == 1
            && let Some((_, only)) = clauses.pop()
        {
            return Ok(only);
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Full-text search (tantivy syntax: words are ANDed; "phrases", OR, NOT / -word,
    /// +word, title_fr:word). Returns at most `limit` hits, best first.
    fn search_unguarded(&self, query: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        let parsed = self.parse(query)?;
        let searcher = self.reader.searcher();
        let tantivy_err = |source| IndexError::Tantivy {
            source,
            path: self.dir.clone(),
        };
        let top = searcher
            .search(&parsed, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(tantivy_err)?;
        let snippets_fr = SnippetGenerator::create(&searcher, &*parsed, self.fields.body_fr)
            .map_err(tantivy_err)?;
        let snippets_en = SnippetGenerator::create(&searcher, &*parsed, self.fields.body_en)
            .map_err(tantivy_err)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(tantivy_err)?;
            let body = text_of(&doc, self.fields.body);
            let generator = if text_of(&doc, self.fields.lang) == "fr" {
                &snippets_fr
            } else {
                &snippets_en
            };
            let snippet = generator.snippet(&body);
            let mut marked = snippet.fragment().to_owned();
            for range in snippet.highlighted().iter().rev() {
                if marked.is_char_boundary(range.start) && marked.is_char_boundary(range.end) {
                    marked.insert(range.end, ']');
                    marked.insert(range.start, '[');
                }
            }
            hits.push(Hit {
                id: ArticleId(u64_of(&doc, self.fields.id)),
                rel_path: text_of(&doc, self.fields.path),
                title: text_of(&doc, self.fields.title),
                date: Some(text_of(&doc, self.fields.date_iso)).filter(|d| !d.is_empty()),
                score,
                snippet: marked.split_whitespace().collect::<Vec<_>>().join(" "),
            });
        }
        Ok(hits)
    }

    /// Ids of every article matching `query`, unsorted.
    fn matching_ids_unsorted_unguarded(&self, query: &str) -> Result<Vec<ArticleId>, IndexError> {
        let parsed = self.parse(query)?;
        let searcher = self.reader.searcher();
        let tantivy_err = |source| IndexError::Tantivy {
            source,
            path: self.dir.clone(),
        };
        let addresses = searcher
            .search(&parsed, &DocSetCollector)
            .map_err(tantivy_err)?;
        let mut ids = Vec::with_capacity(addresses.len());
        for address in addresses {
            let reader = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64("id")
                .map_err(tantivy_err)?;
            if let Some(id) = reader.first(address.doc_id) {
                ids.push(ArticleId(id));
            }
        }
        Ok(ids)
    }

    /// What extraction found in the articles `ids`: one lookup per id for a
    /// few, one pass over every document for many.
    fn extractions_unguarded(
        &self,
        ids: &[ArticleId],
        each: &mut dyn FnMut(ArticleId, Extraction) -> std::io::Result<()>,
    ) -> Result<(), IndexError> {
        let searcher = self.reader.searcher();
        let tantivy_err = |source| IndexError::Tantivy {
            source,
            path: self.dir.clone(),
        };
        let wanted: std::collections::HashSet<ArticleId> = ids.iter().copied().collect();
        let mut addresses: Vec<tantivy::DocAddress> = if (wanted.len() as u64).saturating_mul(32)
            >= searcher.num_docs()
        {
            searcher
                .search(&tantivy::query::AllQuery, &DocSetCollector)
                .map_err(tantivy_err)?
                .into_iter()
                .collect()
        } else {
            let mut found = Vec::with_capacity(wanted.len());
            for id in &wanted {
                let term = Term::from_field_u64(self.fields.id, id.0);
                let query =
                    tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
                found.extend(
                    searcher
                        .search(&query, &DocSetCollector)
                        .map_err(tantivy_err)?,
                );
            }
            found
        };
        // In index order, which is the order the articles were added in.
        addresses.sort_unstable();
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(tantivy_err)?;
            let id = ArticleId(u64_of(&doc, self.fields.id));
            if !wanted.contains(&id) {
                continue;
            }
            let json = text_of(&doc, self.fields.extraction);
            // An unreadable record counts as "nothing found", never as a failure.
            let extraction = serde_json::from_str(&json).unwrap_or_default();
            each(id, extraction).map_err(|source| IndexError::Io {
                source,
                path: self.dir.clone(),
            })?;
        }
        Ok(())
    }

    /// Title, body and extraction of an article, read from the index.
    fn article_text_unguarded(
        &self,
        id: ArticleId,
    ) -> Result<Option<(String, String, Extraction)>, IndexError> {
        let searcher = self.reader.searcher();
        let tantivy_err = |source| IndexError::Tantivy {
            source,
            path: self.dir.clone(),
        };
        let term = Term::from_field_u64(self.fields.id, id.0);
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let top = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(tantivy_err)?;
        let Some((_, address)) = top.into_iter().next() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address).map_err(tantivy_err)?;
        Ok(Some((
            text_of(&doc, self.fields.title),
            text_of(&doc, self.fields.body),
            serde_json::from_str(&text_of(&doc, self.fields.extraction)).unwrap_or_default(),
        )))
    }
}

/// Splits a search-box query into what tantivy's parser reads (with `NOT x`
/// rewritten `-x`) and the fuzzy words (`word~`, `word~2`) with their distance.
fn split_query(query: &str) -> (String, Vec<(String, u8)>) {
    let mut rest: Vec<String> = Vec::new();
    let mut fuzzy = Vec::new();
    let mut in_phrase = false;
    let mut negate_next = false;
    for word in query.split_whitespace() {
        let quotes = word.matches('"').count();
        if in_phrase || quotes > 0 {
            if quotes % 2 == 1 {
                in_phrase = !in_phrase;
            }
            rest.push(word.to_owned());
            continue;
        }
        if word == "NOT" {
            // "a AND NOT b": the AND is implied.
            if rest.last().is_some_and(|w| w == "AND") {
                rest.pop();
            }
            negate_next = true;
            continue;
        }
        if let Some((stem, distance)) = word.rsplit_once('~')
            && !stem.is_empty()
            && !negate_next
            && stem
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
        {
            let distance = match distance {
                "" => 1,
                d => d.parse::<u8>().unwrap_or(1).clamp(1, 2),
            };
            if rest.last().is_some_and(|w| w == "AND") {
                rest.pop();
            }
            fuzzy.push((stem.to_owned(), distance));
            continue;
        }
        if negate_next {
            rest.push(format!("-{word}"));
            negate_next = false;
        } else {
            rest.push(word.to_owned());
        }
    }
    if rest.last().is_some_and(|w| w == "AND" || w == "OR") {
        rest.pop();
    }
    (rest.join(" "), fuzzy)
}

fn reader_of(index: &Index, dir: &Path) -> Result<IndexReader, IndexError> {
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|source| IndexError::Tantivy {
            source,
            path: dir.to_path_buf(),
        })
}

/// Empties the index folder before a rebuild, deleting only the files that
/// tantivy or Dossier write there; anything else (a sub-folder, a file of
/// another program) makes the rebuild stop with [`IndexError::Foreign`] and
/// nothing is deleted.
fn clear_dir(dir: &Path) -> Result<(), IndexError> {
    let io = |source: std::io::Error| IndexError::Io {
        source,
        path: dir.to_path_buf(),
    };
    let mut ours = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if !is_file || !is_index_file(&name) {
            return Err(IndexError::Foreign {
                name,
                path: dir.to_path_buf(),
            });
        }
        ours.push(entry.path());
    }
    for path in ours {
        std::fs::remove_file(&path).map_err(io)?;
    }
    Ok(())
}

/// True for the names tantivy and Dossier give files in an index folder:
/// `meta.json`, `.managed.json`, lock files, `.tmpXXXXXX` atomic writes,
/// segment files `<32 hex>.<component>` and `<32 hex>.<opstamp>.del`, and
/// Dossier's own markers.
fn is_index_file(name: &str) -> bool {
    const COMPONENTS: &[&str] = &[
        "idx",
        "pos",
        "term",
        "store",
        "temp",
        "fast",
        "fieldnorm",
        "del",
    ];
    if matches!(
        name,
        "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock"
    ) || name == VERSION_FILE
        || name == DAMAGED_FILE
        || name == super::check::LEDGER_FILE
        || name.starts_with(".tmp")
    {
        return true;
    }
    let mut parts = name.split('.');
    let uuid = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let segment = uuid.len() == 32 && uuid.bytes().all(|b| b.is_ascii_hexdigit());
    segment
        && match rest.as_slice() {
            [component] => COMPONENTS.contains(component),
            [opstamp, "del"] => opstamp.bytes().all(|b| b.is_ascii_digit()),
            _ => false,
        }
}

fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

fn u64_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> u64 {
    doc.get_first(field)
        .and_then(|v| v.as_u64())
        .unwrap_or_default()
}

/// Adds one article document. Call [`delete_file`] for its path first.
pub fn add_article(
    writer: &IndexWriter,
    fields: &Fields,
    article: &Article,
    extraction: &Extraction,
) -> tantivy::Result<()> {
    let mut doc = Doc::default();
    doc.add_u64(fields.id, article.id.0);
    doc.add_text(fields.path, &article.rel_path);
    doc.add_u64(fields.part, article.part as u64);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    let (title_field, body_field) = fields.text_fields(article.lang);
    doc.add_text(title_field, &article.title);
    doc.add_text(body_field, &article.body);
    doc.add_text(fields.lang, article.lang.code());
    if let Some(outlet) = &article.outlet {
        doc.add_text(fields.outlet, outlet);
    }
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(author) = &article.author {
        doc.add_text(fields.author, author);
    }
    if let Some(date) = &article.date {
        let seconds = date.date.first_day_unix_days() * 86_400;
        doc.add_field_value(
            fields.published,
            &OwnedValue::Date(DateTime::from_timestamp_secs(seconds)),
        );
        doc.add_text(fields.date_iso, date.date.to_iso());
        doc.add_text(fields.date_source, date.source.as_str());
        doc.add_text(fields.date_detail, &date.detail);
    }
    doc.add_text(
        fields.extraction,
        serde_json::to_string(extraction).unwrap_or_default(),
    );
    writer.add_document(doc)?;
    Ok(())
}

/// Commits what `writer` added. When that fails (a full disk), the
/// uncommitted changes are rolled back and the files they had written are
/// deleted, so a retry starts with the space it had before.
pub fn commit(writer: &mut IndexWriter) -> tantivy::Result<()> {
    match writer.commit() {
        Ok(_) => Ok(()),
        Err(e) => {
            writer.rollback().ok(); // The commit error is the one to report.
            writer.garbage_collect_files().wait().ok();
            Err(e)
        }
    }
}

/// Deletes the article document(s) with id `id`.
pub fn delete_article(writer: &IndexWriter, fields: &Fields, id: ArticleId) {
    writer.delete_term(Term::from_field_u64(fields.id, id.0));
}

/// Deletes every article document of the file at `rel_path`.
pub fn delete_file(writer: &IndexWriter, fields: &Fields, rel_path: &str) {
    writer.delete_term(Term::from_field_text(fields.path, rel_path));
}

/// Which analyzer language an index field pair belongs to (for tests and tools).
pub fn field_lang(fields: &Fields, field: tantivy::schema::Field) -> Option<Lang> {
    [Lang::Fr, Lang::En, Lang::Other].into_iter().find(|lang| {
        let (title, body) = fields.text_fields(*lang);
        field == title || field == body
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_box_syntax() {
        assert_eq!(
            split_query("Macron AND NOT Biden"),
            ("Macron -Biden".to_owned(), vec![])
        );
        assert_eq!(
            split_query("NOT Biden Macron"),
            ("-Biden Macron".to_owned(), vec![])
        );
        assert_eq!(
            split_query("Zelenski~ Kiev AND Poutin~2"),
            (
                "Kiev".to_owned(),
                vec![("Zelenski".to_owned(), 1), ("Poutin".to_owned(), 2)]
            )
        );
        assert_eq!(
            split_query("\"Maison NOT Blanche\"~2 OR Kremlin"),
            ("\"Maison NOT Blanche\"~2 OR Kremlin".to_owned(), vec![])
        );
    }
}
