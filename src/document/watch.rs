//! Live reload: watches the document's file, and re-reads and parses it on a
//! thread of its own, handing finished reloads to whoever shows the document.
//!
//! Editors save in different ways: writing in place, writing a temporary file
//! and renaming it over the original, or deleting and re-creating it. A watch
//! on the file itself is lost after the first rename, so the watch is on the
//! parent directory, filtered by file name. A document opened through a
//! symbolic link is watched at every step of the link (the link's directory
//! for a re-pointed link, the target's for a saved target). Every change is
//! read and hashed, so duplicate events cost nothing.
//!
//! Nothing here runs on the thread that answers keys: a file that never stops
//! changing delays the next reload, never a key.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher as _};

use crate::document::SharedDocument;
use crate::document::load;

/// How long the file must be quiet before it is read: an editor's save is
/// several events (truncate, write, rename) in quick succession.
const SETTLE: Duration = Duration::from_millis(60);
/// The longest a change waits to be read while the file keeps changing (an
/// autosave, a sync tool): then it is read anyway, so a file that never
/// rests is still shown, and the last save of a burst at most this late.
const MAX_SETTLE: Duration = Duration::from_millis(300);
/// How many symbolic links are followed, as the kernel does (ELOOP beyond).
const MAX_LINKS: usize = 40;

/// A re-read document, or one line saying why it was not replaced.
pub type Reload = Result<Arc<SharedDocument>, String>;

/// Why a file is not watched.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// A FIFO, a device or a directory: it is read once, at start.
    #[error("{0} is not a regular file")]
    NotAFile(String),
    /// The operating system refused the watch (e.g. inotify's limits).
    #[error("cannot watch {path}: {source}")]
    Watch {
        /// The directory.
        path: String,
        /// Why.
        #[source]
        source: notify::Error,
    },
    /// No thread to read the file on.
    #[error("cannot start the reload thread: {0}")]
    Thread(#[source] std::io::Error),
}

/// What the reload thread hears.
enum Message {
    /// Something happened in a watched directory.
    Event(notify::Result<notify::Event>),
    /// The watcher was dropped.
    Stop,
}

/// Watches one document file. Dropping it stops the watch and its thread.
pub struct DocumentWatcher {
    reloads: Receiver<Reload>,
    control: Sender<Message>,
}

impl std::fmt::Debug for DocumentWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentWatcher").finish_non_exhaustive()
    }
}

impl DocumentWatcher {
    /// Starts watching `path`, if it is a regular file (through any links):
    /// a FIFO or a device would block the reader, and is read only once, at
    /// start. Nothing is read now; `wake` is called after each finished
    /// reload is ready for [`DocumentWatcher::next_reload`].
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> Result<Self, WatchError> {
        let shown =
            crate::document::load::printable::printable(&path.display().to_string()).into_owned();
        if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
            return Err(WatchError::NotAFile(shown));
        }
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let (control, events) = channel();
        let forward = control.clone();
        let watcher = notify::recommended_watcher(move |event| {
            let _ = forward.send(Message::Event(event));
        })
        .map_err(|source| WatchError::Watch {
            path: shown.clone(),
            source,
        })?;
        let mut reader = Reader {
            path,
            shown,
            watcher,
            chain: Vec::new(),
            last_hash: None,
        };
        reader.follow_links()?;
        let (deliver, reloads) = channel();
        std::thread::Builder::new()
            .name("reload".into())
            .spawn(move || reader.run(&events, &deliver, &wake))
            .map_err(WatchError::Thread)?;
        Ok(Self { reloads, control })
    }

    /// Waits for the next finished reload; `None` when the watch has stopped.
    pub fn wait_reload(&self) -> Option<Reload> {
        self.reloads.recv().ok()
    }

    /// The next finished reload, if one is waiting. Never blocks.
    pub fn next_reload(&self) -> Option<Reload> {
        self.reloads.try_recv().ok()
    }
}

impl Drop for DocumentWatcher {
    fn drop(&mut self) {
        let _ = self.control.send(Message::Stop);
    }
}

/// The reload thread's state: what is watched, and what was last read.
struct Reader {
    path: PathBuf,
    shown: String,
    watcher: notify::RecommendedWatcher,
    /// The path and every link it leads through, each as its directory
    /// (canonical) joined with its own name: the paths events name.
    chain: Vec<PathBuf>,
    /// The hash of the last content read (none yet: the first change is
    /// always shown, as nothing is read at start).
    last_hash: Option<u64>,
}

impl Reader {
    fn run(&mut self, events: &Receiver<Message>, deliver: &Sender<Reload>, wake: &dyn Fn()) {
        let mut changing = false;
        while self.settle(events, changing) {
            // A re-pointed link changes what is read and where to watch.
            if let Err(err) = self.follow_links() {
                if deliver.send(Err(err.to_string())).is_err() {
                    return;
                }
                wake();
            }
            let Some(reload) = self.read() else { continue };
            // A file read halfway through a save (truncated, not yet
            // written) is invalid: when it changes again within
            // [`MAX_SETTLE`], that next version is awaited instead of the
            // error shown (and read even if it turns out the same).
            changing = match reload {
                Err(_) => match self.changes_within(events, MAX_SETTLE) {
                    Some(changed) => changed,
                    None => return,
                },
                Ok(_) => false,
            };
            if changing {
                self.last_hash = None;
                continue;
            }
            if deliver.send(reload).is_err() {
                return;
            }
            wake();
        }
    }

    /// Whether a change comes within `wait` (`None`: told to stop).
    fn changes_within(&self, events: &Receiver<Message>, wait: Duration) -> Option<bool> {
        let until = Instant::now() + wait;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match events.recv_timeout(left) {
                Ok(Message::Event(event)) if is_change(&event, &self.chain) => return Some(true),
                Ok(Message::Event(_)) => {}
                Err(RecvTimeoutError::Timeout) => return Some(false),
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// Waits for a change (unless one is already known: `changed`), then
    /// until the file is quiet for [`SETTLE`], or [`MAX_SETTLE`] after the
    /// change at most. False when told to stop.
    fn settle(&self, events: &Receiver<Message>, changed: bool) -> bool {
        if !changed {
            loop {
                match events.recv() {
                    Ok(Message::Event(event)) if is_change(&event, &self.chain) => break,
                    Ok(Message::Event(_)) => {}
                    Ok(Message::Stop) | Err(_) => return false,
                }
            }
        }
        let first = Instant::now();
        let mut last = first;
        loop {
            let until = (last + SETTLE).min(first + MAX_SETTLE);
            let wait = until.saturating_duration_since(Instant::now());
            if wait.is_zero() {
                return true;
            }
            match events.recv_timeout(wait) {
                Ok(Message::Event(event)) if is_change(&event, &self.chain) => {
                    last = Instant::now();
                }
                Ok(Message::Event(_)) => {}
                Err(RecvTimeoutError::Timeout) => return true,
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
    }

    /// Watches the directory of the path and of every link on the way to
    /// the file, and no other.
    fn follow_links(&mut self) -> Result<(), WatchError> {
        let chain = link_chain(&self.path);
        if chain == self.chain {
            return Ok(());
        }
        let directories = |chain: &[PathBuf]| {
            let mut dirs: Vec<PathBuf> = Vec::new();
            for dir in chain.iter().filter_map(|p| p.parent()) {
                if !dirs.iter().any(|d| d == dir) {
                    dirs.push(dir.to_path_buf());
                }
            }
            dirs
        };
        let (old, new) = (directories(&self.chain), directories(&chain));
        for dir in old.iter().filter(|d| !new.contains(d)) {
            let _ = self.watcher.unwatch(dir);
        }
        self.chain = chain;
        for dir in new.iter().filter(|d| !old.contains(d)) {
            self.watcher
                .watch(dir, RecursiveMode::NonRecursive)
                .map_err(|source| WatchError::Watch {
                    path: dir.display().to_string(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Reads the file: `None` when it has not changed since the last read.
    fn read(&mut self) -> Option<Reload> {
        // A link re-pointed at a FIFO would block this thread for good.
        let bytes = match std::fs::metadata(&self.path) {
            Ok(meta) if !meta.is_file() => Err(format!("{} is not a regular file", self.shown)),
            _ => load::read(&self.path).map_err(|err| summary(&err)),
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            // Deleted (perhaps to be re-created): keep what is shown, and say so.
            Err(message) => {
                self.last_hash = None;
                return Some(Err(message));
            }
        };
        let digest = hash(&bytes);
        if self.last_hash == Some(digest) {
            return None;
        }
        self.last_hash = Some(digest);
        Some(
            load::parse(&self.shown, &bytes)
                .map(SharedDocument::new)
                .map_err(|err| summary(&err)),
        )
    }
}

/// Whether an event may mean new content at one of `paths`. Reading a file
/// (ours included) is reported as access events: reacting to those would
/// re-read it forever. Only a close after writing, and creates, changes and
/// removals, mean new content; an error may have lost events, so it counts.
fn is_change(event: &notify::Result<notify::Event>, paths: &[PathBuf]) -> bool {
    use notify::event::{AccessKind, AccessMode};
    let Ok(event) = event else { return true };
    let content = match event.kind {
        notify::EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        notify::EventKind::Access(_) => false,
        _ => true,
    };
    content && (event.need_rescan() || event.paths.iter().any(|p| paths.contains(p)))
}

/// `path` and every symbolic link it leads through, each as its canonical
/// directory joined with its own name (how events name them).
fn link_chain(path: &Path) -> Vec<PathBuf> {
    let mut chain: Vec<PathBuf> = Vec::new();
    let mut next = path.to_path_buf();
    while chain.len() < MAX_LINKS {
        let (Some(dir), Some(name)) = (next.parent(), next.file_name()) else {
            break;
        };
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let entry = dir.join(name);
        if chain.contains(&entry) {
            break;
        }
        chain.push(entry.clone());
        match std::fs::read_link(&entry) {
            // A relative target is relative to the link's directory.
            Ok(target) => next = dir.join(target),
            Err(_) => break,
        }
    }
    chain
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
mod tests;
