//! One target's run: open the sessions one after another, measure memory
//! idle, type (one session at a time, then all at once), stall one client,
//! close everything. The server's CPU time is read between the phases.

use std::path::Path;
use std::time::{Duration, Instant};

use super::client::{self, COLS, PATIENCE, QUIET, ROWS, Screens, Typist};
use super::proc::{Cpu, Memory};
use super::pty::Pty;
use super::server::Target;

/// What to do (from the command line).
pub struct Plan {
    pub sessions: usize,
    /// Keys each session sends while the others wait.
    pub keys_each: usize,
    /// Rounds in which every session sends a key at the same moment.
    pub rounds: usize,
    /// Resizes sent to the client that does not read.
    pub resizes: usize,
}

/// How long the sessions sit idle before memory is read, and how long the
/// CPU the idle sessions use is measured over.
const IDLE: Duration = Duration::from_secs(5);

/// CPU time used during a phase, in ms, and how long it took.
#[derive(Default, Clone, Copy)]
pub struct Spent {
    pub server: f64,
    /// The `ssh` clients and this benchmark (its readers parse every screen):
    /// what the measuring side takes from the same CPUs.
    pub clients: f64,
    /// This benchmark alone (part of `clients`).
    pub harness: f64,
    pub seconds: f64,
}

/// Reads CPU time at the start of a phase.
struct Meter<'a> {
    target: &'a Target,
    clients: Vec<u32>,
    ticks: u64,
}

struct Mark {
    server: f64,
    clients: f64,
    harness: f64,
    at: Instant,
}

impl Meter<'_> {
    fn mark(&self) -> Mark {
        Mark {
            server: Cpu::sum_ms(&self.target.processes(), self.ticks),
            clients: Cpu::sum_ms(&self.clients, self.ticks),
            harness: Cpu::sum_ms(&[std::process::id()], self.ticks),
            at: Instant::now(),
        }
    }

    fn since(&self, start: &Mark) -> Spent {
        let now = self.mark();
        Spent {
            server: now.server - start.server,
            clients: now.clients - start.clients,
            harness: now.harness - start.harness,
            seconds: (now.at - start.at).as_secs_f64(),
        }
    }
}

/// Server CPU time of each phase.
#[derive(Default)]
pub struct CpuTime {
    pub connect: Spent,
    pub idle: Spent,
    pub keys_one: Spent,
    pub keys_all: Spent,
    pub stall: Spent,
    pub total: Spent,
}

impl CpuTime {
    /// Server CPU per second of every session idling, in ms.
    pub fn idle_rate(&self) -> f64 {
        self.idle.server / self.idle.seconds
    }

    /// Server CPU of a phase beyond what the idle sessions use over the same time.
    pub fn beyond_idle(&self, phase: &Spent) -> f64 {
        phase.server - self.idle_rate() * phase.seconds
    }
}

pub struct Stall {
    pub resizes: usize,
    /// Server PSS at its highest while the client did not read, minus before, kB.
    pub growth_kb: i64,
    /// Bytes that reached the client once it read again.
    pub held_back: usize,
    /// From reading again until the client's screen was right.
    pub catch_up: Duration,
}

pub struct Figures {
    pub sessions: usize,
    /// Server PSS and private memory, kB: idle before any session, and with all open.
    pub idle: Memory,
    pub open: Memory,
    pub idle_processes: usize,
    pub open_processes: usize,
    /// ms, in connection order.
    pub connect: Vec<f64>,
    pub keys_one: Vec<f64>,
    pub keys_all: Vec<f64>,
    pub cpu: CpuTime,
    pub stall: Stall,
    /// 1-minute load average before and after.
    pub load: (String, String),
    /// [`reference_work`] before and after, ms.
    pub reference: (f64, f64),
}

pub fn run(target: &Target, plan: &Plan, ssh: &Path, key: &Path) -> Figures {
    let load_before = load_average();
    let reference_before = reference_work();
    let mut meter = Meter {
        target,
        clients: vec![std::process::id()],
        ticks: super::proc::ticks_per_second(),
    };
    let mut cpu = CpuTime::default();
    let start = meter.mark();
    let idle_processes = target.processes().len();
    let idle = Memory::sum(&target.processes());

    let mut typists: Vec<Typist> = Vec::with_capacity(plan.sessions);
    let mut connect = Vec::with_capacity(plan.sessions);
    let mut screens = None;
    for n in 1..=plan.sessions {
        progress(target, &format!("connecting {n}/{}", plan.sessions));
        let mut pty = client::connect(ssh, key, target);
        meter.clients.push(pty.pid());
        connect.push(ms(client::first_frame(&pty, target)));
        match &screens {
            None => screens = Some(Screens::learn(&mut pty)),
            Some(screens) => screens.expect_first(&pty),
        }
        typists.push(Typist::new(pty));
    }
    let screens = screens.expect("at least one session");
    cpu.connect = meter.since(&start);

    progress(target, "waiting for every session to be idle");
    for typist in &typists {
        typist.pty.quiet_total(QUIET, PATIENCE);
    }
    let phase = meter.mark();
    std::thread::sleep(IDLE);
    cpu.idle = meter.since(&phase);
    let pids = target.processes();
    let open = Memory::sum(&pids);
    let open_processes = pids.len();

    let phase = meter.mark();
    let mut keys_one = Vec::with_capacity(plan.sessions * plan.keys_each);
    for (n, typist) in typists.iter_mut().enumerate() {
        progress(
            target,
            &format!("typing, one session at a time: {}/{}", n + 1, plan.sessions),
        );
        for _ in 0..plan.keys_each {
            typist.arm(&screens);
            typist.press();
            keys_one.push(ms(typist.answered()));
        }
    }
    cpu.keys_one = meter.since(&phase);

    let phase = meter.mark();
    let mut keys_all = Vec::with_capacity(plan.sessions * plan.rounds);
    for round in 1..=plan.rounds {
        progress(
            target,
            &format!(
                "typing, all sessions at once: round {round}/{}",
                plan.rounds
            ),
        );
        for typist in &typists {
            typist.arm(&screens);
        }
        for typist in &mut typists {
            typist.press();
        }
        keys_all.extend(typists.iter().map(|typist| ms(typist.answered())));
    }
    cpu.keys_all = meter.since(&phase);

    progress(target, "a client that does not read");
    let phase = meter.mark();
    let stall = stall(target, &mut typists[0], &screens, plan.resizes);
    cpu.stall = meter.since(&phase);
    cpu.total = meter.since(&start);

    progress(target, "closing the sessions");
    close(
        target,
        typists.into_iter().map(|typist| typist.pty).collect(),
    );
    progress(target, "done");
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        eprintln!();
    }

    Figures {
        sessions: plan.sessions,
        idle,
        open,
        idle_processes,
        open_processes,
        connect,
        keys_one,
        keys_all,
        cpu,
        stall,
        load: (load_before, load_average()),
        reference: (reference_before, reference_work()),
    }
}

/// Sizes the stalled client cycles through: every one a full redraw, and
/// none of them the 80×24 it returns to, so its first frame at 80×24 after
/// reading again is the last one.
const STALL_SIZES: [(u16, u16); 4] = [(200, 60), (120, 40), (160, 50), (100, 30)];

/// One client stops reading its terminal (its `ssh` keeps running and keeps
/// sending what the terminal sends); its terminal is resized over and over,
/// each a full frame for the server to draw and send. The server's memory is
/// sampled throughout and for a second after; then the client reads again.
fn stall(target: &Target, typist: &mut Typist, screens: &Screens, resizes: usize) -> Stall {
    let sample = || Memory::sum(&target.processes()).pss;
    let before = sample();
    let mut peak = before;
    let bytes_before = typist.pty.bytes();
    typist.pty.pause();
    for n in 0..resizes {
        let (cols, rows) = STALL_SIZES[n % STALL_SIZES.len()];
        typist.pty.resize(cols, rows);
        // ssh sends one window change per signal it has seen by its next
        // turn; a pause lets each one through as a separate frame.
        std::thread::sleep(Duration::from_millis(4));
        if n % 25 == 24 {
            peak = peak.max(sample());
        }
    }
    typist.pty.resize(COLS, ROWS);
    let settle = Instant::now();
    while settle.elapsed() < Duration::from_secs(1) {
        peak = peak.max(sample());
        std::thread::sleep(Duration::from_millis(100));
    }
    typist.arm_current(screens);
    let resumed = Instant::now();
    typist.pty.resume();
    let caught_up = match typist.pty.wait_held(PATIENCE) {
        Some(held) => held.at - resumed,
        None => panic!(
            "{}: the stalled client never showed its screen again:\n{}",
            target.name,
            typist.pty.contents()
        ),
    };
    let total = typist.pty.quiet_total(QUIET, PATIENCE);
    Stall {
        resizes,
        growth_kb: peak as i64 - before as i64,
        held_back: total - bytes_before,
        catch_up: caught_up,
    }
}

/// Quits every session (`q`, as a participant would), waits for each `ssh`
/// to end, then for the server to be back to its listening process alone.
fn close(target: &Target, mut ptys: Vec<Pty>) {
    for pty in &mut ptys {
        pty.send(b"q");
    }
    for pty in &mut ptys {
        if pty.wait_exit(PATIENCE).is_none() {
            eprintln!("serve_bench: a session did not end after `q`; killed it");
        }
    }
    let start = Instant::now();
    while target.processes().len() > 1 {
        if start.elapsed() > Duration::from_secs(10) {
            eprintln!(
                "serve_bench: {}: {} processes left 10 s after the last session ended",
                target.name,
                target.processes().len() - 1
            );
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Where the run is: on one line rewritten in place in a terminal, a line
/// each in a log.
fn progress(target: &Target, what: &str) {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        eprint!("\r\x1b[K{}: {what}", target.name);
    } else {
        eprintln!("{}: {what}", target.name);
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// How long one CPU takes for a fixed piece of work (a chain of 100 million
/// dependent multiply-adds), ms: this machine's speed at the time. On a VM
/// whose host is shared every CPU figure can move from one run to the next
/// with no load inside the VM to show why; runs are comparable when this is.
pub fn reference_work() -> f64 {
    let start = Instant::now();
    let mut x: u64 = 1;
    for i in 0..100_000_000u64 {
        x = std::hint::black_box(x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i));
    }
    std::hint::black_box(x);
    ms(start.elapsed())
}

/// The 1-, 5- and 15-minute load averages.
pub fn load_average() -> String {
    let loadavg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    loadavg
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}
