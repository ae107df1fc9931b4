//! Files that are not documents at all: not UTF-8, empty, nested beyond
//! reason, too large, missing or unreadable.

use super::*;
use crate::support::{fixture, temp_dir};
use std::path::Path;
use vision_tui::document::load::MAX_DOCUMENT_BYTES;

#[test]
fn invalid_utf8() {
    let bytes = std::fs::read(fixture("bad/invalid-utf8.ron")).unwrap();
    assert!(bytes.contains(&0xE5), "the fixture must hold a Latin-1 å");
    let (file, err) = load_bad("bad/invalid-utf8.ron");
    assert!(matches!(err, LoadError::Syntax(_)), "{err:?}");
    let d = &err.diagnostics()[0];
    check(
        &file,
        d,
        &Expected {
            line: 4,
            column: 22,
            message: "the file is not UTF-8 text (byte 0xE5 at offset 132)",
            hint: "save the file as UTF-8; most editors offer it under \"Save with encoding\"",
            path: None,
        },
    );
    // The line is quoted with the bad byte replaced, not dropped.
    assert_eq!(d.source_line, "    organisation: \"Sm\u{FFFD}stad\",");
}

#[test]
fn empty_file() {
    let (file, err) = load_bad("bad/empty.ron");
    assert!(
        matches!(&err, LoadError::Empty { path } if *path == file),
        "{err:?}"
    );
    assert!(err.diagnostics().is_empty());
    assert_eq!(
        err.to_string(),
        format!(
            "error: `{file}` is empty\n = hint: a document is one `Document( ... )`; run `vision-tui` with no path to see the built-in example, or read docs/document-format.md"
        )
    );
}

#[test]
fn file_of_only_comments_is_empty() {
    let (file, err) = load_bad("bad/comment-only.ron");
    assert!(
        matches!(&err, LoadError::Empty { path } if *path == file),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("error: `{file}` is empty\n = hint: "))
    );
}

#[test]
fn whitespace_only_and_bom_only_are_empty() {
    for bytes in [&b" \n\t\r\n"[..], b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\n// c\n"] {
        let err = load::parse("w.ron", bytes).unwrap_err();
        assert!(matches!(err, LoadError::Empty { .. }), "{bytes:?}: {err:?}");
    }
}

#[test]
fn deeply_nested_brackets_fail_cleanly() {
    let dir = temp_dir("deep");

    // 10 000 brackets where the document should start...
    let path = dir.join("deep.ron");
    std::fs::write(&path, "[".repeat(10_000)).unwrap();
    let err = load::from_path(&path).unwrap_err();
    let d = &err.diagnostics()[0];
    assert!(matches!(err, LoadError::Syntax(_)), "{err:?}");
    assert_eq!((d.line, d.column), (1, 1), "{err}");
    assert_eq!(d.message, "expected opening `(` for struct `Document`");
    let text = err.to_string();
    assert!(
        text.contains(&format!("{}:1:1\n", path.display())),
        "{text}"
    );

    // ...and inside a field, closed again.
    let source = format!(
        "Document(language: \"en\", organisation: \"o\", title: \"t\", statement: \"s\", notes: {}{})",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = load::parse("deep.ron", source.as_bytes()).unwrap_err();
    let d = &err.diagnostics()[0];
    assert_eq!(
        (d.line, d.column, d.message.as_str()),
        (1, 80, "expected string")
    );
    assert_eq!(d.path.as_deref(), Some("notes"));
    // The line is 20 000 characters long; the message quotes a window of it.
    let text = err.to_string();
    assert!(text.contains("deep.ron:1:80"), "{text}");
    assert!(text.len() < 1_000, "{text}");
}

#[test]
fn file_over_the_size_limit_is_refused() {
    let dir = temp_dir("large");

    let limit = usize::try_from(MAX_DOCUMENT_BYTES).unwrap();
    assert_eq!(limit, 16 * 1024 * 1024);

    // One byte over: refused without parsing.
    let path = dir.join("large.ron");
    let minimal = std::fs::read(fixture("good/minimal.ron")).unwrap();
    let mut bytes = minimal.clone();
    bytes.resize(limit + 1, b' ');
    std::fs::write(&path, &bytes).unwrap();
    let err = load::from_path(&path).unwrap_err();
    let file = path.display().to_string();
    assert!(
        matches!(&err, LoadError::TooLarge { path, size, exact: true } if *path == file && *size == MAX_DOCUMENT_BYTES + 1),
        "{err:?}"
    );
    assert!(err.diagnostics().is_empty());
    assert_eq!(
        err.to_string(),
        format!(
            "error: `{file}` is too large (16777217 bytes; documents may be up to 16777216 bytes)\n = hint: check that this is the vision document you meant to open"
        )
    );

    // Much larger: the size reported is the file's, but only the limit is read.
    let file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.set_len(3 * MAX_DOCUMENT_BYTES).unwrap();
    drop(file);
    let err = load::from_path(&path).unwrap_err();
    assert!(
        matches!(err, LoadError::TooLarge { size, exact: true, .. } if size == 3 * MAX_DOCUMENT_BYTES),
        "{err:?}"
    );

    // Exactly at the limit: loads (the padding is whitespace).
    bytes.truncate(limit);
    std::fs::write(&path, &bytes).unwrap();
    let doc = load::from_path(&path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(doc, load_good("good/minimal.ron"));
}

#[cfg(unix)]
#[test]
fn endless_devices_over_the_size_limit_report_what_was_read() {
    // They have no size ("0 bytes" was reported): all that is known is that
    // they gave more than the limit before reading stopped.
    for device in ["/dev/zero", "/dev/urandom"] {
        let err = load::from_path(Path::new(device)).unwrap_err();
        assert!(
            matches!(&err, LoadError::TooLarge { size, exact: false, .. } if *size == MAX_DOCUMENT_BYTES),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "error: `{device}` is too large (more than 16777216 bytes read; documents may be up to 16777216 bytes)\n = hint: check that this is the vision document you meant to open"
            )
        );
    }
}

#[test]
fn missing_file() {
    let path = fixture("bad/no-such-file.ron");
    let err = load::from_path(&path).unwrap_err();
    let file = path.display().to_string();
    let LoadError::Read {
        path: named,
        source,
        hint,
    } = &err
    else {
        panic!("expected a read error, got {err:?}");
    };
    assert_eq!(*named, file);
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    assert_eq!(
        *hint,
        "check the path; run `vision-tui` with no path to open the built-in Vision 2040"
    );
    assert!(err.diagnostics().is_empty());
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("error: cannot read `{file}`: ")),
        "{text}"
    );
    assert!(text.contains("No such file or directory"), "{text}");
    assert!(text.ends_with(&format!("\n = hint: {hint}")), "{text}");
}

#[test]
fn directory_instead_of_a_file() {
    let path = fixture("bad");
    let err = load::from_path(&path).unwrap_err();
    let file = path.display().to_string();
    let LoadError::Read {
        path: named, hint, ..
    } = &err
    else {
        panic!("expected a read error, got {err:?}");
    };
    assert_eq!(*named, file);
    assert_eq!(*hint, "check that the path names a readable file");
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("error: cannot read `{file}`: ")),
        "{text}"
    );
    assert!(text.contains("directory"), "{text}");
    assert!(
        text.ends_with("\n = hint: check that the path names a readable file"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;

    let dir = temp_dir("unreadable");
    let path = dir.join("secret.ron");
    std::fs::copy(fixture("good/minimal.ron"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();

    if std::fs::File::open(&path).is_ok() {
        // Running as root (as in many CI containers): permissions do not stop
        // reading, so there is no error to check. `directory_instead_of_a_file`
        // still covers a path that cannot be read.
        assert!(load::from_path(&path).is_ok());
        return;
    }
    let err = load::from_path(&path).unwrap_err();
    let file = path.display().to_string();
    let LoadError::Read { source, hint, .. } = &err else {
        panic!("expected a read error, got {err:?}");
    };
    assert_eq!(source.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(*hint, "check the file's permissions (`ls -l`)");
    assert_eq!(
        err.to_string(),
        format!(
            "error: cannot read `{file}`: {source}\n = hint: check the file's permissions (`ls -l`)"
        )
    );
}
