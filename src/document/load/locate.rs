//! Finds where a value stands in RON or JSON source, given its field path.
//!
//! serde hands the loader a document without positions, so problems found
//! after parsing (a goal naming a focus area that does not exist, a duplicate
//! id) would otherwise have no line and column. The source has already parsed
//! at this point, so a small tokenizer that only has to follow valid RON is
//! enough to walk `goals[3].focus_area` back to its spot. JSON reads to it
//! as RON with `{ "field": value }` records.

mod tokens;

use tokens::{Kind, Token, tokenize};

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A named field of a struct.
    Field(String),
    /// An element of a list.
    Index(usize),
}

/// A place in the source: 1-based line and column, the column counted in
/// characters (as ron counts them), plus the length of the token in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Length of the token there, in characters (at least 1).
    pub len: usize,
}

/// Renders a path the way authors read it: `goals[3].focus_area`.
pub fn display_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Finds the value at `path` (the whole document for an empty path).
pub fn locate(source: &str, path: &[Segment]) -> Option<Position> {
    Locator::new(source).locate(path)
}

/// Finds many paths in one source: it is tokenized once, and the fields of
/// each record and the elements of each list are found once and remembered,
/// so locating every problem of a document with thousands of goals takes one
/// pass over it, not one pass per problem.
pub struct Locator {
    tokens: Vec<Token>,
    /// Record value (token index) → its fields in order: (name, value's token index).
    fields: std::collections::HashMap<usize, Vec<(String, usize)>>,
    /// List value (token index) → the token index of each element.
    elements: std::collections::HashMap<usize, Vec<usize>>,
}

impl Locator {
    /// Tokenizes `source`.
    pub fn new(source: &str) -> Self {
        Self {
            tokens: tokenize(source),
            fields: std::collections::HashMap::new(),
            elements: std::collections::HashMap::new(),
        }
    }

    /// Finds the value at `path` (the whole document for an empty path).
    pub fn locate(&mut self, path: &[Segment]) -> Option<Position> {
        let tokens = &self.tokens;
        let mut i = skip_attributes(tokens, 0);
        for segment in path {
            i = match segment {
                Segment::Field(name) => self
                    .fields
                    .entry(i)
                    .or_insert_with(|| record_fields(tokens, i))
                    .iter()
                    .find(|(field, _)| field == name)
                    .map(|&(_, value)| value)?,
                Segment::Index(index) => *self
                    .elements
                    .entry(i)
                    .or_insert_with(|| list_elements(tokens, i))
                    .get(*index)?,
            };
        }
        tokens.get(i).map(|t| t.pos)
    }
}

/// True when the source holds no tokens at all (only whitespace and comments).
///
/// Stops at the first token (the same rules as `tokenize`), so a large
/// document costs nothing here.
pub fn is_blank(source: &str) -> bool {
    let mut rest = source;
    loop {
        rest = rest.trim_start_matches(char::is_whitespace);
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |i| &after[i..]);
        } else if let Some(after) = rest.strip_prefix("/*") {
            // Nested, as in ron. `/` and `*` never occur inside a multi-byte
            // character, so a byte scan finds what a char scan finds, and
            // stops just after an ASCII `*/`: on a character boundary.
            let bytes = after.as_bytes();
            let (mut j, mut depth) = (0, 1);
            while j < bytes.len() && depth > 0 {
                if bytes[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if bytes[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            rest = after.get(j..).unwrap_or("");
        } else {
            return rest.is_empty();
        }
    }
}

/// Skips `#![enable(...)]` headers.
fn skip_attributes(tokens: &[Token], mut i: usize) -> usize {
    while matches!(tokens.get(i), Some(t) if t.kind == Kind::Other) {
        while i < tokens.len() && tokens[i].kind != Kind::Open('[') {
            i += 1;
        }
        i = skip_value(tokens, i);
    }
    i
}

/// Index of the token after the value that starts at `i`.
fn skip_value(tokens: &[Token], mut i: usize) -> usize {
    if let Some(Token {
        kind: Kind::Ident(_),
        ..
    }) = tokens.get(i)
    {
        i += 1;
        if !matches!(
            tokens.get(i),
            Some(Token {
                kind: Kind::Open(_),
                ..
            })
        ) {
            return i;
        }
    }
    match tokens.get(i).map(|t| &t.kind) {
        Some(Kind::Open(_)) => {
            let mut depth = 0usize;
            while let Some(token) = tokens.get(i) {
                match token.kind {
                    Kind::Open(_) => depth += 1,
                    Kind::Close => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i
        }
        Some(_) => i + 1,
        None => i,
    }
}

/// Moves from a value's first token to just inside its brackets, unwrapping
/// `Some(...)` and an optional struct name. Returns the bracket kind too.
fn enter(tokens: &[Token], mut i: usize) -> Option<(usize, char)> {
    loop {
        match &tokens.get(i)?.kind {
            Kind::Ident(name) => {
                let is_some = name == "Some";
                i += 1;
                let Kind::Open(bracket) = tokens.get(i)?.kind else {
                    return None;
                };
                if is_some {
                    i += 1; // look inside Some( ... )
                    continue;
                }
                return Some((i + 1, bracket));
            }
            Kind::Open(bracket) => return Some((i + 1, *bracket)),
            _ => return None,
        }
    }
}

/// The fields of the record whose value starts at token `value`, in order:
/// (name, token index of the field's value). Empty when it is not a record.
fn record_fields(tokens: &[Token], value: usize) -> Vec<(String, usize)> {
    let mut fields = Vec::new();
    let Some((mut i, '(' | '{')) = enter(tokens, value) else {
        return fields;
    };
    while let Some(token) = tokens.get(i) {
        match &token.kind {
            Kind::Close => break,
            Kind::Comma => i += 1,
            Kind::Ident(field) | Kind::Key(field) if matches!(tokens.get(i + 1), Some(t) if t.kind == Kind::Colon) =>
            {
                fields.push((field.clone(), i + 2));
                i = skip_value(tokens, i + 2);
            }
            _ => i = skip_value(tokens, i),
        }
    }
    fields
}

/// The token index of each element of the list whose value starts at token
/// `value`. Empty when it is not a list.
fn list_elements(tokens: &[Token], value: usize) -> Vec<usize> {
    let mut elements = Vec::new();
    let Some((mut i, '[')) = enter(tokens, value) else {
        return elements;
    };
    while let Some(token) = tokens.get(i) {
        match token.kind {
            Kind::Close => break,
            Kind::Comma => i += 1,
            _ => {
                elements.push(i);
                i = skip_value(tokens, i);
            }
        }
    }
    elements
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(spec: &[&str]) -> Vec<Segment> {
        spec.iter()
            .map(|s| match s.parse::<usize>() {
                Ok(i) => Segment::Index(i),
                Err(_) => Segment::Field(s.to_string()),
            })
            .collect()
    }

    const SRC: &str = r##"#![enable(implicit_some)]
// a comment with "quotes" and ( brackets
Document(
    title: "Vision (2040)", /* nested /* comment */ ( */
    focus_areas: [
        (id: "a", name: r#"Ä"#),
        FocusArea(id: "omställning", name: "Omställning"),
    ],
    goals: [(number: 1, focus_area: Some("zzz"))],
)
"##;

    #[test]
    fn is_blank_stops_early_but_agrees_with_the_tokenizer() {
        for source in [
            "",
            "   \n\t ",
            "// only a comment",
            "// a comment\n  ",
            "/* block */",
            "/* nested /* block */ still */ \n",
            "/* unclosed /* nested */",
            "/* å ä ö */ // 漢字\n",
            "/**/x",
            "/",
            "// c\n/",
            "/* */ Document()",
            "\u{a0}",
            "\u{2028}x",
            SRC,
        ] {
            assert_eq!(is_blank(source), tokenize(source).is_empty(), "{source:?}");
        }
    }

    #[test]
    fn finds_fields_and_list_elements() {
        let at = |spec: &[&str]| locate(SRC, &path(spec)).map(|p| (p.line, p.column, p.len));
        assert_eq!(at(&["title"]), Some((4, 12, 15)));
        assert_eq!(at(&["focus_areas", "1", "id"]), Some((7, 23, 13)));
        assert_eq!(at(&["focus_areas", "0", "name"]), Some((6, 25, 6)));
        assert_eq!(at(&["goals", "0", "focus_area"]), Some((9, 37, 4)));
        assert_eq!(at(&["goals", "1"]), None);
        assert_eq!(at(&["nope"]), None);
    }

    #[test]
    fn finds_fields_of_json_objects() {
        let json = "{\n  \"title\": \"T\",\n  \"goals\": [\n    {\"number\": 1, \"focus_area\" : \"zzz\"},\n    {\"number\": 2}\n  ]\n}";
        let at = |spec: &[&str]| locate(json, &path(spec)).map(|p| (p.line, p.column, p.len));
        assert_eq!(at(&["title"]), Some((2, 12, 3)));
        assert_eq!(at(&["goals", "0", "focus_area"]), Some((4, 34, 5)));
        assert_eq!(at(&["goals", "1", "number"]), Some((5, 16, 1)));
        assert_eq!(at(&["goals", "2"]), None);
    }

    #[test]
    fn displays_paths() {
        assert_eq!(
            display_path(&path(&["goals", "3", "focus_area"])),
            "goals[3].focus_area"
        );
    }

    #[test]
    fn blank_means_only_comments_and_whitespace() {
        assert!(is_blank("  // nothing\n /* here */ \n"));
        assert!(!is_blank("()"));
    }
}
