//! Writes a generated vision document (RON) to standard output, for trying
//! vision-tui on large documents and for the benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_document -- --areas 10000 --goals-per-area 10 > big.ron
//! vision-tui big.ron
//! ```
//!
//! Options: `--areas N`, `--goals-per-area N`, `--seed N`, `--words N` (words
//! per goal text), `--style mixed|swedish|cjk|long-words`.

#[path = "../benches/support/generate.rs"]
mod generate;

use std::io::Write;
use std::process::ExitCode;

use generate::{Spec, Style};

const USAGE: &str = "usage: gen_document [--areas N] [--goals-per-area N] [--seed N] [--words N] [--style mixed|swedish|cjk|long-words]";

fn parse(args: &[String]) -> Result<Spec, String> {
    let mut spec = Spec::new(1000, 10);
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_string());
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let number = || {
            value
                .parse::<usize>()
                .map_err(|err| format!("{flag} {value}: {err}\n{USAGE}"))
        };
        match flag.as_str() {
            "--areas" => spec.areas = number()?,
            "--goals-per-area" => spec.goals_per_area = number()?,
            "--seed" => spec.seed = number()? as u64,
            "--words" => spec.words = number()?,
            "--style" => {
                spec.style = match value.as_str() {
                    "mixed" => Style::Mixed,
                    "swedish" => Style::Swedish,
                    "cjk" => Style::Cjk,
                    "long-words" => Style::LongWords,
                    other => return Err(format!("unknown style {other}\n{USAGE}")),
                }
            }
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    Ok(spec)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let spec = match parse(&args) {
        Ok(spec) => spec,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(64);
        }
    };
    let text = generate::ron(&spec);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gen_document: {err}");
            ExitCode::FAILURE
        }
    }
}
