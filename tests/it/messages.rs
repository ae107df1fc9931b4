//! What the loader prints, seen from outside: the real binary's raw bytes.
//! Nothing quoted from a user's file (document, config, theme) reaches the
//! terminal as a control sequence.

use crate::e2e::Session;
use crate::support::{assert_printable, run_binary, temp_dir};

/// OSC 52: a terminal that honours it puts "hello" on the clipboard.
const OSC52: &str = "\u{1b}]52;c;aGVsbG8=\u{7}";
/// The same, as RON writes it inside a string.
const OSC52_RON: &str = r"\u{1b}]52;c;aGVsbG8=\u{7}";

/// Runs the app in a pty (config and theme errors come before the terminal
/// is set up, and only when there is one): exit status and every byte written.
fn run_in_pty(args: &[&str]) -> (u32, Vec<u8>) {
    let mut session = Session::start(args, &[], 80, 24);
    let code = session.wait_exit();
    (code, session.raw())
}

#[test]
fn a_document_error_prints_no_control_characters() {
    let dir = temp_dir("printable-document");
    // The name, the line and the field are all the user's.
    let path = dir.join(format!("vision{OSC52}\u{202e}.ron"));
    std::fs::write(
        &path,
        format!("Document(language: \"en\", nmae: \"x{OSC52}\", title: \"\u{9b}2J\")"),
    )
    .unwrap();
    for args in [vec!["check"], vec![]] {
        let mut args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        args.push(path.as_os_str());
        let out = run_binary(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_printable(&out.stderr, false, &format!("stderr of {args:?}"));
        assert_printable(&out.stdout, false, &format!("stdout of {args:?}"));
        let printed = String::from_utf8_lossy(&out.stderr) + String::from_utf8_lossy(&out.stdout);
        assert!(
            printed.contains("vision]52;c;aGVsbG8=.ron:1:26"),
            "{printed}"
        );
        assert!(printed.contains("`nmae`"), "{printed}");
    }
    let out = run_binary(&[
        std::ffi::OsStr::new("check"),
        std::ffi::OsStr::new("--format"),
        std::ffi::OsStr::new("json"),
        path.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_printable(&out.stdout, false, "check --format json");
    // Escaped, not dropped: the JSON still names the file exactly.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"][0]["file"], path.display().to_string());
}

#[test]
fn a_config_error_prints_no_control_characters() {
    let dir = temp_dir("printable-config");
    let config = dir.join("config.ron");

    // A value read as a key, echoed by "unknown key".
    std::fs::write(&config, format!("(keys: (quit: [\"{OSC52_RON}\"]))")).unwrap();
    let (code, raw) = run_in_pty(&["--config", config.to_str().unwrap()]);
    assert_eq!(code, 78, "{}", String::from_utf8_lossy(&raw));
    assert_printable(&raw, true, "unknown key");
    assert!(String::from_utf8_lossy(&raw).contains("unknown key"));

    // A theme name that is neither built in nor a path (a config error: 78).
    std::fs::write(&config, format!("(theme: \"{OSC52_RON}\")")).unwrap();
    let (code, raw) = run_in_pty(&["--config", config.to_str().unwrap()]);
    assert_eq!(code, 78, "{}", String::from_utf8_lossy(&raw));
    assert_printable(&raw, true, "unknown theme");
    assert!(String::from_utf8_lossy(&raw).contains("no theme named `]52;c;aGVsbG8=`"));
}

#[test]
fn a_theme_error_prints_no_control_characters() {
    let dir = temp_dir("printable-theme");
    let theme = dir.join(format!("mine{OSC52}.ron"));
    std::fs::write(&theme, format!("(title: (fg: \"{OSC52_RON}\"))")).unwrap();
    let (code, raw) = run_in_pty(&["--theme", theme.to_str().unwrap()]);
    assert_eq!(code, 64, "{}", String::from_utf8_lossy(&raw));
    assert_printable(&raw, true, "bad colour");
    assert!(String::from_utf8_lossy(&raw).contains("unknown colour `]52;c;aGVsbG8=`"));
}

/// Everything the binary printed for `args`, both streams.
fn printed(args: &[&std::ffi::OsStr]) -> (Option<i32>, Vec<u8>) {
    let out = run_binary(args);
    let mut bytes = out.stderr;
    bytes.extend_from_slice(&out.stdout);
    (out.status.code(), bytes)
}

#[test]
fn an_error_on_a_15_mb_line_prints_a_window_of_it() {
    let dir = temp_dir("long-line");
    let long = "x".repeat(15 * 1024 * 1024);
    let start = r#"Document(language: "en", organisation: "o", title: "t", statement: "s""#;
    for (name, source, needle) in [
        // A syntax error at the end of the line, after 15 MB of text.
        (
            "end.ron",
            format!(
                r#"Document(language: "en", organisation: "o", title: "t", statement: "{long}", nmae: 1)"#
            ),
            "nmae",
        ),
        // A field name 15 MB long: the message quotes it.
        ("name.ron", format!("Document({long}: 1)"), "xxxxxxxxxx"),
        // A validation error whose message and line quote a 15 MB id.
        (
            "id.ron",
            format!(
                r#"{start}, focus_areas: [(id: "a", name: "A")], goals: [(number: 1, focus_area: "{long}", text: "g")])"#
            ),
            "which does not exist",
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, source).unwrap();
        // Browsing prints the same diagnostics as `check`: once is enough for the big ones.
        let commands: &[&[&str]] = if name == "end.ron" {
            &[&["check"], &[], &["check", "--format", "json"]]
        } else {
            &[&["check"], &["check", "--format", "json"]]
        };
        for command in commands {
            let mut args: Vec<&std::ffi::OsStr> =
                command.iter().map(std::ffi::OsStr::new).collect();
            args.push(path.as_os_str());
            let (code, output) = printed(&args);
            let text = String::from_utf8_lossy(&output);
            assert_eq!(code, Some(2), "{name}: {text}");
            assert!(
                output.len() < 4096,
                "{name} {command:?}: {} bytes",
                output.len()
            );
            assert!(
                text.contains(needle) && (text.contains('…') || command.contains(&"json")),
                "{name}: {text}"
            );
        }
    }
}

#[test]
fn a_config_binding_every_action_to_one_key_prints_ten_problems_and_the_count() {
    use vision_tui::app::keymap::Keymap;
    use vision_tui::commands::config;

    // Every list of keys in the complete default config becomes ["x"].
    let text: String = config::default_text()
        .lines()
        .map(|line| match (line.find(": ["), line.rfind(']')) {
            (Some(open), Some(close)) if close > open => {
                format!("{}: [\"x\"]{}\n", &line[..open], &line[close + 1..])
            }
            _ => format!("{line}\n"),
        })
        .collect();
    // What the library finds: many problems, far more than are shown.
    let parsed: config::Config =
        vision_tui::document::load::parse_ron("config.ron", text.as_bytes())
            .unwrap_or_else(|err| panic!("{err}"));
    let source = config::Source {
        path: "config.ron".into(),
        name: "config.ron".to_string(),
        text: text.clone(),
    };
    let total = config::keys::apply(&mut Keymap::default(), &parsed.keys, Some(&source))
        .expect_err("every action on one key")
        .diagnostics()
        .len();
    assert!(total > 100, "{total}");

    let dir = temp_dir("every-action-on-x");
    let path = dir.join("config.ron");
    std::fs::write(&path, &text).unwrap();
    let (code, raw) = run_in_pty(&["--config", path.to_str().unwrap()]);
    let output = String::from_utf8_lossy(&raw);
    assert_eq!(code, 78, "{output}");
    assert_eq!(output.matches("error: ").count(), 10, "{output}");
    assert!(
        output.contains(&format!(
            "\r\n… and {} more\r\n\r\n{total} problems in ",
            total - 10
        )),
        "{output}"
    );
    assert!(raw.len() < 16 * 1024, "{} bytes", raw.len());
}

#[test]
fn names_given_on_the_command_line_are_shown_not_run() {
    let dir = temp_dir("printable-arguments");
    let named = dir.join(format!("vision{OSC52}.ron"));
    std::fs::write(&named, "x").unwrap();
    let below = named.join("x");
    let cases: [Vec<&std::ffi::OsStr>; 3] = [
        // init refuses an existing file, naming it.
        vec!["init".as_ref(), named.as_os_str()],
        // export -o cannot write below a file, naming the path.
        vec![
            "export".as_ref(),
            "-f".as_ref(),
            "text".as_ref(),
            "-o".as_ref(),
            below.as_os_str(),
        ],
        // --open names an id that is not there.
        vec!["--open".as_ref(), OSC52.as_ref(), "--plain".as_ref()],
    ];
    for args in cases {
        let out = run_binary(&args);
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert_printable(&out.stderr, false, &format!("stderr of {args:?}"));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("]52;c;aGVsbG8="),
            "the name is still shown: {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
