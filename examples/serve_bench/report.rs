//! The figures of every target side by side, as a Markdown table.

use super::measure::Figures;

/// The `q`-quantile of `values` by nearest rank (p50 is the median, p99 the
/// value 99% of the samples are at or below).
fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn kb(kb: f64) -> String {
    format!("{kb:.0} kB ({:.2} MiB)", kb / 1024.0)
}

/// A row's cell for each target; `None` (not measured) shows as a dash.
type Cell = fn(&Figures) -> String;

const ROWS: &[(&str, Cell)] = &[
    ("server memory per session (PSS)", |f| {
        kb((f.open.pss as f64 - f.idle.pss as f64) / f.sessions as f64)
    }),
    ("server memory per session (private pages)", |f| {
        kb((f.open.private as f64 - f.idle.private as f64) / f.sessions as f64)
    }),
    ("server memory, idle → all sessions open (PSS)", |f| {
        format!("{} kB → {} kB", f.idle.pss, f.open.pss)
    }),
    ("server processes, idle → all sessions open", |f| {
        format!("{} → {}", f.idle_processes, f.open_processes)
    }),
    ("connect → first frame, median", |f| {
        ms(quantile(&f.connect, 0.5))
    }),
    ("connect → first frame, p99", |f| {
        ms(quantile(&f.connect, 0.99))
    }),
    ("keystroke → frame, one session at a time, median", |f| {
        ms(quantile(&f.keys_one, 0.5))
    }),
    ("keystroke → frame, one session at a time, p99", |f| {
        ms(quantile(&f.keys_one, 0.99))
    }),
    ("keystroke → frame, all sessions at once, median", |f| {
        ms(quantile(&f.keys_all, 0.5))
    }),
    ("keystroke → frame, all sessions at once, p99", |f| {
        ms(quantile(&f.keys_all, 0.99))
    }),
    ("server CPU per session, whole run", |f| {
        ms(f.cpu.total.server / f.sessions as f64)
    }),
    ("server CPU per connection (login to first frame)", |f| {
        ms(f.cpu.connect.server / f.sessions as f64)
    }),
    ("server CPU while idle, per session", |f| {
        format!("{} per second", us(f.cpu.idle_rate() / f.sessions as f64))
    }),
    (
        "server CPU per keystroke beyond idle, one session at a time",
        |f| us(f.cpu.beyond_idle(&f.cpu.keys_one) / f.keys_one.len() as f64),
    ),
    (
        "server CPU per keystroke beyond idle, all sessions at once",
        |f| us(f.cpu.beyond_idle(&f.cpu.keys_all) / f.keys_all.len() as f64),
    ),
    (
        "clients' CPU (ssh + this benchmark) per keystroke, all at once",
        |f| us(f.cpu.keys_all.clients / f.keys_all.len() as f64),
    ),
    ("… of which this benchmark (its screen readers)", |f| {
        us(f.cpu.keys_all.harness / f.keys_all.len() as f64)
    }),
    (
        "client that does not read: server memory growth (PSS)",
        |f| format!("{:+} kB ({} resizes)", f.stall.growth_kb, f.stall.resizes),
    ),
    ("client that does not read: bytes held back", |f| {
        format!("{}", f.stall.held_back)
    }),
    (
        "client that does not read: reading again → screen right",
        |f| ms(f.stall.catch_up.as_secs_f64() * 1000.0),
    ),
    ("server CPU with the client that does not read", |f| {
        ms(f.cpu.stall.server)
    }),
    ("load average (1, 5, 15 min) before → after", |f| {
        format!("{} → {}", f.load.0, f.load.1)
    }),
    (
        "the machine's speed: a fixed piece of work, before → after",
        |f| format!("{:.0} → {:.0} ms", f.reference.0, f.reference.1),
    ),
];

fn ms(ms: f64) -> String {
    format!("{ms:.2} ms")
}

fn us(ms: f64) -> String {
    format!("{:.0} µs", ms * 1000.0)
}

/// Prints the table: one column per target, in order.
pub fn table(sessions: usize, columns: &[(&str, Option<Figures>)]) {
    print!("| {sessions} sessions |");
    for (name, _) in columns {
        print!(" {name} |");
    }
    print!("\n| --- |");
    for _ in columns {
        print!(" ---: |");
    }
    println!();
    for (label, cell) in ROWS {
        print!("| {label} |");
        for (_, figures) in columns {
            match figures {
                Some(figures) => print!(" {} |", cell(figures)),
                None => print!(" — |"),
            }
        }
        println!();
    }
}

/// Appends every keystroke's time to `path`: `server phase round session ms`
/// (phase `one`: round is the key's number within its session; `all`: the
/// round in which every session sent one).
pub fn latencies(path: &std::path::Path, server: &str, figures: &Figures) {
    use std::fmt::Write as _;
    let mut text = String::new();
    let sessions = figures.sessions.max(1);
    for (phase, keys, per_session) in [
        ("one", &figures.keys_one, true),
        ("all", &figures.keys_all, false),
    ] {
        for (n, ms) in keys.iter().enumerate() {
            let (round, session) = if per_session {
                (
                    n % (keys.len() / sessions).max(1),
                    n / (keys.len() / sessions).max(1),
                )
            } else {
                (n / sessions, n % sessions)
            };
            let _ = writeln!(text, "{server} {phase} {round} {session} {ms:.3}");
        }
    }
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()));
    if let Err(err) = written {
        eprintln!("serve_bench: {}: {err}", path.display());
    }
}
