//! The baseline: OpenSSH's sshd with `ForceCommand <vision-tui>`, as a system
//! administrator would set it up, on 127.0.0.1 only, with its own
//! configuration, a throwaway host key, and a throwaway user that logs in with
//! a throwaway key. Everything is made for the run and removed after it.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use super::cleanup::{self, Stack};
use super::server::{self, Target};

pub const NAME: &str = "OpenSSH sshd + ForceCommand";

/// Starts sshd, or says why it cannot (the caller measures serve alone).
/// `dir` is this run's folder (mode 755); `client_key` the key `ssh` logs in with.
pub fn start(bin: &Path, dir: &Path, client_key: &Path) -> Result<Target, String> {
    let sshd = server::which("sshd").ok_or(
        "sshd not found: install it with `apt-get install openssh-server` (Debian, Ubuntu)",
    )?;
    if !running_as_root() {
        return Err(
            "sshd needs root (it switches to the user who logs in): run the benchmark as root"
                .into(),
        );
    }
    for tool in ["useradd", "userdel", "usermod"] {
        server::which(tool).ok_or(format!("{tool} not found (package passwd)"))?;
    }
    let mut setup = Stack::default();
    let dir = dir.join("sshd");
    std::fs::create_dir(&dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    chmod(&dir, 0o755)?;

    // The user's shell runs the ForceCommand, so the user must be able to
    // reach the binary: a copy in this folder rather than wherever it was built.
    let copy = dir.join("vision-tui");
    std::fs::copy(bin, &copy)
        .map_err(|err| format!("copy {} to {}: {err}", bin.display(), copy.display()))?;
    chmod(&copy, 0o755)?;

    let authorized = dir.join("authorized_keys");
    std::fs::copy(client_key.with_extension("pub"), &authorized)
        .map_err(|err| format!("{}: {err}", authorized.display()))?;
    chmod(&authorized, 0o644)?;
    let host_key = dir.join("host_ed25519");
    server::keygen(&host_key, "serve-bench sshd host key")?;

    let privsep = Path::new("/run/sshd");
    if !privsep.exists() {
        // sshd refuses to start without its privilege separation folder,
        // which the package's service usually makes at boot.
        let (_, undo) = cleanup::guard("remove /run/sshd", || {
            std::fs::create_dir(privsep).map_err(|err| format!("create /run/sshd: {err}"))?;
            chmod(privsep, 0o755)?;
            let remove: cleanup::Action = Box::new(|| {
                let _ = std::fs::remove_dir("/run/sshd");
            });
            Ok::<_, String>(((), remove))
        })?;
        setup.push(undo);
    }

    let user = format!("vtbench{}", std::process::id());
    let home = dir.join("home");
    let (_, undo) = cleanup::guard("delete the throwaway user", || {
        if passwd_has(&user) {
            return Err(format!(
                "a user {user} exists already: remove it (`userdel {user}`) or wait"
            ));
        }
        let mut add = Command::new("useradd");
        add.args([
            "--system",
            "--user-group",
            "--no-create-home",
            "--shell",
            "/bin/sh",
            "--home-dir",
        ])
        .arg(&home)
        .arg(&user);
        server::run(add)?;
        let name = user.clone();
        let delete: cleanup::Action = Box::new(move || delete_user(&name));
        Ok::<_, String>(((), delete))
    })?;
    setup.push(undo);
    // useradd leaves the password `!`: a locked account, which sshd refuses
    // without PAM even for a key. `*` matches no password and is not locked.
    let mut unlock = Command::new("usermod");
    unlock.args(["-p", "*", &user]);
    server::run(unlock)?;
    std::fs::create_dir(&home).map_err(|err| format!("{}: {err}", home.display()))?;
    let mut own = Command::new("chown");
    own.arg(format!("{user}:")).arg(&home);
    server::run(own)?;

    let port = server::free_port()?;
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        config_text(port, &dir, &host_key, &authorized, &user, &copy),
    )
    .map_err(|err| format!("{}: {err}", config.display()))?;
    check_config(&sshd, &config, port, &user)?;

    let mut cmd = Command::new(&sshd);
    cmd.args(["-D", "-e", "-f"]).arg(&config);
    server::start(NAME, user, port, cmd, dir.join("sshd.log"), setup)
}

fn config_text(
    port: u16,
    dir: &Path,
    host_key: &Path,
    authorized: &Path,
    user: &str,
    bin: &Path,
) -> String {
    let d = |p: &Path| p.display().to_string();
    format!(
        "# serve_bench: a throwaway sshd on loopback, removed after the run.
ListenAddress 127.0.0.1
Port {port}
HostKey {host_key}
PidFile {pid}
UsePAM no
AllowUsers {user}
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile {authorized}
# The keys live under /tmp, which is writable by all: StrictModes would refuse them.
StrictModes no
DisableForwarding yes
PermitTTY yes
PrintMotd no
PrintLastLog no
ForceCommand {bin}
",
        host_key = d(host_key),
        pid = d(&dir.join("sshd.pid")),
        authorized = d(authorized),
        bin = d(bin),
    )
}

/// Asks sshd what it would do (`sshd -T`: the configuration with every
/// default filled in) and refuses anything that listens beyond 127.0.0.1 or
/// lets anyone but the throwaway user in by any means but the key.
fn check_config(sshd: &Path, config: &Path, port: u16, user: &str) -> Result<(), String> {
    let out = Command::new(sshd)
        .arg("-T")
        .arg("-f")
        .arg(config)
        .output()
        .map_err(|err| format!("{} -T: {err}", sshd.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "sshd rejects its configuration: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let values = |key: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix(key)?.strip_prefix(' ').map(str::to_owned))
            .collect()
    };
    let expect = [
        ("listenaddress", format!("127.0.0.1:{port}")),
        ("allowusers", user.to_owned()),
        ("permitrootlogin", "no".to_owned()),
        ("passwordauthentication", "no".to_owned()),
        ("kbdinteractiveauthentication", "no".to_owned()),
        ("hostbasedauthentication", "no".to_owned()),
        ("permitemptypasswords", "no".to_owned()),
        ("disableforwarding", "yes".to_owned()),
    ];
    for (key, value) in expect {
        let found = values(key);
        if found != [value.clone()] {
            return Err(format!(
                "refusing to start sshd: `sshd -T` says {key} {found:?}, not [{value:?}]"
            ));
        }
    }
    Ok(())
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|line| line.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

fn passwd_has(user: &str) -> bool {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    passwd
        .lines()
        .any(|line| line.split(':').next() == Some(user))
}

/// Users named like this run's, from runs that could not clean up (SIGKILL).
pub fn leftover_users() -> Vec<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    passwd
        .lines()
        .filter_map(|line| line.split(':').next())
        .filter(|name| {
            name.strip_prefix("vtbench")
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| !super::proc::alive(pid))
        })
        .map(str::to_owned)
        .collect()
}

/// userdel refuses while the user still has processes: the server has been
/// stopped by now, but the last ones may take a moment to be reaped.
fn delete_user(user: &str) {
    for _ in 0..50 {
        let mut cmd = Command::new("userdel");
        cmd.arg(user);
        if server::run(cmd).is_ok() || !passwd_has(user) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let mut cmd = Command::new("userdel");
    cmd.args(["--force", user]);
    if let Err(err) = server::run(cmd) {
        eprintln!("serve_bench: could not delete the user {user}: {err}");
    }
}

fn chmod(path: &Path, mode: u32) -> Result<(), String> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|err| format!("chmod {mode:o} {}: {err}", path.display()))
}
