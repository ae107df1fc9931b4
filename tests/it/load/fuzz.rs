//! Any input, however broken, parses or fails with a renderable error.

use super::*;
use proptest::prelude::*;

/// Characters that matter to RON's grammar and to the cleaner, plus any char.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            '(', ')', '[', ']', '{', '}', ',', ':', '"', '\'', '\\', '/', '*', '#', 'r', 'u', 'x', '0', '9', '-',
            '\n', ' ', '\t', '\u{1b}', '\u{0}', '\u{7f}', '\u{9b}', '\u{202E}', '\u{2066}', '\u{FEFF}', 'å', '\u{30A}',
        ]),
        1 => any::<char>(),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Insert(usize, char),
    Replace(usize, char),
    /// Inserts text that RON reads as a control character or escape.
    InsertEscape(usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = any::<prop::sample::Index>();
    prop_oneof![
        at.clone().prop_map(|i| Edit::Delete(i.index(usize::MAX))),
        (at.clone(), interesting_char()).prop_map(|(i, c)| Edit::Insert(i.index(usize::MAX), c)),
        (at.clone(), interesting_char()).prop_map(|(i, c)| Edit::Replace(i.index(usize::MAX), c)),
        (
            at,
            prop::sample::select(vec![
                "\\u{1b}",
                "\\u{0}",
                "\\x07",
                "\\t",
                "\\n",
                "\\u{202e}",
                "\\u{9b}",
                "\\r"
            ])
        )
            .prop_map(|(i, s)| Edit::InsertEscape(i.index(usize::MAX), s)),
    ]
}

fn apply(source: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for edit in edits {
        let n = chars.len();
        match *edit {
            Edit::Delete(i) if n > 0 => {
                chars.remove(i % n);
            }
            Edit::Delete(_) => {}
            Edit::Insert(i, c) => chars.insert(i % (n + 1), c),
            Edit::Replace(i, c) if n > 0 => chars[i % n] = c,
            Edit::Replace(..) => {}
            Edit::InsertEscape(i, s) => {
                let at = i % (n + 1);
                chars.splice(at..at, s.chars());
            }
        }
    }
    chars.into_iter().collect()
}

/// Parsing either succeeds with clean text or fails with a renderable error.
fn parse_is_total(bytes: &[u8]) {
    parse_as_is_total("fuzz.ron", bytes);
}

fn parse_as_is_total(name: &str, bytes: &[u8]) {
    match load::parse(name, bytes) {
        Ok(doc) => assert_clean(doc),
        Err(err) => {
            let text = err.to_string();
            assert!(text.starts_with("error: "), "{text}");
            for d in err.diagnostics() {
                assert!(d.line >= 1 && d.column >= 1 && d.len >= 1, "{d:?}");
                assert!(
                    text.contains(&format!("{name}:{}:{}", d.line, d.column)),
                    "{text}"
                );
            }
        }
    }
}

/// The built-in document as `export --format json` writes it.
fn builtin_json() -> String {
    use vision_tui::commands::export::{self, Format, Options};
    export::render(
        &load::builtin(),
        Format::Json,
        &Options {
            notes: true,
            lang: None,
        },
    )
}

proptest! {
    // 256 cases each by default; set PROPTEST_CASES for a longer run.

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        parse_is_total(&bytes);
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_prefix_never_panic(
        cut in any::<prop::sample::Index>(),
        bytes in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let source = load::BUILTIN_SOURCE.as_bytes();
        let mut input = source[..cut.index(source.len())].to_vec();
        input.extend_from_slice(&bytes);
        parse_is_total(&input);
    }

    #[test]
    fn mutated_built_in_document_never_panics(edits in prop::collection::vec(edit(), 1..8)) {
        let source = apply(load::BUILTIN_SOURCE, &edits);
        parse_is_total(source.as_bytes());
    }

    #[test]
    fn mutated_json_document_never_panics(edits in prop::collection::vec(edit(), 1..8)) {
        let source = apply(&builtin_json(), &edits);
        parse_as_is_total("fuzz.json", source.as_bytes());
    }
}

#[test]
fn the_built_in_document_is_already_normalised_and_valid() {
    // `builtin()` skips normalising and validating at start-up on the strength of this.
    let checked = load::parse("built-in", load::BUILTIN_SOURCE.as_bytes()).expect("valid");
    assert_eq!(load::builtin(), checked);
}
