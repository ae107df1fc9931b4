//! `export -o FILE`: the write can be turned against no other file (planted
//! symlinks, predictable names), keeps the target's permissions, leaves no
//! temporary file behind when it fails, writes FIFOs and devices in place,
//! and writes through a symlink to a regular file, keeping the link.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::support::temp_dir;
use crate::support::{BIN, run};
use vision_tui::commands::export::file;

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// `vision-tui export -f html -o OUT`: (status, stderr).
pub fn export_html_to(out: &Path) -> (i32, String) {
    let (code, stdout, stderr) = run(&[
        OsStr::new("export"),
        OsStr::new("-f"),
        OsStr::new("html"),
        OsStr::new("-o"),
        out.as_os_str(),
    ]);
    assert_eq!(stdout, "", "nothing on stdout with -o");
    (code, stderr)
}

/// The HTML export as standard output gets it.
fn html() -> String {
    let (code, stdout, stderr) = run(&["export", "-f", "html"]);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn a_symlink_planted_at_the_old_predictable_temporary_name_is_not_followed() {
    let dir = temp_dir("export-planted");
    let victim = dir.join("victim");
    fs::write(&victim, "another user's file").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o600)).unwrap();
    let target = dir.join("handout.html");
    // The name the write used to pick: `.NAME.PID.tmp`, PID being the writer's
    // (this process: the write runs in it).
    let planted = dir.join(format!(".handout.html.{}.tmp", std::process::id()));
    symlink(&victim, &planted).unwrap();

    file::write(&target, b"the export").unwrap();

    assert_eq!(fs::read_to_string(&victim).unwrap(), "another user's file");
    assert_eq!(mode(&victim), 0o600);
    assert_eq!(
        fs::read_link(&planted).unwrap(),
        victim,
        "the link is left alone"
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "the export");
    assert_eq!(names_in(&dir).len(), 3, "{:?}", names_in(&dir));
}

#[test]
fn temporary_names_are_unpredictable_even_within_one_process() {
    use notify::{EventKind, RecursiveMode, Watcher};
    let dir = temp_dir("export-names");
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).unwrap();
    watcher.watch(&dir, RecursiveMode::NonRecursive).unwrap();
    let target = dir.join("handout.html");
    for _ in 0..3 {
        file::write(&target, b"the export").unwrap();
    }
    // Each write creates its temporary file, then renames it over the target.
    let mut created = Vec::new();
    while created.len() < 3 {
        let event = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the watcher reports each temporary file")
            .unwrap();
        if matches!(event.kind, EventKind::Create(_)) {
            for path in event.paths {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if name != "handout.html" {
                    created.push(name);
                }
            }
        }
    }
    let old = format!(".handout.html.{}.tmp", std::process::id());
    assert!(!created.contains(&old), "{created:?}");
    let mut distinct = created.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "three writes, three names: {created:?}");
    for name in &created {
        assert!(
            name.starts_with(".handout.html.") && name.ends_with(".tmp"),
            "recognisably ours: {name}"
        );
    }
    assert_eq!(names_in(&dir), ["handout.html"]);
}

#[test]
fn the_target_keeps_its_permissions_and_a_new_file_gets_the_usual_ones() {
    let dir = temp_dir("export-mode");
    for kept in [0o600, 0o640, 0o664] {
        let out = dir.join(format!("kept-{kept:o}.html"));
        fs::write(&out, "old").unwrap();
        fs::set_permissions(&out, fs::Permissions::from_mode(kept)).unwrap();
        let (code, stderr) = export_html_to(&out);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(mode(&out), kept, "{kept:o}");
        assert!(
            fs::read_to_string(&out)
                .unwrap()
                .starts_with("<!DOCTYPE html>")
        );
    }
    // A new file: what `>` (and File::create) gives under this umask.
    let reference = dir.join("reference");
    fs::File::create(&reference).unwrap();
    let out = dir.join("new.html");
    let (code, stderr) = export_html_to(&out);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(mode(&out), mode(&reference));
}

#[test]
fn a_failed_write_leaves_the_target_as_it_was_and_no_temporary_file() {
    let dir = temp_dir("export-fails");
    let out = dir.join("handout.html");
    fs::write(&out, "the previous handout").unwrap();
    // A file-size limit of 1 KiB makes the write fail half-way (EFBIG), as a
    // full disk does; SIGXFSZ ignored so the write returns the error.
    let result = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2; exec \"$0\" export -f html -o \"$1\"")
        .arg(BIN)
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("cannot write `{}`", out.display())),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "the previous handout");
    assert_eq!(names_in(&dir), ["handout.html"]);
}

#[test]
fn a_fifo_is_written_in_place_not_replaced() {
    let dir = temp_dir("export-fifo");
    let fifo = dir.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let (code, stderr) = export_html_to(&fifo);
    assert_eq!(code, 0, "{stderr}");
    // Checked before joining: had the FIFO been replaced, the reader would
    // still be waiting for a writer.
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
    assert_eq!(reader.join().unwrap(), html());
    assert_eq!(names_in(&dir), ["pipe"]);
}

#[test]
fn a_symlink_to_a_regular_file_is_written_through_and_kept() {
    let dir = temp_dir("export-link");
    fs::create_dir_all(dir.join("shared")).unwrap();
    fs::create_dir_all(dir.join("mine")).unwrap();
    let real = dir.join("shared/handout.html");
    fs::write(&real, "old").unwrap();
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.join("mine/handout.html");
    let relative = PathBuf::from("../shared/handout.html");
    symlink(&relative, &link).unwrap();

    let (code, stderr) = export_html_to(&link);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read_link(&link).unwrap(), relative, "the link is kept");
    assert_eq!(fs::read_to_string(&real).unwrap(), html());
    assert_eq!(mode(&real), 0o640);
    assert_eq!(names_in(&dir.join("shared")), ["handout.html"]);
    assert_eq!(names_in(&dir.join("mine")), ["handout.html"]);
}

#[test]
fn a_dangling_symlink_or_a_directory_is_refused() {
    let dir = temp_dir("export-refused");
    let link = dir.join("handout.html");
    symlink("missing/elsewhere.html", &link).unwrap();
    let (code, stderr) = export_html_to(&link);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("symbolic link to `missing/elsewhere.html`, which does not exist"),
        "{stderr}"
    );
    assert!(!dir.join("missing").exists());
    assert_eq!(names_in(&dir), ["handout.html"]);

    let (code, stderr) = export_html_to(&dir);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("it is a directory"), "{stderr}");
    assert_eq!(names_in(&dir), ["handout.html"]);
}
