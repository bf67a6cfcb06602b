//! Watching the dataset file, so that a save in an editor shows at once. The
//! directory is watched rather than the file: editors often save by writing a
//! temporary file and renaming it over the old one, which replaces the file.
//! The file is loaded again on a thread of its own ([`Reloader`]): a slow disk,
//! a huge file or a path that became a FIFO never holds up the keyboard.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::data::LoadError;
use crate::load::{DataSource, Loaded, load};

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

/// Reloads the dataset file off the UI thread; the latest request wins.
pub struct Reloader {
    path: PathBuf,
    max_bytes: u64,
    running: Option<Receiver<Result<Loaded, LoadError>>>,
    /// The file changed again while a reload ran: that answer is stale.
    again: bool,
}

impl Reloader {
    pub fn new(path: &Path, max_bytes: u64) -> Reloader {
        Reloader {
            path: path.to_path_buf(),
            max_bytes,
            running: None,
            again: false,
        }
    }

    /// Asks for a reload: now, or when the one running ends.
    pub fn request(&mut self) {
        if self.running.is_some() {
            self.again = true;
        } else {
            self.start();
        }
    }

    fn start(&mut self) {
        let (tx, rx) = channel();
        let (path, max_bytes) = (self.path.clone(), self.max_bytes);
        let spawned = std::thread::Builder::new()
            .name("reload".into())
            .spawn(move || {
                let _ = tx.send(load(&DataSource::File(path), max_bytes));
            });
        // Without a thread there is no reload; the data on screen stays.
        self.running = spawned.is_ok().then_some(rx);
    }

    /// Whether a reload is running (the event loop then wakes sooner).
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// The answer of a finished reload, if one came and is not stale.
    pub fn poll(&mut self) -> Option<Result<Loaded, LoadError>> {
        let answer = match self.running.as_ref()?.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                return None;
            }
        };
        self.running = None;
        if std::mem::take(&mut self.again) {
            self.start();
            return None;
        }
        Some(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(r: &mut Reloader) -> Result<Loaded, LoadError> {
        // The reload thread always answers; wait for it without a timer.
        loop {
            if let Some(a) = r.poll() {
                return a;
            }
            assert!(r.busy(), "a reload was asked for");
            std::thread::yield_now();
        }
    }

    #[test]
    fn a_reload_answers_off_thread_and_a_fifo_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("d.ron");
        std::fs::write(&path, crate::data::BUILTIN).expect("write");
        let mut r = Reloader::new(&path, u64::MAX);
        assert!(r.poll().is_none() && !r.busy());
        r.request();
        assert!(answer(&mut r).is_ok());
        #[cfg(unix)]
        {
            std::fs::remove_file(&path).expect("remove");
            let made = std::process::Command::new("mkfifo").arg(&path).status();
            if made.is_ok_and(|s| s.success()) {
                r.request();
                let e = answer(&mut r).expect_err("a FIFO is no dataset");
                assert!(
                    e.to_string().contains("is a FIFO, not a regular file"),
                    "{e}"
                );
            }
        }
    }
}
