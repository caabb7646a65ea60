//! GUI entry point. `dossier [FOLDER]` opens FOLDER (a folder dropped on the
//! app icon arrives this way on Windows and Linux; macOS sends it as an Apple
//! Event, see `dossier::os_open`); otherwise the last folder, or the bundled
//! sample.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use dossier::ui::{App, OpenRequests, StartupOptions};
use eframe::Renderer;

/// The application icon, also shown by the window manager.
fn window_icon() -> eframe::egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../icons/png/256x256.png"))
        .unwrap_or_default()
}

/// Renderers to try, in order. Windows first tries Direct3D through wgpu,
/// which also works where the graphics driver offers only OpenGL 1.1 (Remote
/// Desktop, virtual machines without 3D: Windows' software renderer); then
/// OpenGL.
#[cfg(windows)]
const RENDERERS: &[Renderer] = &[Renderer::Wgpu, Renderer::Glow];
#[cfg(not(windows))]
const RENDERERS: &[Renderer] = &[Renderer::Glow];

fn options(renderer: Renderer) -> eframe::NativeOptions {
    eframe::NativeOptions {
        renderer,
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Dossier")
            .with_app_id(dossier::storage::APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true)
            .with_icon(window_icon()),
        ..Default::default()
    }
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let startup = StartupOptions {
        persist: true,
        // A folder or file passed by the OS ("Open with", a drop on the icon).
        open_folder: dossier::ui::folder_to_open(std::env::args_os().skip(1)),
        data_dir: None,
        lang: None,
        // macOS sends them as Apple Events instead, at launch and later.
        open_requests: Some(OpenRequests::default()),
    };
    if let Some(requests) = startup.open_requests.clone() {
        dossier::os_open::on_open_request(move |path| requests.push(path));
    }
    // Another renderer is tried only when the window never appeared and the
    // renderer failed cleanly (after a panic the event loop is not reused).
    let started = Arc::new(AtomicBool::new(false));
    let mut failure = String::new();
    for &renderer in RENDERERS {
        let startup = startup.clone();
        let started_now = Arc::clone(&started);
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            eframe::run_native(
                "Dossier",
                options(renderer),
                Box::new(move |cc| {
                    started_now.store(true, Ordering::Relaxed);
                    Ok(Box::new(App::new(cc, startup)))
                }),
            )
        }));
        match run {
            Ok(Ok(())) => return ExitCode::SUCCESS,
            Ok(Err(error)) => {
                log::warn!("the window failed with {renderer}: {error}");
                failure = error.to_string();
            }
            Err(_) => {
                failure = format!("the {renderer} renderer stopped with an internal error");
                break;
            }
        }
        if started.load(Ordering::Relaxed) {
            break;
        }
    }
    // Started from an icon there is no terminal to read the error in.
    let message = if started.load(Ordering::Relaxed) {
        format!("Dossier stopped: {failure}")
    } else {
        format!(
            "Dossier cannot open its window: {failure}\n\n\
             Updating the graphics driver usually helps. The command-line \
             tool, dossier-cli, works without a window."
        )
    };
    eprintln!("{message}");
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Dossier")
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    ExitCode::FAILURE
}
