//! The serve load benchmark: `vision-tui serve` against what a system
//! administrator would set up instead, OpenSSH's sshd with
//! `ForceCommand vision-tui`, side by side in one run, each on loopback with
//! 100 sessions of the real `ssh` client, each client in its own pty.
//!
//! ```sh
//! apt-get install openssh-server openssh-client   # sshd, ssh, ssh-keygen
//! cargo build --release --bins --example serve_bench
//! sudo target/release/examples/serve_bench > serve-bench.md
//! ```
//!
//! It runs as root (sshd switches to the user who logs in), and makes for the
//! run, under a folder in the temp dir, and removes after it, on every way
//! out but SIGKILL: host keys and a client key (Ed25519, ssh-keygen); for
//! sshd, a user `vtbench<PID>` (useradd, userdel), a copy of the binary it
//! can run, its own configuration (127.0.0.1 only, that user only, by key
//! only, no forwarding; checked with `sshd -T` before it starts) and
//! /run/sshd if missing. After a SIGKILL: `userdel vtbench<PID>` and delete
//! `$TMPDIR/vision-tui-serve-bench-<PID>`; the next run names leftover users.
//! Without sshd, or not as root, it says why and measures serve alone; with
//! a binary that has no `serve` subcommand, it says so and measures sshd
//! alone (such a binary takes `serve` for a document and shows its main
//! help: the subcommand is there when `vision-tui serve --help` succeeds and
//! names `--listen`).
//!
//! The servers: `sshd -D -e -f CONFIG` with `ForceCommand <bin>` (the user's
//! shell runs it, as for any ForceCommand), and
//! `<bin> serve --listen 127.0.0.1:PORT --host-key KEY --max-sessions N
//! --max-per-minute 10000` (every client comes from 127.0.0.1 within a
//! minute, which the default limits are there to stop). The clients:
//! `ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
//! -o LogLevel=ERROR -o BatchMode=yes -i KEY -t -p PORT USER@127.0.0.1` in an
//! 80×24 pty read into a vt100 screen, `TERM=xterm-256color`, no locale.
//! One target runs at a time; the other is not started yet or stopped already.
//!
//! What each figure means (a Markdown table, one column per server):
//! - server memory per session: the proportional set size (PSS, from
//!   /proc/PID/smaps_rollup) summed over the server's processes — the
//!   listening process and every descendant: for sshd each session's
//!   privileged monitor, its unprivileged process, the shell and vision-tui —
//!   with every session open and idle for 5 s, minus the same before the
//!   first session, divided by the sessions. PSS charges each shared page to
//!   the processes mapping it in equal parts, including processes outside the
//!   server (the `ssh` clients share libc and libcrypto with sshd), so the
//!   private pages (mapped by one process only) are shown too. Kernel memory
//!   (sockets, ptys, page tables) is in neither.
//! - connect → first frame: from spawning `ssh` until vision-tui's footer
//!   (its `q` quit hint on the last row, the last thing a frame draws) is on
//!   that client's screen: the built-in document. Sessions connect one after
//!   another, each with all the earlier ones still open; median and p99.
//! - keystroke → frame: `j` and `k` in turn; from writing the key into the
//!   client's pty until that client's screen is exactly the screen the key
//!   leads to (text and colours, learnt from the first session). First each
//!   session in turn sends `--keys` keys, one at a time, while the others
//!   idle; then `--rounds` rounds in which every session sends a key at the
//!   same moment (each timed from its own send). Median and p99 over all keys.
//!   The keys of one round are answered one after another on the same CPUs,
//!   so the last of them waits about as long as the whole round: a round is
//!   one observation of the slow end, not a hundred. 100 rounds make the p99
//!   the slowest hundred of 10,000 keys; with 20 it was the slowest 20 of
//!   2,000, often all from the one round in which the VM's host was busy.
//! - server CPU: time on a CPU of the server's processes
//!   (/proc/PID/task/*/schedstat, to the nanosecond; utime + stime from
//!   /proc/PID/stat where the kernel keeps no schedstat), plus that of their
//!   children that have exited (cutime + cstime), per phase: over the whole
//!   run per session; connecting, per session; the 5 s with every session
//!   idle, per session and second (a server that wakes up while nobody types
//!   pays this all day); per keystroke, minus what the idle sessions use over
//!   the same time. Next to it, the CPU of the `ssh` clients and this
//!   benchmark (whose readers parse every screen) per keystroke with all
//!   sessions typing: both share the machine with the server, so it is what
//!   the measuring side takes from it.
//! - a client that does not read: one session's pty stops being read while
//!   its terminal is resized `--resizes` times (every 4 ms, cycling through
//!   sizes from 100×30 to 200×60, then back to 80×24), each a full frame for
//!   the server to send; `ssh` itself keeps running and buffers what it can
//!   (up to its channel window), then the server has to hold the rest or stop
//!   drawing. Reported: the server's highest PSS meanwhile (sampled every
//!   100 ms, and for a second after) minus before; the bytes that reached the
//!   client once it read again; and the time from reading again until its
//!   screen was right.
//! - load average: /proc/loadavg before and after each target: on a busy
//!   machine every latency is longer, and sshd's and serve's columns are
//!   only comparable when the load was alike.
//! - the machine's speed: how long one CPU takes for a fixed chain of 100
//!   million multiply-adds, before and after each target. On a VM whose host
//!   is shared, the same run can cost half as much CPU again as the run
//!   before it with no load inside the VM to show why; this says whether the
//!   machine itself was slower (136–176 ms in the runs of 2026-11-30).
//!
//! Options: `--bin PATH` (default `target/release/vision-tui`),
//! `--sessions N` (default 100), `--keys N` keys per session one at a time
//! (default 10), `--rounds N` of all sessions at once (default 100),
//! `--resizes N` (default 1000), `--only sshd|serve`, `--latencies FILE`
//! (appends every keystroke's time as `server phase round session ms`
//! lines, for a look at the distribution behind the median and p99).

#[path = "serve_bench/cleanup.rs"]
mod cleanup;
#[path = "serve_bench/client.rs"]
mod client;
#[path = "serve_bench/measure.rs"]
mod measure;
#[path = "../benches/support/proc.rs"]
mod proc;
#[path = "../benches/support/pty.rs"]
mod pty;
#[path = "serve_bench/report.rs"]
mod report;
#[path = "serve_bench/serve.rs"]
mod serve;
#[path = "serve_bench/server.rs"]
mod server;
#[path = "serve_bench/sshd.rs"]
mod sshd;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use measure::{Figures, Plan};
use server::Target;

struct Options {
    bin: PathBuf,
    plan: Plan,
    only: Option<String>,
    latencies: Option<PathBuf>,
}

fn usage(problem: &str) -> ! {
    eprintln!("serve_bench: {problem}; see the top of examples/serve_bench.rs");
    std::process::exit(2);
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        bin: PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/target/release/vision-tui"
        )),
        plan: Plan {
            sessions: 100,
            keys_each: 10,
            rounds: 100,
            resizes: 1000,
        },
        only: None,
        latencies: None,
    };
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> usize {
            args.next()
                .and_then(|n| n.parse().ok())
                .filter(|&n| n > 0)
                .unwrap_or_else(|| usage(&format!("{name} takes a number above 0")))
        };
        match arg.as_str() {
            "--sessions" => options.plan.sessions = number("--sessions"),
            "--keys" => options.plan.keys_each = number("--keys"),
            "--rounds" => options.plan.rounds = number("--rounds"),
            "--resizes" => options.plan.resizes = number("--resizes"),
            "--bin" => {
                options.bin = args
                    .next()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| usage("--bin takes a path"));
            }
            "--latencies" => {
                options.latencies = Some(
                    args.next()
                        .map(PathBuf::from)
                        .unwrap_or_else(|| usage("--latencies takes a path")),
                );
            }
            "--only" => match args.next().as_deref() {
                Some(which @ ("sshd" | "serve")) => options.only = Some(which.to_owned()),
                _ => usage("--only takes sshd or serve"),
            },
            other => usage(&format!("unknown option {other}")),
        }
    }
    options
}

fn main() {
    let options = options();
    cleanup::on_signals();
    let bin = options.bin.canonicalize().unwrap_or_else(|_| {
        usage(&format!(
            "{} not found: build it first with `cargo build --release`",
            options.bin.display()
        ))
    });
    let ssh = server::which("ssh").unwrap_or_else(|| {
        usage("ssh not found: install it with `apt-get install openssh-client`")
    });
    if server::which("ssh-keygen").is_none() {
        usage("ssh-keygen not found: install it with `apt-get install openssh-client`");
    }
    for user in sshd::leftover_users() {
        eprintln!(
            "serve_bench: the user {user} is left from a run that was killed: `userdel {user}`"
        );
    }
    let (dir, _remove_dir) = cleanup::guard("delete the run's files", || {
        let dir =
            std::env::temp_dir().join(format!("vision-tui-serve-bench-{}", std::process::id()));
        std::fs::create_dir(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
        let remove_dir = dir.clone();
        let remove: cleanup::Action = Box::new(move || {
            let _ = std::fs::remove_dir_all(&remove_dir);
        });
        Ok::<_, String>((dir, remove))
    })
    .unwrap_or_else(|err| usage(&err));
    // The throwaway user reads its authorized key and runs the binary from here.
    let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755));
    let key = dir.join("client_ed25519");
    server::keygen(&key, "serve-bench client").unwrap_or_else(|err| usage(&err));

    header(&bin, &ssh, &options.plan);
    let wanted = |name: &str| options.only.as_deref().is_none_or(|only| only == name);
    let mut columns: Vec<(&str, Option<Figures>)> = Vec::new();
    let mut notes = Vec::new();
    type Start = fn(&Path, &Path, &Path, usize) -> Result<Target, String>;
    let targets: [(&str, &str, Start); 2] = [
        ("sshd", "OpenSSH sshd + ForceCommand", |bin, dir, key, _| {
            sshd::start(bin, dir, key)
        }),
        ("serve", "vision-tui serve", |bin, dir, _, sessions| {
            serve::start(bin, dir, sessions)
        }),
    ];
    for (short, name, start) in targets {
        if !wanted(short) {
            continue;
        }
        match start(&bin, &dir, &key, options.plan.sessions) {
            Ok(target) => {
                let figures = measure::run(&target, &options.plan, &ssh, &key);
                drop(target);
                if let Some(path) = &options.latencies {
                    report::latencies(path, short, &figures);
                }
                columns.push((name, Some(figures)));
            }
            Err(why) => {
                eprintln!("serve_bench: {name} not measured: {why}");
                notes.push(format!("{name} not measured: {why}."));
                columns.push((name, None));
            }
        }
    }
    report::table(options.plan.sessions, &columns);
    for note in notes {
        println!("\n{note}");
    }
}

fn header(bin: &Path, ssh: &Path, plan: &Plan) {
    let size = std::fs::metadata(bin).map_or(0, |m| m.len());
    let version = |program: &Path, arg: &str| {
        std::process::Command::new(program)
            .arg(arg)
            .output()
            .map(|out| {
                let text = [out.stdout, out.stderr].concat();
                String::from_utf8_lossy(&text)
                    .lines()
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_owned()
            })
            .unwrap_or_default()
    };
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("### serve benchmark\n");
    println!("Binary: {} ({size} bytes).", bin.display());
    println!("Client: {} ({}).", ssh.display(), version(ssh, "-V"));
    if let Some(sshd) = server::which("sshd") {
        println!("sshd: {} ({}).", sshd.display(), version(&sshd, "-V"));
    }
    println!(
        "{} sessions at {}×{}; {} keys each one session at a time, {} rounds of all at once; {} resizes for the client that does not read.",
        plan.sessions,
        client::COLS,
        client::ROWS,
        plan.keys_each,
        plan.rounds,
        plan.resizes
    );
    println!(
        "Machine: Linux {}, {cpus} CPUs; load average {}.\n",
        kernel.trim(),
        measure::load_average()
    );
}
