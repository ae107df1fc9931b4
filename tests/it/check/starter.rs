//! `init`: a valid, commented starter, and never an overwritten file.

use super::*;
use vision_tui::commands::init::{InitError, STARTER};

#[test]
fn init_writes_a_valid_starter_and_never_overwrites() {
    let dir = temp_dir("init");
    let path = dir.join("vision.ron");
    init::init(&path).expect("init");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), STARTER);
    let doc = load::from_path(&path).unwrap_or_else(|err| panic!("{err}"));
    assert!(doc.organisation.starts_with("Northfield"));
    let report = human(std::slice::from_ref(&path));
    assert_eq!(report.stderr, "checked 1 document: all valid\n");
    assert_eq!(report.exit_code, 0);

    // The author's own work is never overwritten, not even by the starter itself.
    let own = "// my own vision, half written\n";
    std::fs::write(&path, own).unwrap();
    let err = init::init(&path).expect_err("second init");
    let InitError::Exists(named) = &err else {
        panic!("expected Exists, got {err:?}");
    };
    assert_eq!(*named, path.display().to_string());
    assert_eq!(
        err.to_string(),
        format!(
            "`{}` already exists; init never overwrites a file (choose another name or remove it)",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), own);

    // A folder is in the way too.
    assert!(matches!(init::init(&dir), Err(InitError::Exists(_))));
}

#[test]
fn init_into_a_missing_folder_is_a_write_error() {
    let dir = temp_dir("init-missing");
    let path = dir.join("no-such-folder").join("vision.ron");
    let err = init::init(&path).expect_err("init into a missing folder");
    let InitError::Write {
        path: named,
        source,
    } = &err
    else {
        panic!("expected Write, got {err:?}");
    };
    assert_eq!(*named, path.display().to_string());
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
    assert!(
        err.to_string()
            .starts_with(&format!("cannot write `{}`: ", path.display())),
        "{err}"
    );
    assert!(!path.exists());
}

#[test]
fn starter_is_an_invented_example_that_shows_every_field() {
    assert_ne!(STARTER, load::BUILTIN_SOURCE);
    assert!(
        !STARTER.contains("Alingsås"),
        "the starter is not Vision 2040"
    );
    assert!(!STARTER.to_lowercase().contains("alingsas"));
    // Commented for a new author.
    let comments = STARTER
        .lines()
        .filter(|line| line.trim_start().starts_with("//"))
        .count();
    assert!(comments >= 30, "only {comments} comment lines");

    let doc = load::parse("starter.ron", STARTER.as_bytes()).unwrap_or_else(|err| panic!("{err}"));
    assert!(doc.organisation.contains("example"), "{}", doc.organisation);
    let adoption = doc.adoption.as_ref().expect("adoption");
    assert!(adoption.by.is_some() && adoption.date.is_some());
    assert!(doc.revised.as_ref().is_some_and(|r| r.date.is_some()));
    assert!(doc.background.iter().any(|s| s.heading.is_some()));
    assert!(doc.background.iter().any(|s| s.heading.is_none()));
    assert!(doc.focus_areas_intro.is_some() && doc.goals_intro.is_some());
    assert!(doc.plan_period.is_some() && doc.notes.is_some());

    assert!((3..=4).contains(&doc.focus_areas.len()));
    assert!(doc.focus_areas.iter().all(|a| a.description.is_some()));
    assert!(doc.focus_areas.iter().any(|a| a.notes.is_some()));
    assert!(doc.focus_areas.iter().any(|a| !a.links.is_empty()));
    assert!(
        doc.focus_areas
            .iter()
            .all(|area| doc.goals_of(&area.id).count() > 0),
        "every focus area has a goal"
    );

    assert!((5..=7).contains(&doc.goals.len()));
    let numbers: Vec<u32> = doc.goals.iter().map(|g| g.number).collect();
    assert_eq!(numbers, (1..=doc.goals.len() as u32).collect::<Vec<_>>());
    assert_eq!(
        doc.goals.iter().filter(|g| g.plan_period.is_some()).count(),
        1
    );
    assert!(doc.goals.iter().any(|g| g.description.is_some()));
    assert!(doc.goals.iter().any(|g| g.notes.is_some()));
    assert!(doc.goals.iter().any(|g| !g.links.is_empty()));

    assert!(
        doc.references
            .iter()
            .any(|r| r.url.is_some() && r.title.is_some())
    );
}
