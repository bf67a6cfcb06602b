//! Watching the dataset file, so that a save in an editor shows at once. The
//! directory is watched rather than the file: editors often save by writing a
//! temporary file and renaming it over the old one, which replaces the file.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

/// A running watch; `changed()` says whether the file changed since last asked.
pub struct FileWatch {
    _watcher: RecommendedWatcher,
    events: Receiver<()>,
}

impl FileWatch {
    /// Starts watching `file` (through its directory).
    pub fn new(file: &Path) -> notify::Result<FileWatch> {
        let file: PathBuf = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let name = file.file_name().map(|n| n.to_os_string());
        let dir = file
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<Event>| {
            if let Ok(event) = res
                && event
                    .paths
                    .iter()
                    .any(|p| p.file_name().map(|n| n.to_os_string()) == name)
                && !event.kind.is_access()
            {
                let _ = tx.send(());
            }
        })?;
        watcher.watch(&dir, RecursiveMode::NonRecursive)?;
        Ok(FileWatch {
            _watcher: watcher,
            events,
        })
    }

    /// Whether anything happened to the file since the last call (drains the queue).
    pub fn changed(&self) -> bool {
        let mut any = false;
        while self.events.try_recv().is_ok() {
            any = true;
        }
        any
    }
}
