//! The command line's shared options: before or after the command, refused
//! where they do not apply, and the language of the plain text and exports.

use crate::support::fixture;
use crate::support::run;
use vision_tui::commands::cli::EXIT_USAGE;

/// Parses a command line in-process, with the binary's own checks.
fn parse(args: &[&str]) -> Result<vision_tui::commands::cli::Cli, clap::Error> {
    use clap::Parser;
    let cli = vision_tui::commands::cli::Cli::try_parse_from(
        std::iter::once("vision-tui").chain(args.iter().copied()),
    )?;
    cli.check_options()?;
    Ok(cli)
}

#[test]
fn shared_options_go_before_or_after_the_command() {
    for (before, after) in [
        (
            &["--theme", "light", "--no-mouse", "present", "x.ron"][..],
            &["present", "x.ron", "--theme", "light", "--no-mouse"][..],
        ),
        (
            &["--config", "c.ron", "check", "x.ron"],
            &["check", "--config", "c.ron", "x.ron"],
        ),
        (
            &["--lang", "en", "--config", "c.ron", "export", "-f", "text"],
            &["export", "-f", "text", "--lang", "en", "--config", "c.ron"],
        ),
    ] {
        let (before, after) = (parse(before).unwrap(), parse(after).unwrap());
        assert_eq!(format!("{before:?}"), format!("{after:?}"));
    }
    let cli = parse(&["--theme", "light", "present"]).unwrap();
    assert!(cli.presents() && cli.document_path().is_none(), "{cli:?}");
    assert_eq!(cli.start_args().theme.as_deref(), Some("light"));

    // Through the binary: `present` is the command, not a file to open.
    for args in [
        &["--theme", "light", "present"][..],
        &["present", "--theme", "light"],
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(
            stdout.starts_with("Alingsås kommun: Vision 2040"),
            "{args:?}"
        );
    }
    let good = fixture("good/minimal.ron");
    let good = good.to_str().unwrap();
    let dir = crate::support::temp_dir("cli-shared-config");
    let config = dir.join("config.ron");
    std::fs::write(&config, "(theme: \"light\")").unwrap();
    let config = config.to_str().unwrap();
    for args in [
        &["--config", config, "check", good][..],
        &["check", good, "--config", config],
    ] {
        let (code, _, stderr) = run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stderr.contains("all valid"), "{args:?}: {stderr}");
    }
    // `check --config` checks the config too.
    let bad_config = std::path::Path::new(config).with_file_name("bad.ron");
    std::fs::write(&bad_config, "(colour: \"16\")").unwrap();
    let (code, stdout, stderr) = run(&["check", good, "--config", bad_config.to_str().unwrap()]);
    assert_eq!(code, 78, "{stderr}");
    assert!(stderr.contains("bad.ron:1:2"), "{stderr}");
    assert_eq!(stdout, "");
    for args in [
        &["--lang", "en", "export", "-f", "json"][..],
        &["export", "--lang", "en", "-f", "json"],
    ] {
        let (code, _, stderr) = run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
    }
}

#[test]
fn an_option_a_command_cannot_use_or_a_path_before_the_command_is_a_clear_error() {
    for (args, says) in [
        (
            &["init", "--theme", "light"][..],
            "`--theme` does not apply to `vision-tui init`",
        ),
        (
            &["--no-watch", "check", "x.ron"],
            "`--no-watch` does not apply to `vision-tui check` (it takes --config)",
        ),
        (
            &["export", "-f", "text", "--plain"],
            "`--plain` does not apply to `vision-tui export` (it takes --config, --lang)",
        ),
        (
            &["man", "--lang", "sv"],
            "`--lang` does not apply to `vision-tui man`",
        ),
        (
            &["vision.ron", "present"],
            "the document path goes after the command: `vision-tui present vision.ron`",
        ),
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, i32::from(EXIT_USAGE), "{args:?}: {stderr}");
        assert_eq!(stdout, "");
        assert!(
            stderr.starts_with(&format!("error: {says}")),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("Usage: vision-tui "), "{stderr}");
    }
}

#[test]
fn plain_text_and_exports_speak_the_document_language_unless_told_otherwise() {
    let swedish = ["Fokusområden\n", "Mål:\n", "Planperiod: 2021–2023"];
    let english = ["Focus areas\n", "Goals:\n", "Plan period: 2021–2023"];
    let dir = crate::support::temp_dir("cli-lang");
    let config = dir.join("config.ron");
    std::fs::write(&config, "(lang: \"en\")").unwrap();
    let config = config.to_str().unwrap();
    for (args, words, other) in [
        (&["--plain"][..], swedish, english),
        (&[], swedish, english),
        (&["--plain", "--lang", "en"], english, swedish),
        (&["--lang", "en", "present"], english, swedish),
        (&["export", "-f", "text"], swedish, english),
        (&["export", "-f", "text", "--lang", "en"], english, swedish),
        (
            &["export", "-f", "markdown", "--lang", "en"],
            english,
            swedish,
        ),
        // The config's language, and --lang over it.
        (&["--config", config], english, swedish),
        (
            &["export", "-f", "text", "--config", config],
            english,
            swedish,
        ),
        (&["--config", config, "--lang", "sv"], swedish, english),
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        for word in words {
            assert!(stdout.contains(word), "{args:?} lacks {word:?}");
        }
        for word in other {
            assert!(!stdout.contains(word), "{args:?} has {word:?}");
        }
    }
    let (_, html, _) = run(&["export", "-f", "html"]);
    assert!(html.contains("<html lang=\"sv\">") && html.contains("<h2>Fokusområden</h2>"));
    let (_, html, _) = run(&["export", "-f", "html", "--lang", "en"]);
    assert!(
        html.contains("<html lang=\"sv\">") && html.contains("<h2 lang=\"en\">Focus areas</h2>")
    );
    assert!(html.contains("<p><span lang=\"en\">Plan period:</span> 2021–2023</p>"));
}
