//! Handouts: every format holds the whole document; HTML is well-formed,
//! accessible and script-free; Markdown and HTML escape document text while
//! plain text keeps it verbatim; JSON reads back into the same document;
//! notes appear only when asked for; plain text fits 80 columns.

use std::path::Path;

use proptest::prelude::*;
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use unicode_width::UnicodeWidthStr;
use vision_tui::commands::export::{self, Format, Options};
use vision_tui::document::load;
use vision_tui::document::model::{Document, Goal, Link};

const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Json, Format::Text];
const WITH_NOTES: Options = Options {
    notes: true,
    lang: None,
};
const WITHOUT_NOTES: Options = Options {
    notes: false,
    lang: None,
};

fn many() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/many.ron");
    load::from_path(&path).unwrap_or_else(|err| panic!("many.ron should load:\n{err}"))
}

/// A document whose texts are full of characters that mean something in
/// Markdown or HTML, and a `javascript:` link.
fn special() -> Document {
    let source = r##"Document(
        language: "en",
        organisation: "Smith & Sons <Ltd>",
        title: "\"Quoted\" 'title'",
        statement: "*bold* statement with <script>alert('x')</script> & more",
        adoption: (text: "# x adopted"),
        background: [(
            heading: "# Heading #",
            paragraphs: ["1. Not a list", "- not a bullet", "[link](http://evil) `code` _under_ &amp;"],
        )],
        focus_areas_intro: "Intro & <b>bold</b>",
        focus_areas: [
            (
                id: "a",
                name: "<script>alert(1)</script>",
                description: "*bold* & \"quotes\"",
                links: [
                    (title: "Click <me>", url: "javascript:alert(1)"),
                    (title: "Safe & sound", url: "https://example.org/?a=1&b=\"2\""),
                ],
            ),
            (id: "b", name: "# x"),
        ],
        goals: [(number: 7, focus_area: "a", text: "Goal with 'single' and \"double\" quotes & <tags>")],
        references: [(text: "*See* the <plan>", title: "Plan & budget", url: "https://example.org/plan")],
    )"##;
    load::parse("special.ron", source.as_bytes()).unwrap_or_else(|err| panic!("{err}"))
}

/// Text with every run of whitespace folded to one space, so that a phrase
/// is found even where the plain-text format wrapped it.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What an XML parse of a page found.
struct Page {
    /// The text content, references resolved, whitespace folded.
    text: String,
    /// The levels of the h1–h6 headings, in order.
    headings: Vec<u8>,
    /// The names of all elements, in order.
    elements: Vec<String>,
}

/// Parses `html` as XML from start to end: fails on any error, a closing
/// tag that does not match, an element left open, or an entity XML does not know.
fn parse_xml(html: &str) -> Page {
    let mut reader = quick_xml::Reader::from_str(html);
    let mut open: Vec<String> = Vec::new();
    let mut page = Page {
        text: String::new(),
        headings: Vec::new(),
        elements: Vec::new(),
    };
    loop {
        let event = reader.read_event().unwrap_or_else(|err| {
            panic!("not well-formed at byte {}: {err}", reader.error_position())
        });
        match event {
            Event::Start(e) => open.push(element(&mut page, &e)),
            Event::Empty(e) => {
                element(&mut page, &e);
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                assert_eq!(
                    open.pop().as_deref(),
                    Some(name.as_str()),
                    "mismatched </{name}>"
                );
                page.text.push(' ');
            }
            Event::Text(e) => page.text.push_str(&e.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref().unwrap() {
                    Some(ch) => ch,
                    None => match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("&{other}; is not an XML entity"),
                    },
                };
                page.text.push(ch);
            }
            Event::DocType(_) => {}
            Event::Eof => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(open.is_empty(), "elements left open: {open:?}");
    page.text = flat(&page.text);
    page
}

/// Records an element (and its heading level), checks its attributes, and
/// returns its name.
fn element(page: &mut Page, e: &quick_xml::events::BytesStart<'_>) -> String {
    let name = e.name().as_ref().to_string();
    for attribute in e.attributes() {
        let attribute = attribute.unwrap();
        attribute.normalized_value(XmlVersion::Implicit1_0).unwrap();
    }
    if let Some(level) = name.strip_prefix('h').and_then(|l| l.parse().ok()) {
        page.headings.push(level);
    }
    page.elements.push(name.clone());
    name
}

fn all_notes(doc: &Document) -> Vec<String> {
    let areas = doc.focus_areas.iter().filter_map(|a| a.notes.clone());
    let goals = doc.goals.iter().filter_map(|g| g.notes.clone());
    doc.notes
        .clone()
        .into_iter()
        .chain(areas)
        .chain(goals)
        .collect()
}

fn assert_plain_text(text: &str) {
    for (i, line) in text.lines().enumerate() {
        assert!(
            line.width() <= 80,
            "line {} is {} columns: {line:?}",
            i + 1,
            line.width()
        );
    }
    assert!(!text.contains('\x1b'), "escape character in text output");
    let boxes: Vec<char> = text
        .chars()
        .filter(|c| ('\u{2500}'..='\u{257F}').contains(c))
        .collect();
    assert!(boxes.is_empty(), "box-drawing characters: {boxes:?}");
}

#[test]
fn builtin_markdown() {
    let out = export::render(&load::builtin(), Format::Markdown, &Options::default());
    insta::assert_snapshot!(out);
}

#[test]
fn builtin_html() {
    let out = export::render(&load::builtin(), Format::Html, &Options::default());
    insta::assert_snapshot!(out);
}

#[test]
fn builtin_json() {
    let out = export::render(&load::builtin(), Format::Json, &Options::default());
    insta::assert_snapshot!(out);
}

#[test]
fn builtin_text() {
    let out = export::render(&load::builtin(), Format::Text, &Options::default());
    insta::assert_snapshot!(out);
}

#[test]
fn every_format_holds_every_focus_area_and_goal() {
    for doc in [load::builtin(), many()] {
        for format in ALL {
            let out = export::render(&doc, format, &WITH_NOTES);
            // HTML is compared by its text, as a reader gets it.
            let out = match format {
                Format::Html => parse_xml(&out).text,
                _ => flat(&out),
            };
            let texts = [&doc.organisation, &doc.title, &doc.statement]
                .into_iter()
                .chain(doc.focus_areas.iter().map(|a| &a.name))
                .chain(doc.goals.iter().map(|g| &g.text));
            for text in texts {
                assert!(out.contains(text.as_str()), "{format:?} lacks {text:?}");
            }
        }
    }
}

#[test]
fn html_is_well_formed_accessible_and_script_free() {
    for (doc, lang) in [
        (load::builtin(), "sv"),
        (many(), "en-GB"),
        (special(), "en"),
    ] {
        let html = export::render(&doc, Format::Html, &WITH_NOTES);
        assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(html.contains("<meta charset=\"utf-8\" />"));
        assert!(html.contains("<meta name=\"viewport\""));
        assert!(!html.to_lowercase().contains("<script"));
        let page = parse_xml(&html);
        for element in ["html", "head", "title", "body", "main"] {
            let count = page.elements.iter().filter(|e| *e == element).count();
            assert_eq!(count, 1, "<{element}> appears {count} times");
        }
        assert_eq!(page.headings.iter().filter(|&&l| l == 1).count(), 1);
        assert_eq!(page.headings.first(), Some(&1));
        for pair in page.headings.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "heading levels skip: {:?}",
                page.headings
            );
        }
    }
}

#[test]
fn special_characters_are_escaped_in_html_and_markdown_and_verbatim_in_text() {
    let doc = special();
    let html = export::render(&doc, Format::Html, &WITH_NOTES);
    for escaped in [
        "<h1>Smith &amp; Sons &lt;Ltd&gt;: &quot;Quoted&quot; &#39;title&#39;</h1>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "*bold* statement with &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more",
        "<p>[link](http://evil) `code` _under_ &amp;amp;</p>",
        "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">Safe &amp; sound</a>",
        "Click &lt;me&gt; &lt;javascript:alert(1)&gt;",
    ] {
        assert!(html.contains(escaped), "HTML lacks {escaped:?}:\n{html}");
    }
    assert!(!html.to_lowercase().contains("href=\"javascript"), "{html}");
    // Escaping is faithful: the page's text is the document's text.
    let page = parse_xml(&html);
    for text in [
        "Smith & Sons <Ltd>: \"Quoted\" 'title'",
        "*bold* statement with <script>alert('x')</script> & more",
        "<script>alert(1)</script>",
        "Goal with 'single' and \"double\" quotes & <tags>",
        "[link](http://evil) `code` _under_ &amp;",
    ] {
        assert!(page.text.contains(text), "HTML text lacks {text:?}");
    }

    let md = export::render(&doc, Format::Markdown, &WITH_NOTES);
    for escaped in [
        r#"# Smith & Sons \<Ltd>: "Quoted" 'title'"#,
        r"\*bold\* statement with \<script>alert('x')\</script> & more",
        r"\# x adopted",
        r"### \# Heading \#",
        r"1\. Not a list",
        r"\- not a bullet",
        r"\[link\](http://evil) \`code\` \_under\_ \&amp;",
        r"### \<script>alert(1)\</script>",
        r"### \# x",
        r#"**Goal 7:** Goal with 'single' and "double" quotes & \<tags>"#,
        r"- Click \<me> \<javascript:alert(1)>",
        r#"- [Safe & sound](<https://example.org/?a=1\&b="2">)"#,
        r"\*See\* the \<plan>",
    ] {
        assert!(md.contains(escaped), "Markdown lacks {escaped:?}:\n{md}");
    }
    assert!(!md.contains("(<javascript"), "{md}");

    let text = flat(&export::render(&doc, Format::Text, &WITH_NOTES));
    for verbatim in [
        "Smith & Sons <Ltd>: \"Quoted\" 'title'",
        "*bold* statement with <script>alert('x')</script> & more",
        "# x adopted",
        "# Heading #",
        "1. Not a list",
        "[link](http://evil) `code` _under_ &amp;",
        "<script>alert(1)</script>",
        "Click <me> <javascript:alert(1)>",
        "7. Goal with 'single' and \"double\" quotes & <tags>",
        "*See* the <plan>",
    ] {
        assert!(text.contains(verbatim), "text lacks {verbatim:?}:\n{text}");
    }
}

#[test]
fn json_reads_back_into_the_same_document() {
    for doc in [load::builtin(), many(), special()] {
        let json = export::render(&doc, Format::Json, &WITH_NOTES);
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc);
    }
}

#[test]
fn notes_appear_only_when_asked_for() {
    let doc = many();
    let notes = all_notes(&doc);
    assert_eq!(notes.len(), 13, "many.ron's notes: {notes:?}");
    for format in [Format::Markdown, Format::Html, Format::Text] {
        let with = flat(&export::render(&doc, format, &WITH_NOTES));
        let without = flat(&export::render(&doc, format, &WITHOUT_NOTES));
        for note in &notes {
            assert!(with.contains(note.as_str()), "{format:?} lacks {note:?}");
            assert!(
                !without.contains(note.as_str()),
                "{format:?} shows {note:?}"
            );
        }
        assert!(with.contains("Notes:"));
        assert!(
            !without.contains("Notes:"),
            "{format:?} shows a notes label"
        );
    }

    let with: Document =
        serde_json::from_str(&export::render(&doc, Format::Json, &WITH_NOTES)).unwrap();
    assert_eq!(all_notes(&with), notes);
    let without: Document =
        serde_json::from_str(&export::render(&doc, Format::Json, &WITHOUT_NOTES)).unwrap();
    assert!(all_notes(&without).is_empty());
    // Everything else is still there.
    let mut expected = doc.clone();
    expected.notes = None;
    expected.focus_areas.iter_mut().for_each(|a| a.notes = None);
    expected.goals.iter_mut().for_each(|g| g.notes = None);
    assert_eq!(without, expected);
}

#[test]
fn text_is_plain_and_fits_80_columns() {
    for doc in [load::builtin(), many()] {
        let text = export::render(&doc, Format::Text, &WITH_NOTES);
        assert_plain_text(&text);
        // No Markdown: headings are plain lines, nothing is emphasised.
        for line in text.lines() {
            assert!(!line.starts_with('#') && !line.starts_with('>'), "{line:?}");
        }
        assert!(!text.contains("**") && !text.contains("](") && !text.contains('`'));
    }
}

#[test]
fn markdown_has_one_title_and_the_sections_in_order() {
    let md = export::render(&load::builtin(), Format::Markdown, &Options::default());
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Alingsås kommun: Vision 2040",
            "## Bakgrund",
            "### Vision, fokusområden och mål",
            "## Fokusområden",
            "### Vackra miljöer",
            "### Livskvalitet",
            "### Experimentlust",
            "### Omställning",
            "### Tillsammans",
            "## Referenser",
        ]
    );
}

#[test]
fn labels_follow_the_document_language_and_lang_overrides_them() {
    use vision_tui::i18n::{Lang, Strings};
    let with = |lang| Options { notes: true, lang };
    // (document, labels asked for, labels expected, HTML's mark on them)
    for (doc, asked, expected, mark) in [
        (load::builtin(), None, Lang::Sv, ""),
        (load::builtin(), Some(Lang::Sv), Lang::Sv, ""),
        (load::builtin(), Some(Lang::En), Lang::En, " lang=\"en\""),
        (many(), None, Lang::En, ""),
        (many(), Some(Lang::Sv), Lang::Sv, " lang=\"sv\""),
    ] {
        let (words, other) = match expected {
            Lang::Sv => (Strings::load(Lang::Sv), Strings::load(Lang::En)),
            Lang::En => (Strings::load(Lang::En), Strings::load(Lang::Sv)),
        };
        let case = format!("{} with {asked:?}", doc.language);
        let text = export::render(&doc, Format::Text, &with(asked));
        let md = export::render(&doc, Format::Markdown, &with(asked));
        let html = export::render(&doc, Format::Html, &with(asked));
        for label in [
            &words.export_background,
            &words.export_focus_areas,
            &words.export_goals,
            &words.export_plan_period,
        ] {
            assert!(text.contains(label.as_str()), "{case}: text lacks {label}");
            assert!(
                md.contains(label.as_str()),
                "{case}: Markdown lacks {label}"
            );
            assert!(html.contains(label.as_str()), "{case}: HTML lacks {label}");
        }
        for label in [&other.export_focus_areas, &other.export_plan_period] {
            for (format, out) in [("text", &text), ("Markdown", &md), ("HTML", &html)] {
                assert!(
                    !out.contains(label.as_str()),
                    "{case}: {format} has {label}"
                );
            }
        }
        let first_goal = doc.goals_of(&doc.focus_areas[0].id).next().unwrap().number;
        let goal = vision_tui::i18n::fill(&words.export_goal, &[("n", &first_goal.to_string())]);
        assert!(md.contains(&format!("**{goal}**")), "{case}: {goal}");
        // The page keeps the document's language; labels in another are marked.
        assert!(html.contains(&format!("<html lang=\"{}\">", doc.language)));
        assert!(
            html.contains(&format!("<h2{mark}>{}</h2>", words.export_focus_areas)),
            "{case}"
        );
        let period = if mark.is_empty() {
            format!("<p>{} ", words.export_plan_period)
        } else {
            format!("<p><span{mark}>{}</span> ", words.export_plan_period)
        };
        assert!(html.contains(&period), "{case}: {period}");
        assert!(
            html.contains(&format!("<strong{mark}>{}</strong>", words.export_notes))
                || doc.notes.is_none() && doc.focus_areas.iter().all(|a| a.notes.is_none()),
            "{case}"
        );
        parse_xml(&html);
        // JSON is data: no labels, whatever the language.
        assert_eq!(
            export::render(&doc, Format::Json, &with(asked)),
            export::render(&doc, Format::Json, &with(None))
        );
    }
}

fn any_text() -> impl Strategy<Value = String> {
    // Markup characters, letters of several widths, controls and escapes,
    // long unbroken words.
    proptest::string::string_regex(
        "[a-zåäö漢字<>&\"'*_#`\\[\\]\u{1b}\u{9b}\t\n\u{a0}\u{FFFF} -]{0,20}( [a-zA-Z/:.]{0,120}){0,6}",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the texts (even in a document built in code, never loaded):
    /// HTML is well-formed and script-free, text is plain and fits, JSON
    /// reads back into the normalised document.
    #[test]
    fn any_text_exports_safely(
        title in any_text(),
        name in any_text(),
        goal in any_text(),
        description in any_text(),
        url in any_text(),
    ) {
        let mut doc = load::builtin();
        doc.title = title;
        doc.focus_areas[0].name = name;
        doc.focus_areas[0].description = Some(description.clone());
        doc.focus_areas[0].links = vec![Link { title: description.clone(), url }];
        doc.goals.push(Goal {
            number: 99,
            focus_area: doc.focus_areas[0].id.clone(),
            text: goal,
            description: Some(description),
            plan_period: None,
            notes: None,
            links: Vec::new(),
        });

        let html = export::render(&doc, Format::Html, &WITH_NOTES);
        parse_xml(&html);
        prop_assert!(!html.to_lowercase().contains("<script"));
        prop_assert!(!html.contains(['\u{1b}', '\u{9b}']), "control character in HTML");

        let text = export::render(&doc, Format::Text, &WITH_NOTES);
        assert_plain_text(&text);

        let md = export::render(&doc, Format::Markdown, &WITH_NOTES);
        prop_assert!(!md.contains(['\u{1b}', '\u{9b}']), "control character in Markdown");

        let json = export::render(&doc, Format::Json, &WITH_NOTES);
        let back: Document = serde_json::from_str(&json).unwrap();
        doc.map_text(&mut load::normalize::clean);
        prop_assert_eq!(back, doc);
    }
}
