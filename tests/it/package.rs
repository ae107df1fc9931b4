//! The crate as `cargo package` ships it: a licence that matches the
//! manifest, the metadata crates.io shows, and the program without the test
//! corpus. README's install line works on what is shipped.

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
