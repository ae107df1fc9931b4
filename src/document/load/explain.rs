//! Words for people: what a place in a document is called ("goal 7", "the
//! 2nd focus area"), and which fields a record has. Field paths such as
//! `goals[6]` are for programs (`check --format json`); messages say it this way.

use super::locate::{self, Locator, Segment};
use super::printable::shorten;
use super::scan::{self, Pos};

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `22nd`.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// What a kind of record is called, from the type serde names (`outer`) or,
/// for JSON, which names none, from the list or field it is in.
pub fn record_kind(path: &[Segment], outer: Option<&str>) -> String {
    let by_type = outer.and_then(|outer| {
        Some(match outer {
            "Document" => "the document",
            "FocusArea" => "a focus area",
            "Goal" => "a goal",
            "Section" => "a background section",
            "Reference" => "a reference",
            "Link" => "a link",
            "Adoption" => "`adoption`",
            "Revision" => "`revised`",
            "PlanPeriod" => "a plan period",
            "Config" => "the config",
            "KeysConfig" => "`keys`",
            "ThemeFile" => "the theme",
            "StyleSpec" => "a style",
            _ => return None,
        })
    });
    if let Some(kind) = by_type {
        return kind.to_string();
    }
    match path {
        [] => outer.map_or("the document".to_string(), |o| format!("`{o}`")),
        [.., Segment::Field(list), Segment::Index(_)] => match list.as_str() {
            "focus_areas" => "a focus area".into(),
            "goals" => "a goal".into(),
            "background" => "a background section".into(),
            "references" => "a reference".into(),
            "links" => "a link".into(),
            other => format!("an item of `{other}`"),
        },
        [.., Segment::Field(field)] if field == "plan_period" => "a plan period".into(),
        [.., Segment::Field(field)] => format!("`{field}`"),
        [.., Segment::Index(_)] => "an item".into(),
    }
}

/// The record at `path` as people name it: "goal 7" (by its number),
/// "focus area `green`" (by its id), "the 3rd reference", "the document".
pub fn record(path: &[Segment], text: &str) -> String {
    let mut locator = Locator::new(text);
    let mut read = |field: &str| {
        let mut at = path.to_vec();
        at.push(Segment::Field(field.into()));
        let pos = locator.locate(&at)?;
        Some(source_at(text, pos))
    };
    match path {
        [] => "the document".into(),
        [Segment::Field(list), Segment::Index(i)] if list == "goals" => {
            match read("number").and_then(|n| n.parse::<u32>().ok()) {
                Some(number) => format!("goal {number}"),
                None => format!("the {} goal", ordinal(i + 1)),
            }
        }
        [Segment::Field(list), Segment::Index(i)] if list == "focus_areas" => {
            match read("id").and_then(|id| unquote(&id)) {
                Some(id) if !id.is_empty() => format!("focus area `{}`", shorten(&id, 40)),
                _ => format!("the {} focus area", ordinal(i + 1)),
            }
        }
        [.., Segment::Index(i)] => {
            let kind = record_kind(path, None);
            let noun = kind
                .strip_prefix("a ")
                .or_else(|| kind.strip_prefix("an "))
                .unwrap_or(&kind);
            format!("the {} {noun}", ordinal(i + 1))
        }
        [.., Segment::Field(field)] => format!("`{field}`"),
    }
}

/// The token at `pos` as written (its first line).
fn source_at(text: &str, pos: locate::Position) -> String {
    let line = text.lines().nth(pos.line.saturating_sub(1)).unwrap_or("");
    line.chars()
        .skip(pos.column.saturating_sub(1))
        .take(pos.len)
        .collect()
}

/// The text of a simple `"..."` literal (no escapes), if it is one.
fn unquote(literal: &str) -> Option<String> {
    let inner = literal.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains('\\')).then(|| inner.to_string())
}

/// The field of `expected` that `found` is most likely a misspelling of.
pub fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    let found = found.to_lowercase();
    expected
        .iter()
        .map(|&candidate| (strsim::damerau_levenshtein(&found, candidate), candidate))
        .filter(|&(distance, candidate)| distance <= (candidate.chars().count() / 3).max(1))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// The fields of each record of a document, by what [`record_kind`] calls
/// it (a test keeps them equal to the model's).
pub fn document_fields(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "the document" => &[
            "language",
            "organisation",
            "title",
            "statement",
            "adoption",
            "revised",
            "background",
            "focus_areas_intro",
            "focus_areas",
            "plan_period",
            "goals_intro",
            "goals",
            "references",
            "notes",
        ],
        "a focus area" => &["id", "name", "description", "notes", "links"],
        "a goal" => &[
            "number",
            "focus_area",
            "text",
            "description",
            "plan_period",
            "notes",
            "links",
        ],
        "`adoption`" => &["text", "by", "date"],
        "`revised`" => &["text", "date"],
        "a background section" => &["heading", "paragraphs"],
        "a plan period" => &["start", "end"],
        "a reference" => &["text", "title", "url"],
        "a link" => &["title", "url"],
        _ => return None,
    })
}

/// The path of the record around the value at `path`:
/// `goals[0].plan_period` → `goals[0]`, `goals[0]` → the document.
pub fn enclosing(path: &[Segment]) -> &[Segment] {
    let mut end = path.len();
    while end > 0 && matches!(path[end - 1], Segment::Index(_)) {
        end -= 1;
    }
    &path[..end.saturating_sub(1)]
}

/// `` `a`, `b` and `c` ``.
pub fn listed(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The message for a record at `path` without a required `field`; the
/// parser noticed at `at`, the record's closing bracket, so the line the
/// record starts on is said too: "goal 2 (line 14) has no `text`".
pub fn missing_field(path: &[Segment], text: &str, at: Pos, field: &str) -> String {
    let record = record(path, text);
    match scan::scan(text, at).open.last() {
        Some(&(_, start)) if !path.is_empty() => {
            format!("{record} (line {}) has no `{field}`", start.line)
        }
        _ => format!("{record} has no `{field}`"),
    }
}

/// The message and hint for a field the record does not have.
pub fn unknown_field(found: &str, expected: &[&str], kind: &str) -> (String, String) {
    let found = shorten(found, 40);
    let message = format!("unknown field `{found}` in {kind}");
    let fields = format!("the fields of {kind} are {}", listed(expected));
    let hint = match closest(&found, expected) {
        Some(field) => format!("did you mean `{field}`? ({fields})"),
        None => format!("check the spelling, or remove it; {fields}"),
    };
    (message, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            words,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
    }

    #[test]
    fn misspellings_find_their_field() {
        let fields = ["id", "name", "description", "notes", "links"];
        assert_eq!(closest("nmae", &fields), Some("name"));
        assert_eq!(closest("descripton", &fields), Some("description"));
        assert_eq!(closest("Description", &fields), Some("description"));
        assert_eq!(
            closest("colour", &["theme", "color", "lang"]),
            Some("color")
        );
        assert_eq!(closest("owner", &fields), None);
        assert_eq!(closest("x", &fields), None);
    }

    #[test]
    fn the_table_of_fields_is_the_models() {
        // Each record with an unknown field: the hint lists serde's fields.
        let document =
            r#"Document(language: "en", organisation: "o", title: "t", statement: "s", "#;
        for (kind, source) in [
            ("the document", format!("{document}zzz: 1)")),
            (
                "a focus area",
                format!("{document}focus_areas: [(zzz: 1)])"),
            ),
            ("a goal", format!("{document}goals: [(zzz: 1)])")),
            ("`adoption`", format!("{document}adoption: (zzz: 1))")),
            ("`revised`", format!("{document}revised: (zzz: 1))")),
            (
                "a background section",
                format!("{document}background: [(zzz: 1)])"),
            ),
            ("a plan period", format!("{document}plan_period: (zzz: 1))")),
            ("a reference", format!("{document}references: [(zzz: 1)])")),
            ("a link", format!("{document}goals: [(links: [(zzz: 1)])])")),
        ] {
            let err = crate::document::load::parse("t.ron", source.as_bytes()).unwrap_err();
            let hint = err.diagnostics()[0].hint.clone().unwrap_or_default();
            let fields = document_fields(kind).unwrap_or_else(|| panic!("{kind}"));
            assert!(
                hint.ends_with(&format!("the fields of {kind} are {}", listed(fields))),
                "{kind}: {hint}"
            );
        }
    }

    #[test]
    fn enclosing_records() {
        let path = |s: &str| super::super::parse_path(s);
        assert_eq!(enclosing(&path("goals[0].plan_period")), path("goals[0]"));
        assert_eq!(enclosing(&path("goals[0]")), path(""));
        assert_eq!(enclosing(&path("adoption")), path(""));
        assert_eq!(enclosing(&[]), path(""));
    }

    #[test]
    fn records_are_named_by_number_or_id() {
        let text = "Document(focus_areas: [(id: \"green\"), (name: \"x\")],\n goals: [(number: 7), (text: \"t\")])";
        let path = |s: &str| super::super::parse_path(s);
        assert_eq!(record(&path("goals[0]"), text), "goal 7");
        assert_eq!(record(&path("goals[1]"), text), "the 2nd goal");
        assert_eq!(record(&path("focus_areas[0]"), text), "focus area `green`");
        assert_eq!(record(&path("focus_areas[1]"), text), "the 2nd focus area");
        assert_eq!(record(&path("references[2]"), text), "the 3rd reference");
        assert_eq!(record(&[], text), "the document");
    }
}
