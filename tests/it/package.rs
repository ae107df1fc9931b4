//! The crate as `cargo package` ships it: a licence that matches the
//! manifest, the metadata crates.io shows, and the program without the test
//! corpus. README's install line works on what is shipped, and so does the
//! systemd unit in `contrib/`.

use std::process::Command;

/// Runs cargo (the one running this suite) in the crate's folder.
fn cargo(args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo");
    assert!(
        out.status.success(),
        "cargo {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_manifest_and_the_licence_agree() {
    let metadata: serde_json::Value = serde_json::from_str(&cargo(&[
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
        "--offline",
    ]))
    .unwrap();
    let package = &metadata["packages"][0];
    assert_eq!(package["license"], "MIT");
    let licence = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/LICENSE"))
        .expect("a LICENSE file");
    assert!(licence.starts_with("MIT License\n"), "{licence}");
    assert!(licence.contains("Permission is hereby granted, free of charge"));
    let keywords = package["keywords"].as_array().unwrap();
    assert!(
        (1..=5).contains(&keywords.len()),
        "crates.io takes 1–5: {keywords:?}"
    );
    assert!(!package["categories"].as_array().unwrap().is_empty());
    assert!(!package["description"].as_str().unwrap_or("").is_empty());
}

#[test]
fn the_package_ships_the_program_without_the_test_corpus() {
    let files = cargo(&["package", "--list", "--allow-dirty", "--offline"]);
    let files: Vec<&str> = files.lines().collect();
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "LICENSE",
        "README.md",
        "src/main.rs",
        "assets/alingsas-vision-2040.ron",
        "assets/i18n/sv.ron",
        "assets/themes/default.ron",
        "docs/config-format.md",
        "docs/theme-format.md",
        "docs/document-format.md",
        "contrib/systemd/vision-tui.service",
    ] {
        assert!(
            files.contains(&needed),
            "{needed} is not shipped: {files:?}"
        );
    }
    for left_out in [
        "tests/",
        "benches/",
        "examples/",
        ".ci/",
        ".cargo/",
        "fuzz/",
    ] {
        let shipped: Vec<&&str> = files.iter().filter(|f| f.starts_with(left_out)).collect();
        assert!(shipped.is_empty(), "{left_out} is shipped: {shipped:?}");
    }
    // Every file the program embeds is shipped.
    for source in files.iter().filter(|f| f.ends_with(".rs")) {
        let text =
            std::fs::read_to_string(format!("{}/{source}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        for embedded in text.split("include_str!(\"").skip(1) {
            let relative = embedded.split('"').next().unwrap();
            let folder = std::path::Path::new(source).parent().unwrap();
            let path = normalise(&folder.join(relative));
            assert!(
                files.contains(&path.as_str()),
                "{source} embeds {path}, not shipped"
            );
        }
    }
    // README installs with the lock file, from the source it ships.
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains("cargo install --locked --path ."),
        "README's install line"
    );
}

/// The systemd unit runs `vision-tui serve` with flags and values the binary
/// takes, keeps the host key in the state directory systemd makes for it,
/// and keeps the sandbox README promises.
#[cfg(feature = "ssh")]
#[test]
fn the_systemd_unit_runs_serve_as_the_binary_takes_it() {
    use clap::Parser as _;
    use vision_tui::commands::cli::{Cli, Command};

    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/contrib/systemd/vision-tui.service"
    ))
    .expect("the unit in contrib/systemd");
    // systemd joins a line ending in a backslash with the next.
    let unit = unit.replace("\\\n", " ");
    let settings: Vec<(&str, &str)> = unit
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#') && !line.starts_with('['))
        .filter_map(|line| line.split_once('='))
        .collect();
    let values = |key: &str| -> Vec<&str> {
        settings
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.trim())
            .collect()
    };
    let exec = values("ExecStart");
    assert_eq!(exec.len(), 1, "one ExecStart: {exec:?}");
    let words: Vec<&str> = exec[0].split_whitespace().collect();
    assert!(
        words[0].starts_with('/') && words[0].ends_with("/vision-tui"),
        "systemd needs the binary's absolute path: {words:?}"
    );
    assert_eq!(words.get(1), Some(&"serve"), "{words:?}");

    // Every flag is one `vision-tui serve --help` lists…
    let (status, help, _) = crate::support::run(&["serve", "--help"]);
    assert_eq!(status, 0);
    let listed: Vec<&str> = help
        .lines()
        .filter_map(|line| line.trim_start().split([' ', '=']).next())
        .filter(|word| word.starts_with("--"))
        .collect();
    for flag in words.iter().filter(|word| word.starts_with("--")) {
        let name = flag.split('=').next().unwrap_or(flag);
        assert!(
            listed.contains(&name),
            "the unit gives {name}, which `vision-tui serve --help` does not list: {listed:?}"
        );
    }
    // …and the whole command line parses, values included, as the binary parses it.
    let cli = Cli::try_parse_from(&words).unwrap_or_else(|err| panic!("{err}"));
    cli.check_options().unwrap_or_else(|err| panic!("{err}"));
    let Some(Command::Serve(serve)) = &cli.command else {
        panic!("not `serve`: {words:?}");
    };
    assert_eq!(
        serve.listen, "0.0.0.0:2222",
        "reachable from other machines"
    );
    let state = values("StateDirectory");
    assert_eq!(state.len(), 1, "{state:?}");
    let host_key = serve.server.host_key.as_deref().expect("--host-key");
    assert!(
        host_key.starts_with(format!("/var/lib/{}/", state[0])),
        "the host key must live in the state directory: {host_key:?}"
    );
    let document = serve.path.as_deref().expect("a document path");
    assert!(
        document.starts_with("/etc/") || document.starts_with("/usr/share/"),
        "{document:?}"
    );

    for (key, value) in [
        ("DynamicUser", "yes"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("NoNewPrivileges", "yes"),
        ("Restart", "on-failure"),
        ("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"),
        ("StateDirectoryMode", "0700"),
    ] {
        assert_eq!(values(key), [value], "{key}=");
    }
}

/// `src/../assets/x` → `assets/x`.
fn normalise(path: &std::path::Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}
