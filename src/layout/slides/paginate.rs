//! Packing a topic's blocks of lines into slides: as few as keeping blocks
//! whole allows, filled evenly.

use std::ops::Range;

use super::{Role, SlideLine};

/// What one run of a slide's body shows, by the letters of the topic's
/// block it holds, so that the same part can be found again in the topic
/// laid out for another width (the speaker view's preview of the next
/// slide): wrapping moves only spaces, so a block has the same letters at
/// any width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    /// The block's index among the topic's blocks.
    pub block: usize,
    /// Its letters on the slide, counted from the block's first, as [`letters`] counts.
    pub letters: Range<usize>,
}

/// The letters of `text`: its characters but for spaces, the same however
/// the text is wrapped.
pub(super) fn letters(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// One slide's body: its lines, and the runs of blocks they are, in order,
/// a blank line between each two.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Page {
    pub lines: Vec<SlideLine>,
    pub runs: Vec<Run>,
}

/// A run of lines that goes on one page: a whole block, or a part of a
/// block too long for any page.
struct PageRun {
    lines: Vec<SlideLine>,
    run: Run,
    /// A later part of a split block: it starts a page, with no gap before.
    continued: bool,
}

/// Packs blocks of lines into pages of at most `rows` lines, a blank line
/// between blocks, as evenly as the blocks allow: as few pages as keeping
/// blocks whole permits, and of those the packing whose fullest page is
/// least full, so a topic does not leave one block alone on its last page.
/// A block longer than a page is split into near-equal parts, so no part is
/// a lone line.
pub(super) fn paginate(blocks: Vec<Vec<SlideLine>>, rows: usize) -> Vec<Page> {
    let rows = rows.max(1);
    let mut runs: Vec<PageRun> = Vec::new();
    for (index, block) in blocks.into_iter().enumerate() {
        if block.is_empty() {
            continue;
        }
        let parts = block.len().div_ceil(rows);
        let (small, larger) = (block.len() / parts, block.len() % parts);
        let mut lines = block.into_iter();
        let mut start = 0;
        for part in 0..parts {
            let take = small + usize::from(part < larger);
            let lines: Vec<SlideLine> = lines.by_ref().take(take).collect();
            let end = start + lines.iter().map(|l| letters(&l.text)).sum::<usize>();
            runs.push(PageRun {
                lines,
                run: Run {
                    block: index,
                    letters: start..end,
                },
                continued: part > 0,
            });
            start = end;
        }
    }
    let fewest = pack(&runs, rows).len();
    let longest_run = runs.iter().map(|r| r.lines.len()).max().unwrap_or(0);
    let capacity = (longest_run.max(1)..rows)
        .find(|&capacity| pack(&runs, capacity).len() <= fewest)
        .unwrap_or(rows);
    let sizes = pack(&runs, capacity);
    let mut runs = runs.into_iter();
    let mut pages: Vec<Page> = sizes
        .into_iter()
        .map(|count| {
            let mut page = Page::default();
            for run in runs.by_ref().take(count) {
                if !page.lines.is_empty() {
                    page.lines.push(SlideLine {
                        text: String::new(),
                        role: Role::Text,
                    });
                }
                page.lines.extend(run.lines);
                page.runs.push(run.run);
            }
            page
        })
        .collect();
    if pages.is_empty() {
        pages.push(Page::default());
    }
    pages
}

/// How many runs go on each page when pages hold `capacity` lines: each
/// page takes runs while they fit (a blank line before each but the first),
/// and a continued run starts a new page.
fn pack(runs: &[PageRun], capacity: usize) -> Vec<usize> {
    let mut pages = Vec::new();
    let (mut count, mut used) = (0, 0);
    for run in runs {
        let needed = run.lines.len() + usize::from(count > 0);
        if count > 0 && (run.continued || used + needed > capacity) {
            pages.push(count);
            (count, used) = (0, 0);
        }
        used += run.lines.len() + usize::from(count > 0);
        count += 1;
    }
    if count > 0 {
        pages.push(count);
    }
    pages
}
