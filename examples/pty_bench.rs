//! The pty benchmark: the real release binary in a pseudo-terminal, the way
//! a user over SSH meets it, with `less` measured side by side.
//!
//! ```sh
//! cargo build --release && cargo run --release --example pty_bench
//! ```
//!
//! It reports, as Markdown tables (the figures in the Performance section of README.md):
//! - time from spawn to the first complete frame (the footer's `q quit` on
//!   the last row), for vision-tui and for `less` on the same document as text
//!   (its prompt, with the file name, on screen), alternating runs so both meet
//!   the same machine;
//! - bytes written for the first frame and for each key of a fixed script,
//!   the cells that changed on screen (vt100 screens compared before and
//!   after) and bytes per changed cell, and how long until the last byte;
//! - peak memory (VmHWM from /proc/PID/status, read before quitting).
//!
//! Options: `--bin PATH`, repeatable: the binaries whose first frames are
//! compared (alternating with each other and `less`), the first of which runs
//! the rest (default: `target/x86_64-unknown-linux-gnu/release/vision-tui`,
//! the static build of `cargo static-release`, if it exists, then
//! `target/release/vision-tui`); `--runs N`
//! first-frame runs of each program (default 20), `--quick` (fewer runs, no
//! 10,000 × 10 document), `--first-frame` (only the first frames of the
//! built-in document and `less`), `--no-watch` (open the generated documents
//! without live reload, to tell its cost apart).

#[path = "../benches/support/generate.rs"]
mod generate;
#[path = "../benches/support/proc.rs"]
mod proc;
#[path = "../benches/support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use pty::{Look, Pty, Spawn, last_row_contains};

/// No output for this long after a key means its frame is complete.
const QUIET: Duration = Duration::from_millis(150);
/// How long a key may take to show anything before it counts as "no output".
const FIRST_BYTE: Duration = Duration::from_secs(3);
const PATIENCE: Duration = Duration::from_secs(30);

/// Time from spawn until the first complete frame (the condition the pty was spawned watching).
fn first_frame(pty: &Pty) -> Duration {
    let held = pty
        .wait_held(PATIENCE)
        .unwrap_or_else(|| panic!("no first frame; screen:\n{}", pty.contents()));
    held.at - pty.spawned()
}

/// Waits for output after `since` bytes, then for [`QUIET`]; returns the
/// time of the last byte (`None` when nothing came within [`FIRST_BYTE`]).
fn settle(pty: &Pty, since: usize) -> Option<Instant> {
    pty.settle(since, QUIET, FIRST_BYTE, PATIENCE)
}

/// (VmHWM, VmRSS) in kB.
fn memory(pty: &Pty) -> (u64, u64) {
    let field = |name| proc::status_kb(pty.pid(), name).unwrap_or(0);
    (field("VmHWM"), field("VmRSS"))
}

/// `program` with the terminal and locale every run gets, and none of the
/// variables that would change what it draws.
fn command(program: impl AsRef<std::ffi::OsStr>) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    for var in ["NO_COLOR", "LESS", "LESSOPEN", "LESSCLOSE", "COLORTERM"] {
        cmd.env_remove(var);
    }
    cmd
}

/// Cells whose character or attributes differ between two screens of one size.
fn changed_cells(before: &vt100::Screen, after: &vt100::Screen) -> usize {
    let (rows, cols) = after.size();
    let mut changed = 0;
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            if Look::at(before, row, col) != Look::at(after, row, col) {
                changed += 1;
            }
        }
    }
    changed
}

fn vision(bin: &Path, args: &[&str], size: (u16, u16), home: &Path) -> Pty {
    let mut cmd = command(bin);
    cmd.args(args);
    // No user configuration or themes: the defaults, as shipped.
    cmd.env("XDG_CONFIG_HOME", home);
    cmd.env("HOME", home);
    // The footer is the last row ratatui draws; its quit hint (`q quit`, or
    // `q avsluta` for a Swedish document) means the whole frame is on screen.
    Spawn::new(size.0, size.1)
        .watch(last_row_contains(" q "))
        .run(cmd)
}

fn less(file: &Path, size: (u16, u16)) -> Pty {
    let mut cmd = command("less");
    cmd.arg(file);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    // less shows the file's name in its prompt once the page is drawn.
    Spawn::new(size.0, size.1)
        .watch(move |screen| screen.contents().contains(&name))
        .run(cmd)
}

struct Stats {
    min: f64,
    median: f64,
    max: f64,
}

fn stats(mut ms: Vec<f64>) -> Stats {
    ms.sort_by(f64::total_cmp);
    Stats {
        min: ms[0],
        median: ms[ms.len() / 2],
        max: ms[ms.len() - 1],
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[derive(Default)]
struct Run {
    first_frame: Vec<f64>,
    first_bytes: usize,
    hwm_kb: u64,
}

impl Run {
    /// Adds another run's frames; keeps its bytes and the higher peak.
    fn add(&mut self, other: Run) {
        self.first_frame.extend(other.first_frame);
        self.first_bytes = other.first_bytes;
        self.hwm_kb = self.hwm_kb.max(other.hwm_kb);
    }
}

/// "static" for a binary without a dynamic loader (no `PT_INTERP`: its path
/// would be in the first page), else "dynamic".
fn linking(bin: &Path) -> &'static str {
    let head = std::fs::read(bin).unwrap_or_default();
    let head = &head[..head.len().min(4096)];
    if head.windows(7).any(|w| w == b"ld-linu") {
        "dynamic"
    } else {
        "static"
    }
}

fn first_frames(runs: usize, mut start: impl FnMut() -> Pty, quit: &[u8]) -> Run {
    let mut first_frame = Vec::new();
    let mut first_bytes = 0;
    let mut hwm_kb = 0;
    for _ in 0..runs {
        let mut pty = start();
        first_frame.push(ms(self::first_frame(&pty)));
        settle(&pty, 0);
        first_bytes = pty.bytes();
        hwm_kb = hwm_kb.max(memory(&pty).0);
        pty.send(quit);
        pty.wait_exit(PATIENCE);
    }
    Run {
        first_frame,
        first_bytes,
        hwm_kb,
    }
}

const SCRIPT: &[(&str, &[u8], &str)] = &[
    ("j", b"j", "move selection down"),
    ("k", b"k", "move selection up"),
    ("Tab", b"\t", "switch pane (to goals)"),
    ("j", b"j", "scroll goals one line"),
    ("Tab", b"\t", "switch pane (to list)"),
    ("b", b"b", "open background (mode change)"),
    ("j", b"j", "scroll background one line"),
    ("PgDn", b"\x1b[6~", "scroll background a page"),
    ("Esc", b"\x1b", "close background (mode change)"),
    ("?", b"?", "open help (overlay)"),
    ("Esc", b"\x1b", "close help"),
    ("p", b"p", "start presenting (mode change)"),
    ("→", b"\x1b[C", "next slide"),
    ("→", b"\x1b[C", "next slide"),
    ("←", b"\x1b[D", "previous slide"),
    ("q", b"q", "leave presentation (mode change)"),
];

fn script(bin: &Path, args: &[&str], size: (u16, u16), home: &Path, label: &str) {
    let mut pty = vision(bin, args, size, home);
    let first = first_frame(&pty);
    settle(&pty, 0);
    let first_bytes = pty.bytes();
    let (hwm_first, _) = memory(&pty);
    println!(
        "\n#### Script: {label} at {}×{} (first frame {:.1} ms, {first_bytes} bytes)\n",
        size.0,
        size.1,
        ms(first)
    );
    println!("| key | action | bytes | cells changed | bytes / changed cell | last byte after |");
    println!("| --- | --- | ---: | ---: | ---: | ---: |");
    // Escape alone is ambiguous with the start of a sequence; crossterm
    // decides after a short wait, so keys are sent one at a time.
    for (key, bytes, what) in SCRIPT {
        let before_screen = pty.screen();
        let before = pty.bytes();
        let sent = pty.send(bytes);
        let last = settle(&pty, before);
        let written = pty.bytes() - before;
        let changed = changed_cells(&before_screen, &pty.screen());
        let ratio = if changed == 0 {
            "—".to_string()
        } else {
            format!("{:.2}", written as f64 / changed as f64)
        };
        let latency = last.map_or("no output".to_string(), |t| {
            format!("{:.2} ms", ms(t.saturating_duration_since(sent)))
        });
        println!("| `{key}` | {what} | {written} | {changed} | {ratio} | {latency} |");
    }
    let (hwm, rss) = memory(&pty);
    let before = pty.bytes();
    pty.send(b"q");
    // Returns once the reader has read the last byte.
    pty.wait_exit(PATIENCE);
    println!(
        "| `q` | quit (restore the terminal) | {} | — | — | — |",
        pty.bytes() - before
    );
    println!(
        "\nPeak RSS (VmHWM): {hwm_first} kB after the first frame, {hwm} kB after the script (VmRSS then {rss} kB)."
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut bins = Vec::new();
    let mut runs = 20;
    let mut quick = false;
    let mut first_frame_only = false;
    let mut watch: &[&str] = &[];
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--no-watch" => watch = &["--no-watch"],
            "--bin" => bins.push(PathBuf::from(args.next().expect("--bin PATH"))),
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--quick" => quick = true,
            "--first-frame" => first_frame_only = true,
            other => panic!("unknown option {other}; see the top of examples/pty_bench.rs"),
        }
    }
    if quick {
        runs = runs.min(5);
    }
    if bins.is_empty() {
        let target = concat!(env!("CARGO_MANIFEST_DIR"), "/target");
        let built = [
            format!("{target}/x86_64-unknown-linux-gnu/release/vision-tui"),
            format!("{target}/release/vision-tui"),
        ];
        bins.extend(built.iter().map(PathBuf::from).filter(|p| p.exists()));
    }
    let bins: Vec<PathBuf> = bins
        .iter()
        .map(|bin| {
            bin.canonicalize().unwrap_or_else(|_| {
                eprintln!(
                    "pty_bench: {} not found: build it first with `cargo build --release`",
                    bin.display()
                );
                std::process::exit(2);
            })
        })
        .collect();
    let Some(bin) = bins.first().cloned() else {
        eprintln!("pty_bench: no binary: build it first with `cargo build --release`");
        std::process::exit(2);
    };
    let dir = std::env::temp_dir().join(format!("vision-tui-pty-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();

    // The same document for less: vision-tui's own plain-text export of it.
    let text = std::process::Command::new(&bin)
        .args(["export", "--format", "text"])
        .output()
        .expect("run vision-tui export");
    let text_file = dir.join("vision-2040.txt");
    std::fs::write(&text_file, &text.stdout).unwrap();

    let mut documents = vec![("1000x10", generate::Spec::new(1_000, 10))];
    if !quick {
        documents.push(("10000x10", generate::Spec::new(10_000, 10)));
    }
    let mut files = Vec::new();
    for (name, spec) in &documents {
        let path = dir.join(format!("{name}.ron"));
        std::fs::write(&path, generate::ron(spec)).unwrap();
        files.push((*name, path));
    }

    println!("### pty benchmark\n");
    for bin in &bins {
        let size = std::fs::metadata(bin).map(|m| m.len()).unwrap_or(0);
        println!(
            "Binary: {} ({}, {size} bytes, {:.2} MiB).",
            bin.display(),
            linking(bin),
            size as f64 / 1048576.0
        );
    }
    println!("\n{runs} runs of each program, alternating; the scripts run the first binary.");
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("Machine: Linux {}, {cpus} CPUs.\n", kernel.trim());

    println!("#### First complete frame at 80×24 (spawn → footer / prompt on screen)\n");
    println!("| program | min | median | max | bytes | peak RSS (VmHWM) |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let size80 = (80, 24);
    // One sample per program: each binary, then less, in every round.
    let mut samples: Vec<Run> = (0..=bins.len()).map(|_| Run::default()).collect();
    for _ in 0..runs {
        for (bin, sample) in bins.iter().zip(&mut samples) {
            sample.add(first_frames(1, || vision(bin, &[], size80, &home), b"q"));
        }
        let less_run = first_frames(1, || less(&text_file, size80), b"q");
        samples[bins.len()].add(less_run);
    }
    let row = |name: &str, s: Stats, bytes: usize, hwm: u64| {
        println!(
            "| {name} | {:.2} ms | {:.2} ms | {:.2} ms | {bytes} | {hwm} kB |",
            s.min, s.median, s.max
        );
    };
    let less_frames = samples[bins.len()].first_frame.clone();
    for (i, sample) in samples.iter().enumerate() {
        let name = match bins.get(i) {
            Some(bin) => format!("vision-tui, {} (built-in Vision 2040)", linking(bin)),
            None => "less (the same document as text)".to_owned(),
        };
        row(
            &name,
            stats(sample.first_frame.clone()),
            sample.first_bytes,
            sample.hwm_kb,
        );
    }
    println!();
    for (bin, sample) in bins.iter().zip(&samples) {
        // Rounds run back to back, so a difference within a round is the
        // steadiest comparison on a machine shared with other work.
        let differences: Vec<f64> = sample
            .first_frame
            .iter()
            .zip(&less_frames)
            .map(|(ours, theirs)| ours - theirs)
            .collect();
        let d = stats(differences);
        println!(
            "vision-tui, {} − less, median of the {runs} rounds' differences: {:+.2} ms",
            linking(bin),
            d.median
        );
    }
    println!();
    if first_frame_only {
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    for (name, path) in &files {
        let args = [&[path.to_str().unwrap()], watch].concat();
        let big_runs = runs.clamp(1, 5);
        let run = first_frames(big_runs, || vision(&bin, &args, size80, &home), b"q");
        row(
            &format!("vision-tui {name}.ron ({big_runs} runs)"),
            stats(run.first_frame),
            run.first_bytes,
            run.hwm_kb,
        );
    }

    script(&bin, &[], (80, 24), &home, "built-in Vision 2040");
    script(&bin, &[], (200, 60), &home, "built-in Vision 2040");
    if let Some((name, path)) = files.last() {
        let args = [&[path.to_str().unwrap()], watch].concat();
        let label = format!(
            "{name}.ron{}",
            if watch.is_empty() { "" } else { " --no-watch" }
        );
        script(&bin, &args, (200, 60), &home, &label);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
