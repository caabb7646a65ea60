//! GUI entry point. `dossier [FOLDER]` opens FOLDER (a folder dropped on the
//! app icon arrives this way); otherwise the last folder, or the bundled sample.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use dossier::ui::{App, StartupOptions};

fn main() -> eframe::Result {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    // A file passed by the OS ("Open with") opens the folder it is in.
    let open_folder = std::env::args_os()
        .nth(1)
        .map(std::path::PathBuf::from)
        .and_then(|path| {
            if path.is_dir() {
                Some(path)
            } else {
                path.parent().map(std::path::PathBuf::from)
            }
        });
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Dossier")
            .with_app_id(dossier::storage::APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Dossier",
        options,
        Box::new(move |cc| {
            Ok(Box::new(App::new(
                cc,
                StartupOptions {
                    persist: true,
                    open_folder,
                    data_dir: None,
                    lang: None,
                },
            )))
        }),
    )
}
