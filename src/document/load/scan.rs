//! A scan of the source up to where the parser stopped, to find the real
//! cause of a syntax error.
//!
//! A parser reports where it noticed a problem, which is often well after
//! the mistake: a string that is never closed swallows the lines after it,
//! a missing bracket is noticed at the next item. Following the quotes,
//! brackets and comments up to that spot, as a compiler's error recovery
//! does, says which quote or bracket it was.

/// A place in the source: 1-based line and column (the column in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// What the source holds up to a stop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// Brackets still open at the stop, outermost first.
    pub open: Vec<(char, Pos)>,
    /// The first closing bracket that closes a different kind of bracket:
    /// (the open bracket, the closing one).
    pub mismatch: Option<((char, Pos), (char, Pos))>,
    /// The last string that ended before the stop: its opening and closing quotes.
    pub last_string: Option<(Pos, Pos)>,
    /// Where a string that is still open at the stop begins.
    pub open_string: Option<Pos>,
    /// Just after the last character of the last token before the stop
    /// (whitespace and comments skipped).
    pub after_last_token: Option<Pos>,
    /// That character.
    pub last_char: Option<char>,
}

/// Scans `text` up to (not including) `stop`.
pub fn scan(text: &str, stop: Pos) -> Scan {
    let mut scan = Scan::default();
    let mut chars = Chars::new(text);
    while let Some((pos, c)) = chars.peek() {
        if pos >= stop {
            break;
        }
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '/' if chars.peek_second() == Some('/') => chars.line_comment(),
            '/' if chars.peek_second() == Some('*') => chars.block_comment(),
            'r' if chars.raw_string_hashes().is_some() => {
                let hashes = chars.raw_string_hashes().unwrap_or(0);
                for _ in 0..hashes + 2 {
                    chars.next();
                }
                match chars.raw_string_end(stop, hashes) {
                    Some(close) => {
                        scan.last_string = Some((pos, close));
                        scan.after_last_token = Some(close.next());
                        scan.last_char = Some('#');
                    }
                    None => {
                        scan.open_string = Some(pos);
                        break;
                    }
                }
            }
            '"' => {
                chars.next();
                match chars.string_end(stop) {
                    Some(close) => {
                        scan.last_string = Some((pos, close));
                        scan.after_last_token = Some(close.next());
                        scan.last_char = Some('"');
                    }
                    None => {
                        scan.open_string = Some(pos);
                        break;
                    }
                }
            }
            '(' | '[' | '{' => {
                chars.next();
                scan.open.push((c, pos));
                scan.after_last_token = Some(pos.next());
                scan.last_char = Some(c);
            }
            ')' | ']' | '}' => {
                chars.next();
                if let Some(open) = scan.open.pop()
                    && closing(open.0) != c
                    && scan.mismatch.is_none()
                {
                    scan.mismatch = Some((open, (c, pos)));
                }
                scan.after_last_token = Some(pos.next());
                scan.last_char = Some(c);
            }
            _ => {
                chars.next();
                scan.after_last_token = Some(pos.next());
                scan.last_char = Some(c);
            }
        }
    }
    scan
}

/// True when the brackets from `from` (outside any string or comment) to
/// the end of `text` close exactly those in `open` (innermost last), and
/// nothing else: the rest of the file balances.
pub fn balances(text: &str, from: Pos, open: &[char]) -> bool {
    let mut stack = open.to_vec();
    let mut chars = Chars::new(text);
    while chars.peek().is_some_and(|(pos, _)| pos < from) {
        chars.next();
    }
    let end = Pos {
        line: usize::MAX,
        column: usize::MAX,
    };
    while let Some((_, c)) = chars.peek() {
        match c {
            '/' if chars.peek_second() == Some('/') => chars.line_comment(),
            '/' if chars.peek_second() == Some('*') => chars.block_comment(),
            'r' if chars.raw_string_hashes().is_some() => {
                let hashes = chars.raw_string_hashes().unwrap_or(0);
                for _ in 0..hashes + 2 {
                    chars.next();
                }
                if chars.raw_string_end(end, hashes).is_none() {
                    return false;
                }
            }
            '"' => {
                chars.next();
                if chars.string_end(end).is_none() {
                    return false;
                }
            }
            '(' | '[' | '{' => {
                chars.next();
                stack.push(c);
            }
            ')' | ']' | '}' => {
                chars.next();
                if stack.pop().map(closing) != Some(c) {
                    return false;
                }
            }
            _ => {
                chars.next();
            }
        }
    }
    stack.is_empty()
}

/// The bracket that closes `open`.
pub fn closing(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

impl Pos {
    /// The column after this one.
    fn next(self) -> Pos {
        Pos {
            column: self.column + 1,
            ..self
        }
    }
}

/// The source's characters with their positions.
struct Chars<'a> {
    rest: std::str::Chars<'a>,
    pos: Pos,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            rest: text.chars(),
            pos: Pos { line: 1, column: 1 },
        }
    }

    fn peek(&self) -> Option<(Pos, char)> {
        self.rest.clone().next().map(|c| (self.pos, c))
    }

    fn peek_second(&self) -> Option<char> {
        self.rest.clone().nth(1)
    }

    fn next(&mut self) -> Option<(Pos, char)> {
        let c = self.rest.next()?;
        let pos = self.pos;
        if c == '\n' {
            self.pos = Pos {
                line: pos.line + 1,
                column: 1,
            };
        } else {
            self.pos.column += 1;
        }
        Some((pos, c))
    }

    /// Skips a line comment, up to (not including) its line break.
    fn line_comment(&mut self) {
        while self.peek().is_some_and(|(_, c)| c != '\n') {
            self.next();
        }
    }

    /// Skips a (nested) block comment, `/*` included.
    fn block_comment(&mut self) {
        self.next();
        self.next();
        let mut depth = 1;
        while depth > 0 {
            match self.next() {
                None => return,
                Some((_, '/')) if self.peek().is_some_and(|(_, c)| c == '*') => {
                    self.next();
                    depth += 1;
                }
                Some((_, '*')) if self.peek().is_some_and(|(_, c)| c == '/') => {
                    self.next();
                    depth -= 1;
                }
                Some(_) => {}
            }
        }
    }

    /// At `r#"`: how many `#` the raw string has (`r"` has none).
    fn raw_string_hashes(&self) -> Option<usize> {
        let mut rest = self.rest.clone();
        if rest.next() != Some('r') {
            return None;
        }
        let mut hashes = 0;
        loop {
            match rest.next() {
                Some('#') => hashes += 1,
                Some('"') => return Some(hashes),
                _ => return None,
            }
        }
    }

    /// Reads to the end of a raw string whose `r#"` was read: the position
    /// of its last `#` (or of its quote when it has none), or `None` when it
    /// is still open at `stop`.
    fn raw_string_end(&mut self, stop: Pos, hashes: usize) -> Option<Pos> {
        loop {
            let (pos, c) = self.next()?;
            if pos >= stop {
                return None;
            }
            if c == '"' {
                let closes = self.rest.clone().take(hashes).filter(|&c| c == '#').count() == hashes;
                if closes {
                    let mut end = pos;
                    for _ in 0..hashes {
                        end = self.next()?.0;
                    }
                    return Some(end);
                }
            }
        }
    }

    /// Reads to the closing quote of a string whose opening quote was read;
    /// returns where it is, or `None` when the string is still open at `stop`.
    fn string_end(&mut self, stop: Pos) -> Option<Pos> {
        loop {
            let (pos, c) = self.next()?;
            if pos >= stop {
                return None;
            }
            match c {
                '"' => return Some(pos),
                '\\' => {
                    self.next();
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn brackets_open_at_the_stop() {
        let text = "Document(\n  goals: [\n    (number: 1, text: \"a ) ] \\\" (\",\n    (number: 2";
        let scan = scan(text, at(4, 5));
        assert_eq!(
            scan.open,
            [('(', at(1, 9)), ('[', at(2, 10)), ('(', at(3, 5))]
        );
        assert_eq!(scan.last_string, Some((at(3, 23), at(3, 34))));
        assert_eq!(scan.after_last_token, Some(at(3, 36)), "after the comma");
        assert_eq!((scan.open_string, scan.mismatch), (None, None));
    }

    #[test]
    fn raw_strings_hold_quotes_and_brackets() {
        let text = "(a: r#\"He said \"hi\" (\"#, b: r\"[\", c: [";
        let scan = scan(text, at(1, 40));
        assert_eq!(scan.open, [('(', at(1, 1)), ('[', at(1, 38))]);
        assert_eq!(scan.last_string, Some((at(1, 29), at(1, 32))));
        assert_eq!(scan.open_string, None);
    }

    #[test]
    fn comments_are_not_tokens() {
        let text = "(a: \"x\" // a ( comment \"\n /* nested /* ( */ [ */\n b";
        let scan = scan(text, at(3, 2));
        assert_eq!(scan.open, [('(', at(1, 1))]);
        assert_eq!(scan.after_last_token, Some(at(1, 8)));
    }

    #[test]
    fn the_rest_of_a_file_balances_or_not() {
        let text = "(a: [(b: 1)), c: \")\"],\n)";
        // Without the second `)` at 1:12 the rest closes `(` and `[`.
        assert!(balances(text, at(1, 13), &['(', '[']));
        // Read from that `)`, as if a `]` were missing before it, it does not.
        assert!(!balances(text, at(1, 12), &['(']));
        assert!(!balances("(a: \"open", at(1, 1), &[]));
    }

    #[test]
    fn a_string_open_at_the_stop_and_a_mismatched_bracket() {
        let scan = scan("(a: [1), b: \"open\nstill", at(2, 3));
        assert_eq!(scan.open_string, Some(at(1, 13)));
        assert_eq!(scan.mismatch, Some((('[', at(1, 5)), (')', at(1, 7)))));
    }
}
