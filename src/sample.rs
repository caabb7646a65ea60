//! The bundled sample corpus, shown on first start so the window is never empty.
//! The articles are compiled into the binary and copied, once, into Dossier's
//! data folder (an installed app has no other place to read them from).

use std::path::PathBuf;

/// (file name, content) of each sample file; written for Dossier, see assets/sample/README.md.
const FILES: &[(&str, &[u8])] = &[
    (
        "2024-03-04-summit-fr.txt",
        include_bytes!("../assets/sample/2024-03-04-summit-fr.txt"),
    ),
    (
        "2024-03-05-summit-en.md",
        include_bytes!("../assets/sample/2024-03-05-summit-en.md"),
    ),
    (
        "2024-04-harbour-fr.html",
        include_bytes!("../assets/sample/2024-04-harbour-fr.html"),
    ),
    (
        "wire-en.jsonl",
        include_bytes!("../assets/sample/wire-en.jsonl"),
    ),
    (
        "energie-fr.json",
        include_bytes!("../assets/sample/energie-fr.json"),
    ),
    (
        "2024-01-22-cables-fr.txt",
        include_bytes!("../assets/sample/2024-01-22-cables-fr.txt"),
    ),
    (
        "2024-02-14-baltic-en.txt",
        include_bytes!("../assets/sample/2024-02-14-baltic-en.txt"),
    ),
    (
        "2024-06-11-ports-fr.txt",
        include_bytes!("../assets/sample/2024-06-11-ports-fr.txt"),
    ),
    (
        "2024-07-03-drone-en.md",
        include_bytes!("../assets/sample/2024-07-03-drone-en.md"),
    ),
    (
        "2024-09-19-exercice-fr.html",
        include_bytes!("../assets/sample/2024-09-19-exercice-fr.html"),
    ),
    (
        "notes-reunion.txt",
        include_bytes!("../assets/sample/notes-reunion.txt"),
    ),
    (
        "2024-05-14-communique-fr.eml",
        include_bytes!("../assets/sample/2024-05-14-communique-fr.eml"),
    ),
    (
        "2024-05-21-report-en.pdf",
        include_bytes!("../assets/sample/2024-05-21-report-en.pdf"),
    ),
];

/// Folder holding the sample corpus, created (or refreshed) on demand.
pub fn sample_folder() -> std::io::Result<PathBuf> {
    let dir = crate::storage::data_dir().join("sample-corpus");
    std::fs::create_dir_all(&dir)?;
    for (name, content) in FILES {
        let path = dir.join(name);
        // Rewrite only when missing or different, so the index sees no change.
        if std::fs::read(&path).ok().as_deref() != Some(*content) {
            crate::storage::write_atomic(&path, content)?;
        }
    }
    Ok(dir)
}
