//! The application state and its frame loop.

use std::path::PathBuf;
use std::sync::mpsc::TryRecvError;

use eframe::egui;

use crate::jobs::{self, Job, JobEvent};
use crate::pipeline::{Corpus, IndexOptions, Progress, Summary};

/// Persisted preferences (eframe storage). Everything else is rebuilt at start.
#[derive(serde::Serialize, serde::Deserialize, Default, Debug, Clone)]
#[serde(default)]
pub struct Settings {
    /// The folder open when the app was last closed.
    pub last_folder: Option<PathBuf>,
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
}

/// One row of the article list, precomputed when a corpus opens.
struct ArticleRow {
    title: String,
    date: String,
    date_hint: String,
    path: String,
    outlet: String,
    lang: &'static str,
    is_dated: bool,
}

/// The open corpus and what is derived from it for display.
struct Session {
    corpus: Corpus,
    summary: Summary,
    rows: Vec<ArticleRow>,
}

/// The Dossier window.
pub struct App {
    /// Persisted preferences.
    settings: Settings,
    /// Whether settings are saved.
    persist: bool,
    /// Where corpus data goes (None: platform default).
    data_dir: Option<PathBuf>,
    /// The open corpus, once indexing finished.
    session: Option<Session>,
    /// The running indexing job, if any.
    job: Option<Job>,
    /// Last progress report of the job.
    progress: Progress,
    /// An error to show in the status bar.
    error: Option<String>,
    /// Skipped-files window open.
    show_skipped: bool,
    /// Folder picked in the native dialog (the dialog runs on its own thread).
    picked: Option<std::sync::mpsc::Receiver<Option<PathBuf>>>,
}

impl App {
    /// Creates the app and starts opening the first folder.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: StartupOptions) -> Self {
        let settings = if startup.persist {
            cc.storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default()
        } else {
            Settings::default()
        };
        let mut app = Self {
            settings,
            persist: startup.persist,
            data_dir: startup.data_dir,
            session: None,
            job: None,
            progress: Progress::default(),
            error: None,
            show_skipped: false,
            picked: None,
        };
        let first = startup
            .open_folder
            .or_else(|| app.settings.last_folder.clone().filter(|f| f.is_dir()))
            .or_else(|| crate::sample::sample_folder().ok());
        if let Some(folder) = first {
            app.open_folder(folder, &cc.egui_ctx);
        }
        app
    }

    /// Starts indexing `folder` in the background (cancelling any running job).
    fn open_folder(&mut self, folder: PathBuf, ctx: &egui::Context) {
        if let Some(job) = self.job.take() {
            job.cancel();
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
            move || wake_ctx.request_repaint(),
        ) {
            Ok(job) => {
                self.job = Some(job);
                self.progress = Progress::default();
                self.error = None;
            }
            Err(e) => self.error = Some(format!("cannot start indexing {}: {e}", folder.display())),
        }
    }

    /// Moves finished background results into the session.
    fn drain_job_events(&mut self) {
        let Some(job) = &self.job else { return };
        loop {
            match job.events.try_recv() {
                Ok(JobEvent::Progress(p)) => self.progress = p,
                Ok(JobEvent::Finished(result)) => {
                    match result {
                        Ok(done) => {
                            let (summary, corpus) = *done;
                            self.settings.last_folder = Some(corpus.folder.clone());
                            self.session = Some(Session {
                                rows: rows_of(&corpus),
                                corpus,
                                summary,
                            });
                        }
                        Err(e) => self.error = Some(e),
                    }
                    self.job = None;
                    return;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.error =
                        Some("indexing stopped unexpectedly (worker thread failed)".to_owned());
                    self.job = None;
                    return;
                }
            }
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

    fn poll_picked_folder(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.picked else { return };
        match rx.try_recv() {
            Ok(Some(folder)) => {
                self.picked = None;
                self.open_folder(folder, ctx);
            }
            Ok(None) | Err(TryRecvError::Disconnected) => self.picked = None,
            Err(TryRecvError::Empty) => {}
        }
    }

    /// Opens the native folder dialog on its own thread so the window keeps painting.
    fn pick_folder(&mut self, ctx: &egui::Context) {
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("pick_folder".to_owned())
            .spawn(move || {
                tx.send(
                    rfd::FileDialog::new()
                        .set_title("Open a folder of articles")
                        .pick_folder(),
                )
                .ok(); // UI may be gone.
                wake.request_repaint();
            });
        match spawned {
            Ok(_) => self.picked = Some(rx),
            Err(e) => self.error = Some(format!("cannot open the folder dialog: {e}")),
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if ui.button("Open folder…").clicked() {
                self.pick_folder(ui.ctx());
            }
            if let Some(session) = &self.session {
                let name = session
                    .corpus
                    .folder
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                ui.strong(name)
                    .on_hover_text(session.corpus.folder.display().to_string());
                ui.label(format!("{} articles", session.rows.len()));
                let skipped = session.summary.skipped.len();
                if skipped > 0 && ui.button(format!("{skipped} skipped…")).clicked() {
                    self.show_skipped = true;
                }
            }
        });
    }

    fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(job) = &self.job {
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
                            "{}/{} files, {} articles",
                            p.files_done, p.files_total, p.articles
                        )),
                );
                ui.label(format!("Indexing {}", job.folder.display()));
                let cancel = ui.add_enabled(!job.is_cancelling(), egui::Button::new("Cancel"));
                if cancel.clicked() {
                    job.cancel();
                }
            } else if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            } else if let Some(session) = &self.session {
                let s = &session.summary;
                ui.label(format!(
                    "Indexed in {:.2} s: {} read, {} unchanged",
                    s.seconds, s.files_read, s.files_unchanged
                ));
            } else {
                ui.label("Drop a folder of articles on the window, or open one");
            }
        });
    }

    fn articles_ui(&self, ui: &mut egui::Ui) {
        let Some(session) = &self.session else {
            ui.centered_and_justified(|ui| ui.heading("Drop a folder of articles here"));
            return;
        };
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        egui_extras::TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .column(egui_extras::Column::exact(96.0))
            .column(egui_extras::Column::exact(36.0))
            .column(egui_extras::Column::remainder().at_least(200.0).clip(true))
            .column(
                egui_extras::Column::initial(160.0)
                    .at_least(60.0)
                    .clip(true),
            )
            .column(
                egui_extras::Column::initial(220.0)
                    .at_least(60.0)
                    .clip(true),
            )
            .header(row_height, |mut header| {
                for name in ["Date", "Lang", "Title", "Outlet", "File"] {
                    header.col(|ui| {
                        ui.strong(name);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, session.rows.len(), |mut row| {
                    let Some(article) = session.rows.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        let text = egui::RichText::new(&article.date);
                        let text = if article.is_dated {
                            text
                        } else {
                            text.weak().italics()
                        };
                        ui.label(text).on_hover_text(&article.date_hint);
                    });
                    row.col(|ui| {
                        ui.weak(article.lang);
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&article.title).truncate());
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(egui::RichText::new(&article.outlet).weak())
                                .truncate(),
                        );
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(egui::RichText::new(&article.path).weak()).truncate(),
                        );
                    });
                });
            });
    }

    fn skipped_window_ui(&mut self, ctx: &egui::Context) {
        let Some(session) = &self.session else { return };
        egui::Window::new("Skipped files")
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
                                for skip in &session.summary.skipped {
                                    ui.label(&skip.path);
                                    ui.label(&skip.reason);
                                    ui.end_row();
                                }
                            });
                    });
            });
    }
}

fn rows_of(corpus: &Corpus) -> Vec<ArticleRow> {
    let mut rows: Vec<ArticleRow> = corpus
        .manifest
        .articles()
        .map(|(path, a)| ArticleRow {
            title: a.title.clone(),
            date: a
                .date
                .as_ref()
                .map_or_else(|| "undated".to_owned(), |d| d.date.to_iso()),
            date_hint: a.date.as_ref().map_or_else(
                || "No reliable date found".to_owned(),
                |d| {
                    format!(
                        "Date from {} ({})",
                        d.source.as_str().replace('_', " "),
                        d.detail
                    )
                },
            ),
            path: path.to_owned(),
            outlet: a.outlet.clone().unwrap_or_default(),
            lang: a.lang.code(),
            is_dated: a.date.is_some(),
        })
        .collect();
    // Newest first; undated articles last.
    rows.sort_by(|a, b| (b.is_dated, &b.date).cmp(&(a.is_dated, &a.date)));
    rows
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.drain_job_events();
        self.poll_picked_folder(ctx);
        self.handle_dropped_files(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| self.articles_ui(ui));
        let ctx = ui.ctx().clone();
        self.skipped_window_ui(&ctx);
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop_overlay"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop to open",
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }
}
