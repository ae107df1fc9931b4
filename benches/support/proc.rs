//! What Linux's /proc says about a process: peak and resident memory, its
//! proportional share of memory, CPU time, its state and its descendants.
//! Shared by the pty and serve benchmarks (`examples/`) and the end-to-end
//! tests (`tests/it/e2e.rs`). Every reader returns `None` (or
//! nothing) for a process that has gone, since processes come and go while
//! they are being counted.
#![allow(
    dead_code,
    reason = "included by #[path] into several crates, each using a different part"
)]

use std::path::Path;

/// A `kB` field of /proc/PID/status, such as `VmHWM` or `VmRSS`.
pub fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    kb_field(&status, field)
}

/// Memory from /proc/PID/smaps_rollup, in kB.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Memory {
    /// Proportional set size: private pages plus each shared page divided by
    /// the number of processes (anywhere on the machine) that map it.
    pub pss: u64,
    /// Pages only this process maps (clean and dirty).
    pub private: u64,
    pub rss: u64,
}

impl Memory {
    pub fn of(pid: u32) -> Option<Self> {
        let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
        Some(Self {
            pss: kb_field(&rollup, "Pss")?,
            private: kb_field(&rollup, "Private_Clean")? + kb_field(&rollup, "Private_Dirty")?,
            rss: kb_field(&rollup, "Rss")?,
        })
    }

    /// The sum over `pids`, skipping processes that have gone.
    pub fn sum(pids: &[u32]) -> Self {
        pids.iter()
            .filter_map(|&pid| Self::of(pid))
            .fold(Self::default(), |a, b| Self {
                pss: a.pss + b.pss,
                private: a.private + b.private,
                rss: a.rss + b.rss,
            })
    }
}

/// CPU time of a process.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Cpu {
    /// User and system time of the process (all its threads), in clock
    /// ticks (/proc/PID/stat).
    pub own_ticks: u64,
    /// The same, in nanoseconds: the time its threads have been on a CPU
    /// (/proc/PID/task/*/schedstat), when the kernel keeps it.
    pub own_ns: Option<u64>,
    /// User and system time of its children that have exited and been
    /// waited for, in clock ticks.
    pub reaped_children_ticks: u64,
}

impl Cpu {
    pub fn of(pid: u32) -> Option<Self> {
        let fields = stat_fields(pid)?;
        // After the command: state is field 3 (index 0 here); utime, stime,
        // cutime, cstime are fields 14–17.
        let tick = |n: usize| fields.get(n - 3).and_then(|f| f.parse::<u64>().ok());
        Some(Self {
            own_ticks: tick(14)? + tick(15)?,
            own_ns: on_cpu_ns(pid),
            reaped_children_ticks: tick(16)? + tick(17)?,
        })
    }

    /// Milliseconds of CPU `pids` have used, including the children they
    /// reaped: for a tree of processes, every process ever in it, each
    /// counted once (the living to the nanosecond where the kernel keeps it,
    /// the reaped to the clock tick).
    pub fn sum_ms(pids: &[u32], ticks_per_second: u64) -> f64 {
        let tick_ms = 1000.0 / ticks_per_second as f64;
        pids.iter()
            .filter_map(|&pid| Self::of(pid))
            .map(|cpu| {
                let own = match cpu.own_ns {
                    Some(ns) => ns as f64 / 1e6,
                    None => cpu.own_ticks as f64 * tick_ms,
                };
                own + cpu.reaped_children_ticks as f64 * tick_ms
            })
            .sum()
    }
}

/// The first field of each thread's schedstat: nanoseconds on a CPU.
fn on_cpu_ns(pid: u32) -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .flatten()
    {
        let schedstat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
        total += schedstat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

/// Clock ticks per second, the unit of [`Cpu`]'s ticks (`getconf CLK_TCK`;
/// Linux reports 100 everywhere but is allowed not to).
pub fn ticks_per_second() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(100)
}

/// The parent of `pid`.
pub fn parent(pid: u32) -> Option<u32> {
    stat_fields(pid)?.get(1)?.parse().ok()
}

/// `root` and every process descending from it, parents before children.
pub fn tree(root: u32) -> Vec<u32> {
    let mut links: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse().ok()) else {
                continue;
            };
            if let Some(ppid) = parent(pid) {
                links.push((ppid, pid));
            }
        }
    }
    let mut tree = vec![root];
    let mut next = 0;
    while next < tree.len() {
        let parent = tree[next];
        tree.extend(links.iter().filter(|(p, _)| *p == parent).map(|(_, c)| c));
        next += 1;
    }
    tree
}

/// True while `pid` exists and is not a zombie.
pub fn alive(pid: u32) -> bool {
    state(pid).is_some_and(|state| state != 'Z')
}

/// The state of `pid` (its main thread's): `R` running, `S` sleeping, `T`
/// stopped, `Z` a zombie, …
pub fn state(pid: u32) -> Option<char> {
    stat_fields(pid)?.first()?.chars().next()
}

/// The kernel function `pid`'s main thread sleeps in (empty while it runs).
pub fn wchan(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default()
}

/// The living children of `pid` (those its main thread started).
pub fn children(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|child| child.parse().ok())
        .collect()
}

/// The command line of `pid`, arguments separated by spaces.
pub fn command_line(pid: u32) -> String {
    let raw =
        std::fs::read(Path::new("/proc").join(pid.to_string()).join("cmdline")).unwrap_or_default();
    String::from_utf8_lossy(&raw)
        .trim_end_matches('\0')
        .replace('\0', " ")
}

/// The fields of /proc/PID/stat after the command (which may contain spaces
/// and parentheses, so it ends at the last `)`).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

fn kb_field(text: &str, name: &str) -> Option<u64> {
    text.lines().find_map(|line| {
        let rest = line.strip_prefix(name)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}
