//! GUI entry point. `dossier [FOLDER]` opens FOLDER (a folder dropped on the
//! app icon arrives this way); otherwise the last folder, or the bundled sample.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use dossier::ui::{App, StartupOptions};

/// The application icon, also shown by the window manager.
fn window_icon() -> eframe::egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../icons/png/256x256.png"))
        .unwrap_or_default()
}

fn main() -> eframe::Result {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    // A folder or file passed by the OS ("Open with", a drop on the icon).
    let open_folder = dossier::ui::folder_to_open(std::env::args_os().skip(1));
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Dossier")
            .with_app_id(dossier::storage::APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
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
