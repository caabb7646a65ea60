//! Embeds the application icon in the Windows executable. Does nothing on
//! other targets (and needs no extra crate there).

fn main() {
    println!("cargo:rerun-if-changed=icons/dossier.ico");
    #[cfg(windows)]
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        let mut resource = winresource::WindowsResource::new();
        resource.set_icon("icons/dossier.ico");
        resource.set("ProductName", "Dossier");
        resource.set("FileDescription", "Dossier — news corpus explorer");
        if let Err(error) = resource.compile() {
            println!("cargo:warning=cannot embed the icon: {error}");
        }
    }
}
