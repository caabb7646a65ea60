//! The application state and its frame loop: opening folders, background
//! events, the top and status bars, keyboard shortcuts, dialogs.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use eframe::egui;

use super::i18n::UiLang;
use super::t;
use crate::analytics::Granularity;
use crate::explore::{ActorIx, ArticleIx, Cell, Explorer, Filter, QuoteIx, Series};
use crate::extract::ActorKind;
use crate::extract::edits::{ActorEdits, EditOp, UserActor};
use crate::jobs::{self, ArticleText, Job, JobEvent, Opened, Request};
use crate::model::PartialDate;
use crate::pipeline::{IndexOptions, Progress};

/// Colour theme preference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemePref {
    /// Follow the operating system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// Persisted preferences (eframe storage). Panel sizes are kept by egui itself.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone)]
#[serde(default)]
pub struct Settings {
    /// The folder open when the app was last closed.
    pub last_folder: Option<PathBuf>,
    /// Theme.
    pub theme: ThemePref,
    /// Window language.
    pub lang: UiLang,
    /// Plotted actors (keys) per folder.
    pub selected: HashMap<PathBuf, Vec<String>>,
    /// Bucket size of the timeline.
    pub granularity: Granularity,
    /// Plot shares of articles instead of mention counts.
    pub share: bool,
    /// Export size in pixels.
    pub export_size: [u32; 2],
    /// Timeline dates with month names ("janv. 2024") instead of `2024-01`.
    #[serde(default)]
    pub month_names: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            last_folder: None,
            theme: ThemePref::System,
            lang: UiLang::from_env(),
            selected: HashMap::new(),
            granularity: Granularity::Month,
            share: false,
            export_size: [1600, 900],
            month_names: false,
        }
    }
}

/// How the app starts; tests turn persistence off and pass a folder.
#[derive(Default, Debug, Clone)]
pub struct StartupOptions {
    /// Load and save settings with eframe storage.
    pub persist: bool,
    /// Open this folder instead of the last one or the sample.
    pub open_folder: Option<PathBuf>,
    /// Keep each corpus's data here instead of the platform data folder.
    pub data_dir: Option<PathBuf>,
    /// Window language (None: the saved one, or the system's).
    pub lang: Option<UiLang>,
    /// Folders the operating system asks to open while the app runs.
    pub open_requests: Option<super::OpenRequests>,
}

/// The centre view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tab {
    Timeline,
    Quotes,
    CoMentions,
}

/// Article list column to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SortBy {
    Date,
    Title,
    Outlet,
    Quotes,
}

/// What the article list is narrowed to by a click on the chart, an undated
/// count or a co-mention cell.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Focus {
    pub actor: Option<ActorIx>,
    pub other: Option<ActorIx>,
    /// Bucket start; `Some(None)` is the undated bucket.
    pub bucket: Option<Option<i64>>,
}

/// The article shown in the viewer.
pub(crate) struct OpenArticle {
    pub ix: ArticleIx,
    pub text: Option<Result<Option<ArticleText>, String>>,
    /// A quote to show (scrolled to once).
    pub quote: Option<QuoteIx>,
    pub scroll_pending: bool,
    /// The date box of the viewer (to correct the article's date).
    pub date_edit: String,
}

/// Values derived from the explorer and the filter; recomputed when dirty.
#[derive(Default)]
pub(crate) struct Derived {
    pub series: Series,
    pub totals: Vec<Cell>,
    pub list: Vec<ArticleIx>,
    pub quotes: Vec<QuoteIx>,
}

/// An opened corpus and what the user is doing with it.
pub(crate) struct CorpusView {
    pub opened: Opened,
    pub explorer: Arc<Explorer>,
    pub edits: ActorEdits,
    pub query: String,
    pub search_generation: u64,
    pub search_error: Option<String>,
    pub filter: Filter,
    pub from_text: String,
    pub to_text: String,
    pub selected: Vec<ActorIx>,
    pub actor_filter: String,
    pub focus: Focus,
    pub tab: Tab,
    pub sort: (SortBy, bool),
    pub open: Option<OpenArticle>,
    pub quote_speaker: Option<ActorIx>,
    pub quote_mentioned: Option<ActorIx>,
    pub derived: Derived,
    pub dirty: bool,
    pub cursor: Option<usize>,
    /// Scroll the article list to the cursor on the next frame.
    pub scroll_to_cursor: bool,
    /// Shows what a running index has read so far (edits wait until it ends).
    pub partial: bool,
}

impl CorpusView {
    fn new(opened: Opened, selected_keys: &[String]) -> Self {
        let explorer = Arc::clone(&opened.explorer);
        let edits = opened.edits.clone();
        let mut selected: Vec<ActorIx> = selected_keys
            .iter()
            .filter_map(|k| explorer.actor_of(k))
            .collect();
        selected.dedup();
        if selected.is_empty() {
            // A first look: the three most mentioned actors.
            selected = (0..explorer.actors.len().min(3) as ActorIx).collect();
        }
        Self {
            opened,
            explorer,
            edits,
            query: String::new(),
            search_generation: 0,
            search_error: None,
            filter: Filter::default(),
            from_text: String::new(),
            to_text: String::new(),
            selected,
            actor_filter: String::new(),
            focus: Focus::default(),
            tab: Tab::Timeline,
            sort: (SortBy::Date, false),
            open: None,
            quote_speaker: None,
            quote_mentioned: None,
            derived: Derived::default(),
            dirty: true,
            cursor: None,
            scroll_to_cursor: false,
            partial: false,
        }
    }

    /// The open folder's name.
    pub fn folder_name(&self) -> String {
        self.opened
            .folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Keys of the plotted actors (kept across edits and restarts).
    pub fn selected_keys(&self) -> Vec<String> {
        self.selected
            .iter()
            .filter_map(|a| self.explorer.actors.get(*a as usize))
            .map(|a| a.key.clone())
            .collect()
    }

    /// Replaces the explorer after an edit, keeping selections by key.
    fn replace_explorer(&mut self, explorer: Arc<Explorer>, edits: ActorEdits) {
        let key_of = |ix: ActorIx| self.explorer.actors.get(ix as usize).map(|a| a.key.clone());
        let keep = |ix: Option<ActorIx>, new: &Explorer| {
            ix.and_then(key_of).and_then(|k| new.actor_of(&k))
        };
        let mut selected: Vec<ActorIx> = self
            .selected_keys()
            .iter()
            .filter_map(|k| explorer.actor_of(k))
            .collect();
        selected.dedup();
        self.focus = Focus {
            actor: keep(self.focus.actor, &explorer),
            other: keep(self.focus.other, &explorer),
            bucket: self.focus.bucket,
        };
        self.quote_speaker = keep(self.quote_speaker, &explorer);
        self.quote_mentioned = keep(self.quote_mentioned, &explorer);
        let open_id = self
            .open
            .as_ref()
            .and_then(|o| self.explorer.articles.get(o.ix as usize))
            .map(|a| a.id);
        if let (Some(open), Some(id)) = (&mut self.open, open_id) {
            match explorer.article_by_id(id) {
                Some(ix) => {
                    open.ix = ix;
                    open.quote = None;
                }
                None => self.open = None,
            }
        }
        self.selected = selected;
        self.explorer = explorer;
        self.edits = edits;
        self.dirty = true;
    }

    /// Colour of a plotted actor (by its place in the selection).
    pub fn color_of(&self, actor: ActorIx) -> Option<egui::Color32> {
        self.selected
            .iter()
            .position(|a| *a == actor)
            .map(palette_color)
    }

    /// Recomputes series and lists when something changed.
    pub fn refresh(&mut self, by: Granularity) {
        if !self.dirty {
            return;
        }
        self.dirty = false;
        let ex = &self.explorer;
        self.derived.series = ex.series(&self.filter, by, &self.selected);
        self.derived.totals = ex.actor_totals(&self.filter);
        let mut list = match (self.focus.actor, self.focus.other) {
            (Some(a), Some(b)) => ex.articles_with_both(&self.filter, a, b),
            (actor, _) => ex.article_list(
                &self.filter,
                actor,
                self.focus.bucket.map(|bucket| (by, bucket)),
            ),
        };
        let (sort, ascending) = self.sort;
        let articles = &ex.articles;
        match sort {
            // The explorer keeps articles newest first.
            SortBy::Date => {}
            SortBy::Title => list.sort_by(|a, b| {
                articles[*a as usize]
                    .title
                    .to_lowercase()
                    .cmp(&articles[*b as usize].title.to_lowercase())
            }),
            SortBy::Outlet => list.sort_by(|a, b| {
                articles[*a as usize]
                    .outlet
                    .cmp(&articles[*b as usize].outlet)
            }),
            SortBy::Quotes => {
                list.sort_by_key(|a| std::cmp::Reverse(articles[*a as usize].quotes.len()));
            }
        }
        if ascending {
            list.reverse();
        }
        self.derived.list = list;
        self.derived.quotes = ex.quote_list(&self.filter, self.quote_speaker, self.quote_mentioned);
        self.cursor = None;
    }
}

/// The series colour for the `i`-th plotted actor.
pub(crate) fn palette_color(i: usize) -> egui::Color32 {
    let [r, g, b] = crate::explore::PALETTE[i % crate::explore::PALETTE.len()];
    egui::Color32::from_rgb(r, g, b)
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The chart as PNG.
    Png,
    /// The chart as SVG.
    Svg,
    /// The series as CSV.
    Csv,
}

/// What the window shows, in plain data (for tests and diagnostics).
#[derive(Clone, Debug)]
pub struct ViewState {
    /// The open folder.
    pub folder: PathBuf,
    /// Listed actors, in list order.
    pub actors: Vec<String>,
    /// Plotted actors, in selection order.
    pub plotted: Vec<String>,
    /// Series drawn on the chart.
    pub series_lines: usize,
    /// Labels of the chart's buckets.
    pub buckets: Vec<String>,
    /// The period the article list is narrowed to ("2024-01", "undated").
    pub focus_bucket: Option<String>,
    /// The actor the article list is narrowed to.
    pub focus_actor: Option<String>,
    /// The article list: title and date.
    pub list: Vec<(String, Option<String>)>,
    /// Title of the article in the viewer, and whether its text is loaded.
    pub open_article: Option<(String, bool)>,
    /// Quotes in the quotes view.
    pub quotes: usize,
}

/// A small window asking for a name (rename) or a new actor.
pub(crate) enum Dialog {
    Rename {
        actor: ActorIx,
        name: String,
    },
    AddActor {
        name: String,
        kind: ActorKind,
        aliases: String,
    },
}

/// The Dossier window.
pub struct App {
    pub(crate) settings: Settings,
    /// The settings as read or last saved: what this window changed since
    /// is what it saves.
    settings_baseline: serde_json::Value,
    persist: bool,
    data_dir: Option<PathBuf>,
    pub(crate) corpus: Option<CorpusView>,
    /// The worker of the open (or opening) corpus.
    job: Option<Job>,
    /// True while the worker is indexing.
    indexing: bool,
    progress: Progress,
    pub(crate) error: Option<String>,
    pub(crate) notice: Option<String>,
    show_skipped: bool,
    picked: Option<Receiver<Option<PathBuf>>>,
    export_target: Option<Receiver<Option<(PathBuf, ExportKind)>>>,
    export_done: Option<Receiver<Result<PathBuf, String>>>,
    pub(crate) dialog: Option<Dialog>,
    /// Edits waiting to be sent (a reopening of the corpus follows when added actors changed).
    pending_edits: Vec<EditOp>,
    search_id: egui::Id,
    /// Folders the operating system asks to open (macOS Apple Events).
    open_requests: Option<super::OpenRequests>,
}

impl App {
    /// Creates the app and starts opening the first folder.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: StartupOptions) -> Self {
        let mut settings: Settings = if startup.persist {
            // Our own atomically written copy first; eframe's storage file is
            // written in place, so a crash while saving could leave it cut.
            load_settings_file()
                .or_else(|| {
                    cc.storage
                        .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                })
                .unwrap_or_default()
        } else {
            Settings::default()
        };
        if let Some(lang) = startup.lang {
            settings.lang = lang;
        }
        install_fonts(&cc.egui_ctx);
        let mut app = Self {
            settings_baseline: serde_json::to_value(&settings).unwrap_or_default(),
            settings,
            persist: startup.persist,
            data_dir: startup.data_dir,
            corpus: None,
            job: None,
            indexing: false,
            progress: Progress::default(),
            error: None,
            notice: None,
            show_skipped: false,
            picked: None,
            export_target: None,
            export_done: None,
            dialog: None,
            pending_edits: Vec::new(),
            search_id: egui::Id::unique("search_box"),
            open_requests: startup.open_requests.clone(),
        };
        app.apply_theme(&cc.egui_ctx);
        if let Some(requests) = &startup.open_requests {
            requests.attach(&cc.egui_ctx);
        }
        let first = startup
            .open_requests
            .as_ref()
            .and_then(super::OpenRequests::take)
            .or(startup.open_folder)
            .or_else(|| app.settings.last_folder.clone().filter(|f| f.is_dir()))
            .or_else(|| crate::sample::sample_folder().ok());
        if let Some(folder) = first {
            app.open_folder(folder, &cc.egui_ctx);
        }
        app
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            ThemePref::System => egui::ThemePreference::System,
            ThemePref::Light => egui::ThemePreference::Light,
            ThemePref::Dark => egui::ThemePreference::Dark,
        });
    }

    /// What the window shows (None until a corpus is open).
    pub fn view_state(&self) -> Option<ViewState> {
        let view = self.corpus.as_ref()?;
        let ex = &view.explorer;
        let name = |a: &ActorIx| ex.actors.get(*a as usize).map(|a| a.name.clone());
        let by = self.settings.granularity;
        Some(ViewState {
            folder: view.opened.folder.clone(),
            actors: ex.actors.iter().map(|a| a.name.clone()).collect(),
            plotted: view.selected.iter().filter_map(name).collect(),
            series_lines: view.derived.series.lines.len(),
            buckets: view
                .derived
                .series
                .buckets
                .iter()
                .map(|b| crate::explore::bucket_label(by, *b))
                .collect(),
            focus_bucket: view.focus.bucket.map(|b| {
                b.map_or_else(
                    || "undated".to_owned(),
                    |b| crate::explore::bucket_label(by, b),
                )
            }),
            focus_actor: view.focus.actor.as_ref().and_then(name),
            list: view
                .derived
                .list
                .iter()
                .filter_map(|ix| ex.articles.get(*ix as usize))
                .map(|a| (a.title.clone(), a.date.as_ref().map(|d| d.date.to_iso())))
                .collect(),
            open_article: view.open.as_ref().and_then(|o| {
                let title = ex.articles.get(o.ix as usize)?.title.clone();
                Some((title, matches!(o.text, Some(Ok(Some(_))))))
            }),
            quotes: view.derived.quotes.len(),
        })
    }

    /// Sets the size of chart exports in pixels.
    pub fn set_export_size(&mut self, width: u32, height: u32) {
        self.settings.export_size = [width, height];
    }

    /// True while a folder is being indexed.
    pub fn is_indexing(&self) -> bool {
        self.indexing
    }

    /// Starts indexing `folder` in the background (cancelling any running job).
    pub fn open_folder(&mut self, folder: PathBuf, ctx: &egui::Context) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
        if let Some(view) = &self.corpus {
            self.settings
                .selected
                .insert(view.opened.folder.clone(), view.selected_keys());
        }
        let data_dir = self.data_dir.as_ref().map(|base| {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            base.join(name)
        });
        let wake_ctx = ctx.clone();
        match jobs::spawn_indexing(
            folder.clone(),
            data_dir,
            IndexOptions::default(),
            move || {
                wake_ctx.request_repaint();
            },
        ) {
            Ok(job) => {
                self.job = Some(job);
                self.indexing = true;
                self.progress = Progress::default();
                self.error = None;
            }
            Err(e) => self.error = Some(format!("cannot start indexing {}: {e}", folder.display())),
        }
    }

    /// Sends changes to the actor edits to the worker (it applies them to the
    /// saved edits and rebuilds the explorer).
    pub(crate) fn save_edits(&mut self, ops: Vec<EditOp>) {
        // Partial results carry no saved edits to build on: edit once indexed.
        if self.corpus.as_ref().is_some_and(|v| v.partial) {
            self.error = Some(t("Wait until indexing ends").to_owned());
            return;
        }
        if self.indexing || self.job.is_none() {
            // Sent once the corpus is open again.
            self.pending_edits.extend(ops);
        } else {
            self.request(Request::Edit(ops));
        }
    }

    /// Sends a request to the corpus worker (after indexing, when it listens).
    pub(crate) fn request(&mut self, request: Request) {
        match &self.job {
            Some(job) if !self.indexing => {
                if !job.request(request) {
                    self.error = Some("the corpus worker stopped; reopen the folder".to_owned());
                }
            }
            _ => self.error = Some(t("Wait until indexing ends").to_owned()),
        }
    }

    /// Asks the worker for an article's text and shows it.
    pub(crate) fn open_article(&mut self, ix: ArticleIx, quote: Option<QuoteIx>) {
        let Some(view) = &mut self.corpus else { return };
        let Some(article) = view.explorer.articles.get(ix as usize) else {
            return;
        };
        let same = view
            .open
            .as_ref()
            .is_some_and(|o| o.ix == ix && o.text.is_some());
        let text = if same {
            view.open.take().and_then(|o| o.text)
        } else {
            None
        };
        if text.is_none()
            && let Some(job) = &self.job
        {
            job.request(Request::Article(article.id));
        }
        view.open = Some(OpenArticle {
            date_edit: article
                .date
                .as_ref()
                .map(|d| d.date.to_iso())
                .unwrap_or_default(),
            ix,
            text,
            quote,
            scroll_pending: quote.is_some(),
        });
    }

    fn send_search(&mut self) {
        let Some(view) = &mut self.corpus else { return };
        let query = view.query.trim().to_owned();
        view.search_generation += 1;
        if query.is_empty() {
            view.filter.hits = None;
            view.search_error = None;
            view.dirty = true;
            return;
        }
        if let Some(job) = &self.job {
            job.request(Request::Search {
                generation: view.search_generation,
                query,
            });
        }
    }

    /// Moves background results into the state.
    fn drain_job_events(&mut self, ctx: &egui::Context) {
        let mut events = Vec::new();
        if let Some(job) = &self.job {
            loop {
                match job.events.try_recv() {
                    Ok(event) => events.push(event),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        if self.indexing {
                            self.error = Some(
                                "indexing stopped unexpectedly (worker thread failed)".to_owned(),
                            );
                            self.indexing = false;
                        }
                        self.job = None;
                        break;
                    }
                }
            }
        }
        for event in events {
            self.handle_event(event, ctx);
        }
    }

    fn handle_event(&mut self, event: JobEvent, ctx: &egui::Context) {
        match event {
            JobEvent::Progress(p) => self.progress = p,
            JobEvent::Partial { folder, explorer } => {
                match &mut self.corpus {
                    // A complete view of this folder stays until the new one is ready.
                    Some(view) if !view.partial && view.opened.folder == folder => {}
                    Some(view) if view.partial && view.opened.folder == folder => {
                        let edits = view.edits.clone();
                        view.replace_explorer(explorer, edits);
                    }
                    _ => {
                        let keys = self
                            .settings
                            .selected
                            .get(&folder)
                            .cloned()
                            .unwrap_or_default();
                        let opened = Opened {
                            summary: crate::pipeline::Summary::default(),
                            folder,
                            data_dir: PathBuf::new(),
                            explorer,
                            edits: ActorEdits::default(),
                        };
                        let mut view = CorpusView::new(opened, &keys);
                        view.partial = true;
                        self.corpus = Some(view);
                    }
                }
            }
            JobEvent::Opened(Ok(opened)) => {
                self.indexing = false;
                self.settings.last_folder = Some(opened.folder.clone());
                let keys = self
                    .settings
                    .selected
                    .get(&opened.folder)
                    .cloned()
                    .unwrap_or_default();
                let previous = self
                    .corpus
                    .take()
                    .filter(|v| v.opened.folder == opened.folder);
                let mut view = CorpusView::new(*opened, &keys);
                if let Some(prev) = previous {
                    // Reopened after an edit: keep what the user was looking at.
                    view.selected = prev
                        .selected_keys()
                        .iter()
                        .filter_map(|k| view.explorer.actor_of(k))
                        .collect();
                    view.tab = prev.tab;
                }
                self.corpus = Some(view);
                let pending = std::mem::take(&mut self.pending_edits);
                if !pending.is_empty() {
                    self.save_edits(pending);
                }
            }
            JobEvent::Opened(Err(e)) => {
                self.indexing = false;
                self.error = Some(e);
                self.job = None;
            }
            JobEvent::Search { generation, result } => {
                let Some(view) = &mut self.corpus else { return };
                if generation != view.search_generation {
                    return;
                }
                match result {
                    Ok(ids) => {
                        view.filter.hits = Some(Arc::new(view.explorer.hit_mask(&ids)));
                        view.search_error = None;
                    }
                    Err(e) => view.search_error = Some(e),
                }
                view.dirty = true;
            }
            JobEvent::Article { id, result } => {
                let Some(view) = &mut self.corpus else { return };
                if let Some(open) = &mut view.open
                    && view.explorer.articles.get(open.ix as usize).map(|a| a.id) == Some(id)
                {
                    open.text = Some(result);
                }
            }
            JobEvent::Rebuilt(Ok((explorer, edits))) => {
                let Some(view) = &mut self.corpus else { return };
                let reindex = edits.added_fingerprint() != view.edits.added_fingerprint();
                view.replace_explorer(explorer, edits);
                self.notice = Some(t("Saved").to_owned());
                if reindex {
                    // Added actors are found at extraction time: read the articles again.
                    let folder = view.opened.folder.clone();
                    self.open_folder(folder, ctx);
                }
            }
            JobEvent::Rebuilt(Err(e)) => self.error = Some(e),
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            // A dropped file opens the folder it is in.
            let folder = if path.is_dir() {
                Some(path)
            } else {
                path.parent().map(PathBuf::from)
            };
            if let Some(folder) = folder {
                self.open_folder(folder, ctx);
            }
        }
    }

    fn poll_dialogs(&mut self, ctx: &egui::Context) {
        if let Some(Some(folder)) = take_answer(&mut self.picked) {
            self.open_folder(folder, ctx);
        }
        if let Some(Some((path, kind))) = take_answer(&mut self.export_target) {
            self.export_to(path, kind);
        }
        match take_answer(&mut self.export_done) {
            Some(Ok(path)) => self.notice = Some(format!("{} {}", t("Saved"), path.display())),
            Some(Err(e)) => self.error = Some(e),
            None => {}
        }
    }

    /// Opens the native folder dialog on its own thread so the window keeps painting.
    fn pick_folder(&mut self, ctx: &egui::Context) {
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = ctx.clone();
        let title = t("Open a folder of articles");
        let spawned = std::thread::Builder::new()
            .name("pick_folder".to_owned())
            .spawn(move || {
                tx.send(rfd::FileDialog::new().set_title(title).pick_folder())
                    .ok(); // The window may be gone.
                wake.request_repaint();
            });
        match spawned {
            Ok(_) => self.picked = Some(rx),
            Err(e) => self.error = Some(format!("cannot open the folder dialog: {e}")),
        }
    }

    /// Asks where to save an export (native dialog on its own thread).
    fn pick_export_target(&mut self, kind: ExportKind, ctx: &egui::Context) {
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = ctx.clone();
        let (ext, label) = match kind {
            ExportKind::Png => ("png", "PNG"),
            ExportKind::Svg => ("svg", "SVG"),
            ExportKind::Csv => ("csv", "CSV"),
        };
        let name = format!("{}.{ext}", self.export_basename());
        let spawned = std::thread::Builder::new()
            .name("pick_export".to_owned())
            .spawn(move || {
                let picked = rfd::FileDialog::new()
                    .set_file_name(name)
                    .add_filter(label, &[ext])
                    .save_file();
                tx.send(picked.map(|p| (p, kind))).ok(); // The window may be gone.
                wake.request_repaint();
            });
        match spawned {
            Ok(_) => self.export_target = Some(rx),
            Err(e) => self.error = Some(format!("cannot open the save dialog: {e}")),
        }
    }

    fn export_basename(&self) -> String {
        let folder = self
            .corpus
            .as_ref()
            .map(CorpusView::folder_name)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "dossier".to_owned());
        format!("{folder}-timeline")
    }

    /// The chart as on screen, ready for plotters.
    pub(crate) fn chart_spec(&self) -> Option<crate::chart::ChartSpec> {
        let view = self.corpus.as_ref()?;
        let day = |d: Option<i64>| {
            d.map(|d| PartialDate::from_unix_days(d).to_iso())
                .unwrap_or_default()
        };
        let dates = match (view.filter.from, view.filter.to) {
            (None, None) => None,
            (from, to) => Some((day(from), day(to))),
        };
        let lang = self.settings.lang.lang();
        let text = crate::chart::ChartText::timeline(
            lang,
            self.settings.granularity,
            self.settings.share,
            &view.opened.folder,
            Some(view.query.trim()),
            dates,
        );
        Some(crate::chart::ChartSpec::from_series(
            &view.explorer,
            &view.derived.series,
            self.settings.share,
            self.label_style(),
            text,
        ))
    }

    /// How the timeline writes dates and numbers: the window's language, and
    /// month names or `2024-01` as the settings say.
    pub(crate) fn label_style(&self) -> crate::period::axis::LabelStyle {
        crate::period::axis::LabelStyle {
            lang: self.settings.lang.lang(),
            month_names: self.settings.month_names,
        }
    }

    /// Writes an export to `path` on a worker thread (the export menu asks
    /// for the path with the native save dialog first).
    pub fn export_to(&mut self, path: PathBuf, kind: ExportKind) {
        let Some(view) = &self.corpus else { return };
        let [width, height] = self.settings.export_size;
        let csv = (kind == ExportKind::Csv)
            .then(|| crate::chart::series_csv(&view.explorer, &view.derived.series));
        let Some(spec) = self.chart_spec() else {
            return;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("export".to_owned())
            .spawn(move || {
                let result = match (kind, csv) {
                    (ExportKind::Csv, Some(csv)) => {
                        crate::storage::write_atomic(&path, csv.as_bytes())
                            .map_err(|e| format!("cannot write {}: {e}", path.display()))
                    }
                    (ExportKind::Svg, _) => crate::chart::write_svg(&spec, &path, width, height)
                        .map_err(|e| e.to_string()),
                    _ => crate::chart::write_png(&spec, &path, width, height)
                        .map_err(|e| e.to_string()),
                };
                tx.send(result.map(|()| path)).ok(); // The window may be gone.
            });
        match spawned {
            Ok(_) => self.export_done = Some(rx),
            Err(e) => self.error = Some(format!("cannot export: {e}")),
        }
    }

    /// Waits for a running export (tests).
    pub fn wait_for_export(&mut self) -> Option<Result<PathBuf, String>> {
        let result = self.export_done.take()?.recv().ok();
        if let Some(Ok(path)) = &result {
            self.notice = Some(format!("{} {}", t("Saved"), path.display()));
        }
        result
    }

    fn keyboard(&mut self, ctx: &egui::Context) {
        let (open, find, export, escape, up, down) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::O),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::F),
                i.consume_key(egui::Modifiers::COMMAND, egui::Key::E),
                i.key_pressed(egui::Key::Escape),
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
            )
        });
        if open {
            self.pick_folder(ctx);
        }
        if find {
            ctx.memory_mut(|m| m.request_focus(self.search_id));
        }
        if export && self.corpus.is_some() {
            self.pick_export_target(ExportKind::Png, ctx);
        }
        let typing = ctx.memory(|m| m.focused().is_some());
        let Some(view) = &mut self.corpus else { return };
        if escape && !typing {
            view.focus = Focus::default();
            view.open = None;
            view.quote_speaker = None;
            view.quote_mentioned = None;
            view.dirty = true;
        }
        if (up || down) && !typing && view.tab == Tab::Timeline && !view.derived.list.is_empty() {
            let last = view.derived.list.len() - 1;
            let next = match (view.cursor, up) {
                (None, _) => 0,
                (Some(c), true) => c.saturating_sub(1),
                (Some(c), false) => (c + 1).min(last),
            };
            view.cursor = Some(next);
            view.scroll_to_cursor = true;
            let ix = view.derived.list[next];
            self.open_article(ix, None);
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(t("Open folder…"))
                .on_hover_text("Ctrl+O")
                .clicked()
            {
                self.pick_folder(&ctx);
            }
            if let Some(view) = &self.corpus {
                ui.strong(view.folder_name())
                    .on_hover_text(view.opened.folder.display().to_string());
            }
            ui.separator();
            let mut search_changed = false;
            let mut dates_changed = false;
            let mut settings_changed = false;
            if let Some(view) = &mut self.corpus {
                let label = ui.label(t("Search"));
                let search = ui
                    .add(
                        egui::TextEdit::singleline(&mut view.query)
                            .id(self.search_id)
                            .hint_text("\"…\" AND OR NOT ~")
                            .desired_width(170.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(t(
                        "Search the articles: words, \"a phrase\", OR, NOT, word~ (fuzzy)",
                    ));
                search_changed = search.changed();
                if let Some(error) = &view.search_error {
                    ui.colored_label(ui.visuals().error_fg_color, "⚠")
                        .on_hover_text(format!("{}: {error}", t("Search error")));
                }
                ui.separator();
                for (label_text, hint, text, is_from) in [
                    (
                        t("From"),
                        t("First day shown (YYYY-MM-DD)"),
                        &mut view.from_text,
                        true,
                    ),
                    (
                        t("To"),
                        t("Last day shown (YYYY-MM-DD)"),
                        &mut view.to_text,
                        false,
                    ),
                ] {
                    let label = ui.label(label_text);
                    let valid = text.trim().is_empty() || parse_day(text, is_from).is_some();
                    let mut edit = egui::TextEdit::singleline(text)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(78.0);
                    if !valid {
                        edit = edit.text_color(ui.visuals().error_fg_color);
                    }
                    let response = ui.add(edit).labelled_by(label.id).on_hover_text(if valid {
                        hint
                    } else {
                        t("Not a date")
                    });
                    dates_changed |= response.changed();
                }
                ui.separator();
                let label = ui.label(t("Period"));
                egui::ComboBox::from_id_salt("granularity")
                    .selected_text(granularity_name(self.settings.granularity))
                    .show_ui(ui, |ui| {
                        for by in [
                            Granularity::Day,
                            Granularity::Week,
                            Granularity::Month,
                            Granularity::Year,
                        ] {
                            settings_changed |= ui
                                .selectable_value(
                                    &mut self.settings.granularity,
                                    by,
                                    granularity_name(by),
                                )
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(label.id);
                settings_changed |= ui
                    .selectable_value(&mut self.settings.share, false, t("Mentions"))
                    .changed();
                settings_changed |= ui
                    .selectable_value(&mut self.settings.share, true, t("Share of articles"))
                    .changed();
                if dates_changed {
                    view.filter.from = parse_day(&view.from_text, true);
                    view.filter.to = parse_day(&view.to_text, false);
                }
                if dates_changed || settings_changed {
                    view.dirty = true;
                    view.focus.bucket = None;
                }
            }
            if search_changed {
                self.send_search();
            }
            ui.separator();
            let mut export = None;
            ui.add_enabled_ui(self.corpus.is_some(), |ui| {
                ui.menu_button(t("Export"), |ui| {
                    ui.horizontal(|ui| {
                        let label = ui.label(t("Width"));
                        ui.add(
                            egui::DragValue::new(&mut self.settings.export_size[0])
                                .range(100..=8000)
                                .suffix(" px"),
                        )
                        .labelled_by(label.id);
                        let label = ui.label(t("Height"));
                        ui.add(
                            egui::DragValue::new(&mut self.settings.export_size[1])
                                .range(100..=8000)
                                .suffix(" px"),
                        )
                        .labelled_by(label.id);
                    });
                    if ui
                        .button(t("Chart as PNG…"))
                        .on_hover_text("Ctrl+E")
                        .clicked()
                    {
                        export = Some(ExportKind::Png);
                    }
                    if ui.button(t("Chart as SVG…")).clicked() {
                        export = Some(ExportKind::Svg);
                    }
                    if ui.button(t("Series as CSV…")).clicked() {
                        export = Some(ExportKind::Csv);
                    }
                })
                .response
                .on_hover_text("Ctrl+E");
            });
            if let Some(kind) = export {
                self.pick_export_target(kind, &ctx);
            }
            ui.menu_button(t("Settings"), |ui| {
                ui.label(t("Theme"));
                let before = self.settings.theme;
                ui.radio_value(
                    &mut self.settings.theme,
                    ThemePref::System,
                    t("Follow system"),
                );
                ui.radio_value(&mut self.settings.theme, ThemePref::Light, t("Light"));
                ui.radio_value(&mut self.settings.theme, ThemePref::Dark, t("Dark"));
                if before != self.settings.theme {
                    self.apply_theme(&ctx);
                }
                ui.separator();
                ui.label(t("Language"));
                ui.radio_value(&mut self.settings.lang, UiLang::En, "English");
                ui.radio_value(&mut self.settings.lang, UiLang::Fr, "Français");
                ui.separator();
                ui.checkbox(&mut self.settings.month_names, t("Month names in dates"));
            });
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let (true, Some(job)) = (self.indexing, &self.job) {
                let p = &self.progress;
                let fraction = if p.files_total == 0 {
                    0.0
                } else {
                    p.files_done as f32 / p.files_total as f32
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(240.0)
                        .text(format!(
                            "{}/{} {}, {} {}",
                            p.files_done,
                            p.files_total,
                            t("files"),
                            p.articles,
                            t("articles")
                        )),
                );
                if p.waiting_for_other {
                    ui.label(t(
                        "Waiting for another Dossier process that is indexing this folder…",
                    ));
                } else {
                    ui.label(format!("{} {}", t("Indexing"), job.folder.display()));
                }
                let cancel = ui.add_enabled(!job.is_cancelling(), egui::Button::new(t("Cancel")));
                if cancel.clicked() {
                    job.cancel();
                }
            } else if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
                if ui.small_button(t("Close")).clicked() {
                    self.error = None;
                }
            } else if let Some(view) = &self.corpus {
                let s = &view.opened.summary;
                ui.label(format!(
                    "{} {:.2} s: {} {}, {} {} — {} {}",
                    t("Indexed in"),
                    s.seconds,
                    s.files_read,
                    t("read"),
                    s.files_unchanged,
                    t("unchanged"),
                    view.explorer.articles.len(),
                    t("articles"),
                ));
                for note in &s.notes {
                    ui.weak(note);
                }
                if let Some(notice) = &self.notice {
                    ui.separator();
                    ui.label(notice);
                }
            } else {
                ui.label(t("Drop a folder of articles on the window, or open one"));
            }
            if let Some(view) = &self.corpus {
                let skipped = view.opened.summary.skipped.len();
                if skipped > 0 && ui.button(format!("{skipped} {}", t("skipped…"))).clicked() {
                    self.show_skipped = true;
                }
            }
        });
    }

    fn skipped_window_ui(&mut self, ctx: &egui::Context) {
        let Some(view) = &self.corpus else { return };
        egui::Window::new(t("Skipped files"))
            .open(&mut self.show_skipped)
            .default_width(560.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(400.0)
                    .show(ui, |ui| {
                        egui::Grid::new("skipped")
                            .striped(true)
                            .num_columns(2)
                            .show(ui, |ui| {
                                for skip in &view.opened.summary.skipped {
                                    ui.label(&skip.path);
                                    ui.label(&skip.reason);
                                    ui.end_row();
                                }
                            });
                    });
            });
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let mut done = None;
        let mut open = true;
        match dialog {
            Dialog::Rename { actor, name } => {
                egui::Window::new(t("Rename actor"))
                    .open(&mut open)
                    .collapsible(false)
                    .show(ctx, |ui| {
                        let label = ui.label(t("Name"));
                        let edit = ui.text_edit_singleline(name).labelled_by(label.id);
                        edit.request_focus();
                        ui.horizontal(|ui| {
                            let enter =
                                edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                            if ui.button(t("Rename")).clicked() || enter {
                                done = Some(true);
                            }
                            if ui.button(t("Cancel")).clicked() {
                                done = Some(false);
                            }
                        });
                    });
                if done == Some(true)
                    && let Some(view) = &self.corpus
                    && let Some(info) = view.explorer.actors.get(*actor as usize)
                    && !name.trim().is_empty()
                {
                    let op = EditOp::Rename {
                        key: info.key.clone(),
                        name: name.trim().to_owned(),
                    };
                    self.dialog = None;
                    self.save_edits(vec![op]);
                    return;
                }
            }
            Dialog::AddActor {
                name,
                kind,
                aliases,
            } => {
                egui::Window::new(t("Add an actor"))
                    .open(&mut open)
                    .collapsible(false)
                    .show(ctx, |ui| {
                        egui::Grid::new("add_actor").num_columns(2).show(ui, |ui| {
                            let label = ui.label(t("Name"));
                            ui.text_edit_singleline(name).labelled_by(label.id);
                            ui.end_row();
                            let label = ui.label(t("Kind"));
                            egui::ComboBox::from_id_salt("add_kind")
                                .selected_text(t(kind.as_str()))
                                .show_ui(ui, |ui| {
                                    for k in [
                                        ActorKind::Person,
                                        ActorKind::Country,
                                        ActorKind::Org,
                                        ActorKind::Place,
                                        ActorKind::Other,
                                    ] {
                                        ui.selectable_value(kind, k, t(k.as_str()));
                                    }
                                })
                                .response
                                .labelled_by(label.id);
                            ui.end_row();
                            let label = ui.label(t("Other forms, comma-separated"));
                            ui.text_edit_singleline(aliases).labelled_by(label.id);
                            ui.end_row();
                        });
                        ui.horizontal(|ui| {
                            if ui.button(t("Add")).clicked() {
                                done = Some(true);
                            }
                            if ui.button(t("Cancel")).clicked() {
                                done = Some(false);
                            }
                        });
                    });
                if done == Some(true) && self.corpus.is_some() {
                    let actor = UserActor {
                        name: name.trim().to_owned(),
                        kind: *kind,
                        aliases: aliases
                            .split(',')
                            .map(str::trim)
                            .filter(|a| !a.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    };
                    // Checked here so the dialog stays open on a refused name.
                    match ActorEdits::default().add_actor(actor.clone()) {
                        Ok(()) => {
                            self.dialog = None;
                            self.save_edits(vec![EditOp::Add(actor)]);
                        }
                        Err(e) => self.error = Some(e),
                    }
                    return;
                }
            }
        }
        if !open || done.is_some() {
            self.dialog = None;
        }
    }
}

/// The answer of a background dialog or export, once it came (the receiver
/// is then dropped; also when its thread ended without answering).
fn take_answer<T>(slot: &mut Option<Receiver<T>>) -> Option<T> {
    let answer = match slot.as_ref()?.try_recv() {
        Ok(answer) => Some(answer),
        Err(TryRecvError::Empty) => return None,
        Err(TryRecvError::Disconnected) => None,
    };
    *slot = None;
    answer
}

/// Where the window's settings are kept (besides eframe's storage).
fn settings_path() -> PathBuf {
    crate::storage::data_dir().join("settings.json")
}

fn load_settings_file() -> Option<Settings> {
    crate::storage::read_json(&settings_path(), "settings")
        .map_err(|e| log::warn!("ignoring them: {e}"))
        .ok()
        .flatten()
}

/// Saves what this window changed in the settings since `baseline` (what it
/// read or last saved), keeping what another window saved meanwhile; returns
/// the new baseline.
fn save_settings_file(
    settings: &Settings,
    baseline: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    let mine = serde_json::to_value(settings).map_err(|e| e.to_string())?;
    crate::storage::save_changes(&settings_path(), "settings", baseline, &mine)
}

/// The bundled font first, so text and exports look the same everywhere and
/// Cyrillic names render.
fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".to_owned(),
        Arc::new(egui::FontData::from_static(crate::chart::FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "dejavu".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// A day typed in a date box: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. As a start
/// it is the first day of the period, as an end the last.
pub(crate) fn parse_day(text: &str, start: bool) -> Option<i64> {
    let date = PartialDate::parse_iso(text.trim())?;
    if start {
        return Some(date.first_day_unix_days());
    }
    let by = match date.precision() {
        crate::model::Precision::Day => return Some(date.first_day_unix_days()),
        crate::model::Precision::Month => Granularity::Month,
        crate::model::Precision::Year => Granularity::Year,
    };
    Some(crate::explore::bucket_end(by, date.first_day_unix_days()))
}

/// The name of a granularity in the window's language.
pub(crate) fn granularity_name(by: Granularity) -> &'static str {
    match by {
        Granularity::Day => t("Day"),
        Granularity::Week => t("Week"),
        Granularity::Month => t("Month"),
        Granularity::Year => t("Year"),
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        super::set_lang(self.settings.lang);
        self.drain_job_events(ctx);
        self.poll_dialogs(ctx);
        if let Some(folder) = self
            .open_requests
            .as_ref()
            .and_then(super::OpenRequests::take)
        {
            self.open_folder(folder, ctx);
        }
        self.handle_dropped_files(ctx);
        self.keyboard(ctx);
        let by = self.settings.granularity;
        if let Some(view) = &mut self.corpus {
            view.refresh(by);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        super::set_lang(self.settings.lang);
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        if self.corpus.is_some() {
            self.panels_ui(ui);
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.centered_and_justified(|ui| ui.heading(t("Drop a folder of articles here")));
            });
        }
        let ctx = ui.ctx().clone();
        self.skipped_window_ui(&ctx);
        self.dialog_ui(&ctx);
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop_overlay"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(170));
            painter.rect_stroke(
                rect.shrink(16.0),
                12.0,
                egui::Stroke::new(3.0, egui::Color32::from_rgb(120, 170, 255)),
                egui::StrokeKind::Inside,
            );
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                t("Drop to open"),
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(view) = &self.corpus {
            self.settings
                .selected
                .insert(view.opened.folder.clone(), view.selected_keys());
        }
        if self.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
            match save_settings_file(&self.settings, &self.settings_baseline) {
                Ok(saved) => self.settings_baseline = saved,
                Err(e) => log::warn!("cannot save settings: {e}"),
            }
        }
    }
}
