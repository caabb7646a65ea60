//! Platform glue, only for the platform being built: embeds the application
//! icon in the Windows executable, and compiles the handler for macOS "open
//! documents" Apple Events (`src/os_open/macos.m`). Does nothing on Linux
//! and needs no extra crate there.

fn main() {
    println!("cargo:rerun-if-changed=icons/dossier.ico");
    println!("cargo:rerun-if-changed=src/os_open/macos.m");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    #[cfg(windows)]
    if target_os == "windows" {
        let mut resource = winresource::WindowsResource::new();
        resource.set_icon("icons/dossier.ico");
        resource.set("ProductName", "Dossier");
        resource.set("FileDescription", "Dossier — news corpus explorer");
        if let Err(error) = resource.compile() {
            println!("cargo:warning=cannot embed the icon: {error}");
        }
    }
    #[cfg(target_os = "macos")]
    if target_os == "macos" {
        cc::Build::new()
            .file("src/os_open/macos.m")
            .flag("-fobjc-arc")
            .flag("-fblocks")
            .compile("dossier_os_open");
        println!("cargo:rustc-link-lib=framework=AppKit");
        println!("cargo:rustc-link-lib=framework=Foundation");
    }
    let _ = target_os;
}
