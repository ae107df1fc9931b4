//! Watcher tests: each waits for a condition (an event, a wake-up), never a
//! fixed time, and fails when the watcher misses or misreads a change.

use std::sync::mpsc::{Receiver, channel};

use super::*;

/// Long enough for any loaded machine; a working watcher answers in well under a second.
const PATIENCE: Duration = Duration::from_secs(20);

/// A fresh directory for documents, removed on drop.
struct Folder(tempfile::TempDir);

impl Folder {
    fn new(test: &str) -> Self {
        let dir = tempfile::Builder::new()
            .prefix(&format!("vision-tui-watch-{test}-"))
            .tempdir()
            .unwrap();
        Self(dir)
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    /// A copy of the built-in document titled `title`, as `name`.
    fn document(&self, name: &str, title: &str) -> PathBuf {
        let path = self.path().join(name);
        std::fs::write(&path, titled(title)).unwrap();
        path
    }
}

fn titled(title: &str) -> String {
    crate::document::load::BUILTIN_SOURCE.replace("Vision 2040", title)
}

/// A watcher whose wake-ups arrive on the returned channel.
fn watch(path: &Path) -> (DocumentWatcher, Receiver<()>) {
    let (woke, wakes) = channel();
    let watcher = DocumentWatcher::new(path, move || {
        let _ = woke.send(());
    })
    .expect("a regular file is watched");
    (watcher, wakes)
}

/// Waits for the next wake-up and returns the reload it announced.
fn next(watcher: &DocumentWatcher, wakes: &Receiver<()>) -> Reload {
    wakes
        .recv_timeout(PATIENCE)
        .expect("a reload within patience");
    watcher
        .next_reload()
        .expect("a wake-up comes with a reload")
}

fn title(reload: Reload) -> String {
    reload.expect("a valid document").title.clone()
}

#[test]
fn reading_the_file_is_not_a_change_and_writing_it_is() {
    let folder = Folder::new("access");
    let path = folder.document("v.ron", "Vision 2040");
    let chain = link_chain(&path);
    let (tx, events) = channel();
    let mut raw = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .unwrap();
    raw.watch(folder.path(), RecursiveMode::NonRecursive)
        .unwrap();
    // Read it (as a reload does) and collect what notify reports, up to the
    // access to the file (notify 8.2 asks inotify for opens, not for closes
    // after reading: the open is the one event a read causes).
    let _ = std::fs::read(&path).unwrap();
    let mut seen = Vec::new();
    loop {
        let event = events
            .recv_timeout(PATIENCE)
            .expect("notify reports the read");
        let accessed = matches!(
            &event,
            Ok(e) if matches!(e.kind, notify::EventKind::Access(_)) && e.paths.contains(&chain[0])
        );
        seen.push(event);
        if accessed {
            break;
        }
    }
    for event in &seen {
        assert!(
            !is_change(event, &chain),
            "a read taken for a change: {event:?}"
        );
    }
    // A write, in place, is one.
    std::fs::write(&path, titled("Vision 2041")).unwrap();
    loop {
        let event = events
            .recv_timeout(PATIENCE)
            .expect("notify reports the write");
        if is_change(&event, &chain) {
            break;
        }
    }
    // Events about other files in the directory are not.
    let other = notify::Event::new(notify::EventKind::Create(notify::event::CreateKind::File))
        .add_path(folder.path().join("other.ron"));
    assert!(!is_change(&Ok(other), &chain));
}

#[test]
fn every_save_is_read_on_the_reload_thread_and_delivered() {
    let folder = Folder::new("deliver");
    let path = folder.document("v.ron", "Vision 2040");
    let (watcher, wakes) = watch(&path);
    assert!(watcher.next_reload().is_none(), "nothing is read at start");
    std::fs::write(&path, titled("Vision 2041")).unwrap();
    assert_eq!(title(next(&watcher, &wakes)), "Vision 2041");
    // An invalid save: one line with the position, for the banner.
    std::fs::write(&path, "Document(title: 5)").unwrap();
    let error = next(&watcher, &wakes).expect_err("invalid");
    assert!(
        error.starts_with(&format!("{}:1:", path.display())),
        "{error}"
    );
    // Renamed over the original, as vim and VS Code save.
    let temp = folder.document("v.ron.swp", "Vision 2042");
    std::fs::rename(&temp, &path).unwrap();
    assert_eq!(title(next(&watcher, &wakes)), "Vision 2042");
}

#[test]
fn a_document_opened_through_a_link_reloads_when_its_target_changes() {
    let folder = Folder::new("link-target");
    std::fs::create_dir(folder.path().join("elsewhere")).unwrap();
    let target = folder.document("elsewhere/real.ron", "Vision 2040");
    let link = folder.path().join("v.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (watcher, wakes) = watch(&link);
    // Saved in place, and by an editor that renames a new file over it.
    std::fs::write(&target, titled("Vision 2041")).unwrap();
    assert_eq!(title(next(&watcher, &wakes)), "Vision 2041");
    let temp = folder.document("elsewhere/real.ron.swp", "Vision 2042");
    std::fs::rename(&temp, &target).unwrap();
    assert_eq!(title(next(&watcher, &wakes)), "Vision 2042");
}

#[test]
fn a_document_opened_through_a_link_reloads_when_the_link_is_repointed() {
    let folder = Folder::new("link-repointed");
    std::fs::create_dir(folder.path().join("a")).unwrap();
    std::fs::create_dir(folder.path().join("b")).unwrap();
    folder.document("a/vision.ron", "Vision 2040");
    let second = folder.document("b/vision.ron", "Vision 2050");
    // A relative link, as `ln -s a/vision.ron v.ron` makes.
    let link = folder.path().join("v.ron");
    std::os::unix::fs::symlink("a/vision.ron", &link).unwrap();
    let (watcher, wakes) = watch(&link);
    // Re-pointed as `ln -sfn` does: a new link renamed over the old one.
    let new_link = folder.path().join("v.ron.new");
    std::os::unix::fs::symlink(&second, &new_link).unwrap();
    std::fs::rename(&new_link, &link).unwrap();
    assert_eq!(title(next(&watcher, &wakes)), "Vision 2050");
    // From now on the new target's directory is watched too.
    std::fs::write(&second, titled("Vision 2051")).unwrap();
    assert_eq!(title(next(&watcher, &wakes)), "Vision 2051");
}

#[test]
fn only_regular_files_are_watched_and_nothing_is_opened_to_find_out() {
    let folder = Folder::new("fifo");
    let fifo = folder.path().join("v.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Opening a FIFO with no writer blocks: on a thread, so a watcher that
    // opens it fails this test instead of hanging it.
    let (tx, result) = channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(DocumentWatcher::new(&path, || {}).map(drop));
    });
    let refused = result.recv_timeout(PATIENCE).expect("a FIFO is not opened");
    assert!(
        matches!(refused, Err(WatchError::NotAFile(_))),
        "{refused:?}"
    );
    let directory = DocumentWatcher::new(folder.path(), || {});
    assert!(matches!(directory, Err(WatchError::NotAFile(_))));
}

#[test]
fn the_banner_line_holds_no_control_characters() {
    let err = load::parse("v\u{1b}]0;x\u{7}.ron", b"Document(nmae: 1)").unwrap_err();
    let line = summary(&err);
    assert!(line.starts_with("v]0;x.ron:1:10: "), "{line:?}");
    assert!(!line.chars().any(char::is_control), "{line:?}");
}
