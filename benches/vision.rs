//! The criterion benchmarks (`cargo bench`; one group: `cargo bench -- render/`).
//!
//! - `load/*`: bytes → parsed, normalised and validated `Document`: the embedded
//!   Vision 2040 and generated documents of 1,000 × 10 and 10,000 × 10.
//! - `render/*`: one frame of the browser's main screen into a `TestBackend`
//!   (build every widget, then diff against the previous frame).
//! - `update/*`: `update` for each navigation action, from a fixed start state.
//! - `keystroke/*`: what a key press costs the real app: `update`, then `draw`
//!   through ratatui's `CrosstermBackend` into memory (render, diff and the
//!   escape sequences), alternating two keys so every frame changes.
//!
//! Documents: `builtin` (5 areas, 5 goals), `1000x10` and `10000x10` from the
//! generator in `benches/support/generate.rs`. See the Performance section of README.md.

#[path = "support/drive.rs"]
mod drive;
#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};
use vision_tui::app::{Action, Mode, State, update};
use vision_tui::document::model::Document;
use vision_tui::document::{SharedDocument, load};
use vision_tui::ui;

use drive::state;

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

struct Docs {
    big_1k: String,
    big_10k: String,
}

impl Docs {
    fn new() -> Self {
        Self {
            big_1k: generate::ron(&generate::Spec::new(1_000, 10)),
            big_10k: generate::ron(&generate::Spec::new(10_000, 10)),
        }
    }

    /// (name, parsed document) for every benchmark document.
    fn parsed(&self) -> Vec<(&'static str, Document)> {
        vec![
            ("builtin", load::builtin()),
            ("1000x10", parse(&self.big_1k)),
            ("10000x10", parse(&self.big_10k)),
        ]
    }
}

fn parse(text: &str) -> Document {
    load::parse("generated.ron", text.as_bytes()).expect("generated documents are valid")
}

fn load_benches(c: &mut Criterion, docs: &Docs) {
    let mut group = c.benchmark_group("load");
    group.bench_function("builtin", |b| {
        b.iter(|| {
            load::parse(
                load::BUILTIN_NAME,
                black_box(load::BUILTIN_SOURCE.as_bytes()),
            )
        })
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for (name, text) in [("1000x10", &docs.big_1k), ("10000x10", &docs.big_10k)] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || (),
                |()| load::parse("generated.ron", black_box(text.as_bytes())),
                // The result (and its drop) is outside the timing, as when the app keeps it.
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

/// What showing a loaded document costs before the first frame: the app's
/// state (a large document's texts folded for search) and its first layout.
fn open_benches(c: &mut Criterion, docs: &[(&'static str, Document)]) {
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    for (name, document) in docs {
        group.bench_function(*name, |b| {
            b.iter_batched(
                || document.clone(),
                |document| state(black_box(document), (200, 60)),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn render_benches(c: &mut Criterion, docs: &[(&'static str, Document)]) {
    let mut group = c.benchmark_group("render");
    for (name, document) in docs {
        for size in SIZES {
            let state = state(document.clone(), size);
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
            terminal.draw(|frame| ui::view(&state, frame)).unwrap();
            group.bench_function(format!("browser/{name}/{}x{}", size.0, size.1), |b| {
                b.iter(|| {
                    terminal
                        .draw(|frame| ui::view(black_box(&state), frame))
                        .unwrap();
                })
            });
        }
    }
    group.finish();
}

/// The parts of `State` that navigation changes, to reset between iterations
/// without cloning the document.
#[derive(Clone)]
struct Nav {
    mode: Mode,
    selected: usize,
    list_offset: usize,
    detail_scroll: usize,
    background_scroll: vision_tui::app::BlockLine,
    help_scroll: usize,
    topic: usize,
    part: usize,
    deck: vision_tui::layout::slides::Deck,
    overview_pick: usize,
    search: vision_tui::app::Search,
}

impl Nav {
    fn of(s: &State) -> Self {
        Self {
            mode: s.mode,
            selected: s.selected,
            list_offset: s.list_offset,
            detail_scroll: s.detail_scroll,
            background_scroll: s.background_scroll,
            help_scroll: s.help_scroll,
            topic: s.presentation.topic,
            part: s.presentation.part,
            deck: s.presentation.deck.clone(),
            overview_pick: s.presentation.overview_pick,
            search: s.search.clone(),
        }
    }

    fn restore(&self, s: &mut State) {
        s.mode = self.mode;
        s.selected = self.selected;
        s.list_offset = self.list_offset;
        s.detail_scroll = self.detail_scroll;
        s.background_scroll = self.background_scroll;
        s.help_scroll = self.help_scroll;
        s.presentation.topic = self.topic;
        s.presentation.part = self.part;
        s.presentation.deck.clone_from(&self.deck);
        s.presentation.overview_pick = self.overview_pick;
        s.search.clone_from(&self.search);
        s.anchor_goal = None;
        s.message = None;
    }
}

/// A state showing `document` at `size`, after the actions `how`.
fn state_after(document: Arc<SharedDocument>, size: (u16, u16), how: &[Action]) -> State {
    let mut state = state(document, size);
    for &action in how {
        update(&mut state, action);
    }
    state
}

fn update_benches(c: &mut Criterion, docs: &[(&'static str, Document)]) {
    use Action::*;
    let list: &[Action] = &[JumpToFocusArea(3)];
    let detail: &[Action] = &[JumpToFocusArea(3), FocusDetail];
    let help: &[Action] = &[ToggleHelp];
    let background: &[Action] = &[ToggleBackground];
    let present: &[Action] = &[JumpToFocusArea(3), StartPresentation, NextSlide];
    let search: &[Action] = &[StartSearch];
    // A second search: the texts were folded for the first.
    let again: &[Action] = &[StartSearch, SearchType('k'), Back, StartSearch];
    let kultu: &[Action] = &[
        StartSearch,
        SearchType('k'),
        SearchType('u'),
        SearchType('l'),
        SearchType('t'),
        SearchType('u'),
    ];
    let cases: &[(&str, &[Action], Action)] = &[
        ("list/MoveDown", list, MoveDown),
        ("list/MoveUp", list, MoveUp),
        ("list/MoveToTop", list, MoveToTop),
        ("list/MoveToBottom", list, MoveToBottom),
        ("list/PageDown", list, PageDown),
        ("list/PageUp", list, PageUp),
        ("list/HalfPageDown", list, HalfPageDown),
        ("list/HalfPageUp", list, HalfPageUp),
        ("list/JumpToFocusArea", list, JumpToFocusArea(5)),
        ("list/NextPane", list, NextPane),
        ("list/PreviousPane", list, PreviousPane),
        ("list/FocusDetail", list, FocusDetail),
        ("detail/FocusList", detail, FocusList),
        ("detail/Back", detail, Back),
        ("detail/MoveDown", detail, MoveDown),
        ("detail/PageDown", detail, PageDown),
        ("list/ToggleHelp", list, ToggleHelp),
        ("help/ToggleHelp", help, ToggleHelp),
        ("help/MoveDown", help, MoveDown),
        ("list/ToggleBackground", list, ToggleBackground),
        ("background/MoveDown", background, MoveDown),
        ("background/MoveToBottom", background, MoveToBottom),
        ("background/Back", background, Back),
        ("present/NextSlide", present, NextSlide),
        ("present/PreviousSlide", present, PreviousSlide),
        ("present/ToggleOverview", present, ToggleOverview),
        ("present/ClosePresentation", present, ClosePresentation),
        ("list/StartPresentation", list, StartPresentation),
        // The first letter folds every text of the document, once.
        ("search/type-first-letter", search, SearchType('k')),
        // Later, a letter found nowhere: the index alone says so.
        (
            "search/again/type-letter-found-nowhere",
            again,
            SearchType('#'),
        ),
        ("search/again/type-first-letter", again, SearchType('k')),
        // A wide letter is three bytes: the index narrows, memmem confirms.
        ("search/again/type-wide-letter", again, SearchType('化')),
        // "kultu" + "r": only the areas "kultu" found, from where it matched.
        ("search/type-sixth-letter", kultu, SearchType('r')),
        ("search/backspace", kultu, SearchBackspace),
    ];
    let mut group = c.benchmark_group("update");
    for (name, document) in docs {
        // One copy of the document per name, moved from state to state.
        let mut document = Some(SharedDocument::new(document.clone()));
        for (case, how, action) in cases {
            let mut state = state_after(document.take().unwrap(), (200, 60), how);
            let nav = Nav::of(&state);
            group.bench_function(format!("{name}/{case}"), |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        nav.restore(&mut state);
                        let started = Instant::now();
                        update(black_box(&mut state), black_box(*action));
                        total += started.elapsed();
                    }
                    total
                })
            });
            document = Some(state.document);
        }
    }
    group.finish();
}

/// A writer that keeps only the count of bytes, so memory stays flat.
#[derive(Default)]
struct Count(usize);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn keystroke_benches(c: &mut Criterion, docs: &[(&'static str, Document)]) {
    use Action::*;
    let mut group = c.benchmark_group("keystroke");
    // (case, start path, the two keys that alternate)
    let cases: &[(&str, &[Action], [Action; 2])] = &[
        ("list-j-k", &[JumpToFocusArea(3)], [MoveDown, MoveUp]),
        ("tab", &[JumpToFocusArea(3)], [NextPane, PreviousPane]),
        ("background-j-k", &[ToggleBackground], [MoveDown, MoveUp]),
        ("help-open-close", &[], [ToggleHelp, ToggleHelp]),
        (
            "slide-next-prev",
            &[JumpToFocusArea(3), StartPresentation],
            [NextSlide, PreviousSlide],
        ),
    ];
    for (name, document) in docs {
        let mut document = Some(SharedDocument::new(document.clone()));
        for size in SIZES {
            for (case, how, keys) in cases {
                let mut state = state_after(document.take().unwrap(), size, how);
                let viewport = Viewport::Fixed(Rect::new(0, 0, size.0, size.1));
                let mut terminal = Terminal::with_options(
                    CrosstermBackend::new(Count::default()),
                    TerminalOptions { viewport },
                )
                .unwrap();
                terminal.draw(|frame| ui::view(&state, frame)).unwrap();
                let mut flip = 0;
                group.bench_function(format!("{case}/{name}/{}x{}", size.0, size.1), |b| {
                    b.iter(|| {
                        update(&mut state, keys[flip]);
                        flip = 1 - flip;
                        terminal
                            .draw(|frame| ui::view(black_box(&state), frame))
                            .unwrap();
                    })
                });
                document = Some(state.document);
            }
        }
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    let docs = Docs::new();
    load_benches(c, &docs);
    let parsed = docs.parsed();
    drop(docs);
    open_benches(c, &parsed);
    render_benches(c, &parsed);
    update_benches(c, &parsed);
    keystroke_benches(c, &parsed);
}

criterion_group! {
    name = vision;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = benches
}
criterion_main!(vision);
