//! Live reload: watches the document's file and re-reads it when it changes.
//!
//! Editors save in different ways: writing in place, writing a temporary file
//! and renaming it over the original, or deleting and re-creating it. A watch
//! on the file itself is lost after the first rename, so the watch is on the
//! parent directory, filtered by file name. Every change re-reads the file and
//! compares a hash, so duplicate events cost nothing.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

use crate::load;
use crate::model::Document;

/// How long the file must be quiet before it is read: an editor's save is
/// several events (truncate, write, rename) in quick succession.
const SETTLE: Duration = Duration::from_millis(60);

/// Watches one document file.
pub struct DocumentWatcher {
    path: PathBuf,
    /// The path as the user gave it, for messages.
    shown: String,
    events: Receiver<()>,
    last_hash: Option<u64>,
    // Dropping the watcher stops the watch.
    _watcher: notify::RecommendedWatcher,
}

impl std::fmt::Debug for DocumentWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentWatcher")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl DocumentWatcher {
    /// Starts watching `path` (its directory, filtered by its name).
    pub fn new(path: &Path) -> notify::Result<Self> {
        let shown = path.display().to_string();
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = path.file_name().map(|n| n.to_os_string());
        let (tx, events) = channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                // Any event naming the file (or an error: rescan to be safe).
                // Reading the file (ours included) is reported as access events:
                // reacting to those would re-read it forever. Only a close after
                // writing, and creates, changes and removals, mean new content.
                let relevant = match &event {
                    Ok(event) => {
                        use notify::event::{AccessKind, AccessMode};
                        let content = match event.kind {
                            notify::EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
                            notify::EventKind::Access(_) => false,
                            _ => true,
                        };
                        content
                            && event
                                .paths
                                .iter()
                                .any(|p| p.file_name().map(|n| n.to_os_string()) == name)
                    }
                    Err(_) => true,
                };
                if relevant {
                    let _ = tx.send(());
                }
            })?;
        watcher.watch(&dir, RecursiveMode::NonRecursive)?;
        let last_hash = std::fs::read(&path).ok().map(|bytes| hash(&bytes));
        Ok(Self {
            path,
            shown,
            events,
            last_hash,
            _watcher: watcher,
        })
    }

    /// If the file changed since the last call, reads it again: `Some(Ok)`
    /// with the new document, `Some(Err)` with a one-line reason, `None` when
    /// nothing changed. Never blocks for long.
    pub fn poll(&mut self) -> Option<Result<Document, String>> {
        self.events.try_recv().ok()?;
        // Let a burst of events settle, then read once.
        while self.events.recv_timeout(SETTLE).is_ok() {}
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            // Deleted (perhaps to be re-created): keep what is shown, and say so.
            Err(err) => {
                self.last_hash = None;
                return Some(Err(format!("cannot read {}: {err}", self.shown)));
            }
        };
        let digest = hash(&bytes);
        if self.last_hash == Some(digest) {
            return None;
        }
        self.last_hash = Some(digest);
        Some(load::parse(&self.shown, &bytes).map_err(|err| summary(&err)))
    }
}

/// One line for the banner: `file:line:col: message` (and how many more),
/// without the control characters a file name or message may quote.
pub fn summary(err: &load::LoadError) -> String {
    let line = match err.diagnostics() {
        [] => err
            .to_string()
            .lines()
            .next()
            .unwrap_or("")
            .trim_start_matches("error: ")
            .to_string(),
        [first, rest @ ..] => {
            let more = if rest.is_empty() {
                String::new()
            } else {
                format!(" (+{} more)", rest.len())
            };
            format!(
                "{}:{}:{}: {}{more}",
                first.file, first.line, first.column, first.message
            )
        }
    };
    load::printable(&line).into_owned()
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banner_line_holds_no_control_characters() {
        let err = load::parse("v\u{1b}]0;x\u{7}.ron", b"Document(nmae: 1)").unwrap_err();
        let line = summary(&err);
        assert!(line.starts_with("v]0;x.ron:1:10: "), "{line:?}");
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }

    #[test]
    fn an_idle_watcher_reads_nothing() {
        let dir = std::env::temp_dir().join(format!("vision-tui-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("v.ron");
        std::fs::write(&path, crate::load::BUILTIN_SOURCE).unwrap();
        let mut watcher = DocumentWatcher::new(&path).unwrap();
        // Reading the file ourselves (as a reload does) must not look like a change.
        for _ in 0..5 {
            let _ = std::fs::read(&path).unwrap();
            std::thread::sleep(Duration::from_millis(40));
            assert!(
                watcher.events.try_recv().is_err(),
                "a read was taken for a change"
            );
        }
        std::fs::write(
            &path,
            crate::load::BUILTIN_SOURCE.replace("Vision 2040", "Vision 2041"),
        )
        .unwrap();
        std::thread::sleep(Duration::from_millis(200));
        let reloaded = watcher.poll().expect("a write is a change").expect("valid");
        assert_eq!(reloaded.title, "Vision 2041");
        let _ = std::fs::remove_dir_all(dir);
    }
}
