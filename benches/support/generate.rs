//! Generates vision documents of any size, as RON text, for the benchmarks
//! (`benches/vision.rs`), the pty benchmark and `examples/gen_document.rs`, and
//! the scale tests (`tests/it/scale.rs`). Big documents are made, not committed.
//!
//! Output is deterministic for a [`Spec`] (its own tiny PRNG, no dependencies),
//! always valid (unique ids and goal numbers, every goal names an existing
//! area, no empty text) and deliberately awkward: Swedish letters, wide CJK
//! and Hangul, words longer than any pane, escapes that must be quoted, and
//! goals listed round-robin rather than grouped by area.
#![allow(
    dead_code,
    reason = "included by #[path] into several crates, each using a different part"
)]

use std::fmt::Write as _;

/// What kind of text fills the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Mostly Swedish words, some wide CJK, some words longer than a pane.
    Mixed,
    /// Swedish words only (å ä ö Å Ä Ö).
    Swedish,
    /// Only wide (double-width) CJK and Hangul words.
    Cjk,
    /// Only unbroken words of 40–100 letters.
    LongWords,
}

/// The shape of a generated document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Number of focus areas.
    pub areas: usize,
    /// Goals per focus area (none when there are no areas).
    pub goals_per_area: usize,
    /// Seed of the generator: the same spec gives the same document.
    pub seed: u64,
    /// What the text is made of.
    pub style: Style,
    /// Words in an ordinary goal text; statements and descriptions scale with it.
    pub words: usize,
    /// Every `huge_every`-th goal gets a text of about `huge_words` words (0: never).
    pub huge_every: usize,
    /// Words in a huge text.
    pub huge_words: usize,
}

impl Spec {
    /// `areas` × `goals_per_area` of mixed text: the benchmark documents.
    pub fn new(areas: usize, goals_per_area: usize) -> Self {
        Self {
            areas,
            goals_per_area,
            seed: 2040,
            style: Style::Mixed,
            words: 6,
            huge_every: 997,
            huge_words: 300,
        }
    }
}

const SWEDISH: &[&str] = &[
    "Alingsås",
    "växer",
    "genom",
    "att",
    "stärka",
    "och",
    "uppmuntra",
    "arbetsliv",
    "näringsliv",
    "föreningsliv",
    "hållbar",
    "utveckling",
    "livskvalitet",
    "för",
    "alla",
    "Västsveriges",
    "vackraste",
    "kulturstad",
    "tillgänglighet",
    "engagemang",
    "nytänkande",
    "ökad",
    "trygghet",
    "äldreomsorg",
    "öppna",
    "mötesplatser",
    "ÅÄÖ",
    "i",
    "en",
    "levande",
    "bygd",
    "Öresund",
    "Ängelholm",
];

const CJK: &[&str] = &[
    "漢字",
    "文化",
    "持続可能な発展",
    "地域社会",
    "生活の質",
    "すべての人",
    "未来",
    "교육",
    "환경",
    "市民参加",
    "緑の都市",
];

const STEMS: &[&str] = &[
    "samhälls",
    "byggnads",
    "förvaltnings",
    "utvecklings",
    "projekt",
    "samordnings",
    "överenskommelse",
    "kultur",
    "miljö",
    "ÅÄÖ",
];

/// xorshift64*: small, fast, good enough to vary text.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

/// One unbroken word of 40–100 letters.
fn long_word(rng: &mut Rng) -> String {
    let target = 40 + rng.below(61);
    let mut word = String::new();
    while word.chars().count() < target {
        word.push_str(rng.pick(STEMS));
    }
    word
}

/// `words` words of text in `style`.
fn text(rng: &mut Rng, style: Style, words: usize) -> String {
    let words = words.max(1);
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        match style {
            Style::Swedish => out.push_str(rng.pick(SWEDISH)),
            Style::Cjk => out.push_str(rng.pick(CJK)),
            Style::LongWords => out.push_str(&long_word(rng)),
            Style::Mixed => match rng.below(40) {
                0..=5 => out.push_str(rng.pick(CJK)),
                6 => out.push_str(&long_word(rng)),
                _ => out.push_str(rng.pick(SWEDISH)),
            },
        }
    }
    out
}

/// `text` as a RON string literal.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The document for `spec`, as RON text that `vision_tui::document::load::parse` accepts.
pub fn ron(spec: &Spec) -> String {
    let mut rng = Rng::new(spec.seed);
    let style = spec.style;
    let w = spec.words.max(1);
    let mut out = String::with_capacity(64 + spec.areas * (120 + spec.goals_per_area * 110));
    let s = &mut out;
    let _ = writeln!(
        s,
        "// Generated by vision-tui's document generator: {spec:?}"
    );
    s.push_str("Document(\n    language: \"sv\",\n");
    let _ = writeln!(
        s,
        "    organisation: {},",
        quoted(&format!("Generated kommun {}", text(&mut rng, style, 2)))
    );
    let _ = writeln!(
        s,
        "    title: {},",
        quoted(&format!("Vision {} × {}", spec.areas, spec.goals_per_area))
    );
    let _ = writeln!(
        s,
        "    statement: {},",
        quoted(&format!(
            "\"Quoted\" \\ {}",
            text(&mut rng, style, 2 * w + 4)
        ))
    );
    s.push_str("    adoption: (text: \"Antogs av kommunfullmäktige den 28 mars 2018.\", by: \"kommunfullmäktige\", date: \"2018-03-28\"),\n");
    s.push_str("    revised: (text: \"Texten uppdaterad 2021-01-11\", date: \"2021-01-11\"),\n");
    let _ = writeln!(
        s,
        "    background: [(heading: {}, paragraphs: [{}, {}])],",
        quoted(&text(&mut rng, style, 3)),
        quoted(&text(&mut rng, style, 8 * w)),
        quoted(&text(&mut rng, style, 4 * w)),
    );
    let _ = writeln!(
        s,
        "    focus_areas_intro: {},",
        quoted(&text(&mut rng, style, 2 * w))
    );
    s.push_str("    focus_areas: [\n");
    for i in 0..spec.areas {
        let _ = write!(
            s,
            "    (id: \"a{i}\", name: {}",
            quoted(&format!("{} {}", text(&mut rng, style, 2), i + 1))
        );
        if i % 3 == 0 {
            let _ = write!(
                s,
                ", description: {}",
                quoted(&text(&mut rng, style, 2 * w))
            );
        }
        if i % 7 == 0 {
            let _ = write!(s, ", notes: {}", quoted(&text(&mut rng, style, w)));
        }
        if i % 11 == 0 {
            let _ = write!(
                s,
                ", links: [(title: \"Läs mer\", url: \"https://example.org/a{i}\")]"
            );
        }
        s.push_str("),\n");
    }
    s.push_str("    ],\n    plan_period: (start: 2021, end: 2023),\n");
    let _ = writeln!(s, "    goals_intro: {},", quoted(&text(&mut rng, style, w)));
    s.push_str("    goals: [\n");
    let goals = if spec.areas == 0 {
        0
    } else {
        spec.areas * spec.goals_per_area
    };
    for g in 0..goals {
        // Round-robin: an area's goals are spread over the whole list.
        let area = g % spec.areas;
        let words = if spec.huge_every > 0 && g % spec.huge_every == spec.huge_every - 1 {
            spec.huge_words
        } else {
            w / 2 + rng.below(w + 1)
        };
        let _ = write!(
            s,
            "    (number: {}, focus_area: \"a{area}\", text: {}",
            g + 1,
            quoted(&text(&mut rng, style, words))
        );
        if g % 13 == 0 {
            s.push_str(", plan_period: (start: 2024, end: 2027)");
        }
        if g % 17 == 0 {
            let _ = write!(s, ", notes: {}", quoted(&text(&mut rng, style, w)));
        }
        s.push_str("),\n");
    }
    s.push_str("    ],\n");
    s.push_str(
        "    references: [(text: \"Läs mer om visionen\", url: \"https://example.org/vision\")],\n",
    );
    s.push_str(")\n");
    out
}
