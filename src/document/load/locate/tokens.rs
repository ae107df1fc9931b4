//! The small tokenizer that finding a path needs: it only has to follow
//! source that has already parsed, so it knows names, keys, brackets,
//! commas and colons, and takes every string, char and number as one atom.

use super::Position;

/// What a token is, as far as finding a path needs to know.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A name: a field, a struct, `Some`, `true`.
    Ident(String),
    /// A string followed by `:`: a JSON object's (or a RON map's) key.
    Key(String),
    /// A string (raw or not), a char or a number.
    Atom,
    /// `(`, `[` or `{`.
    Open(char),
    /// `)`, `]` or `}`.
    Close,
    /// `,`.
    Comma,
    /// `:`.
    Colon,
    /// Anything else (`#` of an attribute, stray characters).
    Other,
}

/// A token: what it is, where it starts and how long it is on its first line.
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) pos: Position,
}

/// The tokens of `source`, comments and whitespace left out.
pub(super) fn tokenize(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let (mut i, mut line, mut column) = (0usize, 1usize, 1usize);
    // Advances over chars[i..end], keeping line and column in step.
    let advance = |i: &mut usize, end: usize, line: &mut usize, column: &mut usize| {
        while *i < end.min(chars.len()) {
            if chars[*i] == '\n' {
                *line += 1;
                *column = 1;
            } else {
                *column += 1;
            }
            *i += 1;
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let start = Position {
            line,
            column,
            len: 1,
        };
        let end = if c.is_whitespace() {
            let next = i + 1;
            advance(&mut i, next, &mut line, &mut column);
            continue;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            let mut j = i;
            while j < chars.len() && chars[j] != '\n' {
                j += 1;
            }
            advance(&mut i, j, &mut line, &mut column);
            continue;
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            let (mut j, mut depth) = (i + 2, 1);
            while j < chars.len() && depth > 0 {
                if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            advance(&mut i, j, &mut line, &mut column);
            continue;
        } else if c == '"' || c == '\'' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != c {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let key = c == '"'
                && chars
                    .get(j + 1..)
                    .and_then(|rest| rest.iter().find(|c| !c.is_whitespace()))
                    == Some(&':');
            let kind = if key {
                Kind::Key(chars[i + 1..j].iter().collect())
            } else {
                Kind::Atom
            };
            tokens.push(Token { kind, pos: start });
            j + 1
        } else if c == 'r'
            && matches!(chars.get(i + 1), Some('"' | '#'))
            && raw_string_end(&chars, i).is_some()
        {
            tokens.push(Token {
                kind: Kind::Atom,
                pos: start,
            });
            raw_string_end(&chars, i).unwrap_or(chars.len())
        } else if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let name: String = chars[i..j].iter().collect();
            tokens.push(Token {
                kind: Kind::Ident(name),
                pos: start,
            });
            j
        } else if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' {
            let mut j = i + 1;
            while j < chars.len()
                && (chars[j].is_alphanumeric() || matches!(chars[j], '.' | '_' | '-' | '+'))
            {
                j += 1;
            }
            tokens.push(Token {
                kind: Kind::Atom,
                pos: start,
            });
            j
        } else {
            let kind = match c {
                '(' | '[' | '{' => Kind::Open(c),
                ')' | ']' | '}' => Kind::Close,
                ',' => Kind::Comma,
                ':' => Kind::Colon,
                _ => Kind::Other,
            };
            tokens.push(Token { kind, pos: start });
            i + 1
        };
        let len = end.min(chars.len()) - i;
        if let Some(last) = tokens.last_mut() {
            // a token's length on its first line, for the caret
            last.pos.len = chars[i..end.min(chars.len())]
                .iter()
                .take_while(|&&ch| ch != '\n')
                .count()
                .clamp(1, len.max(1));
        }
        advance(&mut i, end, &mut line, &mut column);
    }
    tokens
}

/// End (exclusive, in chars) of a raw string `r#"..."#` starting at `start`.
fn raw_string_end(chars: &[char], start: usize) -> Option<usize> {
    let mut j = start + 1;
    let mut hashes = 0;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    if chars.get(j) != Some(&'"') {
        return None;
    }
    j += 1;
    while j < chars.len() {
        if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(chars.len())
}
