//! A writer that turns crossterm's colour escapes into true 16-colour ones.
//!
//! crossterm writes even the 16 named colours as 256-palette escapes
//! (`ESC[38;5;6m` for cyan), which terminals without 256 colours misread. In
//! 16-colour mode this writer rewrites them to the classic SGR codes
//! (`ESC[36m`) before they leave the process. It buffers until `flush`:
//! ratatui flushes once per frame, and a frame's escapes can be split across
//! many small writes.

use std::io::{self, Write};

/// Passes bytes through, rewriting 256-palette colour codes below 16 when `enabled`.
#[derive(Debug)]
pub struct Sgr16<W: Write> {
    inner: W,
    buffer: Vec<u8>,
    enabled: bool,
}

impl<W: Write> Sgr16<W> {
    /// Wraps `inner`; with `enabled` false this is a plain buffer.
    pub fn new(inner: W, enabled: bool) -> Self {
        Self {
            inner,
            buffer: Vec::with_capacity(1 << 14),
            enabled,
        }
    }
}

impl<W: Write> Write for Sgr16<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let out = if self.enabled {
            rewrite(&self.buffer)
        } else {
            std::mem::take(&mut self.buffer)
        };
        self.buffer.clear();
        self.inner.write_all(&out)?;
        self.inner.flush()
    }
}

/// Rewrites every `ESC [ params m` in `bytes`.
pub fn rewrite(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let start = i + 2;
            let end = bytes[start..]
                .iter()
                .position(|b| !(b.is_ascii_digit() || *b == b';'))
                .map(|n| start + n);
            if let Some(end) = end
                && bytes[end] == b'm'
            {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(rewrite_params(&bytes[start..end]).as_bytes());
                out.push(b'm');
                i = end + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn rewrite_params(params: &[u8]) -> String {
    let text = String::from_utf8_lossy(params);
    let parts: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        match (
            parts[i],
            parts.get(i + 1),
            parts.get(i + 2).and_then(|n| n.parse::<u8>().ok()),
        ) {
            ("38", Some(&"5"), Some(n)) if n < 16 => {
                out.push(
                    (if n < 8 {
                        30 + u16::from(n)
                    } else {
                        90 + u16::from(n) - 8
                    })
                    .to_string(),
                );
                i += 3;
            }
            ("48", Some(&"5"), Some(n)) if n < 16 => {
                out.push(
                    (if n < 8 {
                        40 + u16::from(n)
                    } else {
                        100 + u16::from(n) - 8
                    })
                    .to_string(),
                );
                i += 3;
            }
            (part, ..) => {
                out.push(part.to_string());
                i += 1;
            }
        }
    }
    out.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_codes_below_16_become_classic_sgr() {
        assert_eq!(rewrite(b"\x1b[38;5;6;49mHi"), b"\x1b[36;49mHi");
        assert_eq!(rewrite(b"\x1b[38;5;11m\x1b[48;5;0m"), b"\x1b[93m\x1b[40m");
        assert_eq!(rewrite(b"\x1b[48;5;9mx\x1b[1m"), b"\x1b[101mx\x1b[1m");
        assert_eq!(
            rewrite(b"\x1b[38;5;208m"),
            b"\x1b[38;5;208m",
            "256-only colours are left"
        );
        assert_eq!(
            rewrite(b"\x1b[2;5H\x1b[?25l"),
            b"\x1b[2;5H\x1b[?25l",
            "other escapes untouched"
        );
        assert_eq!(
            rewrite("å\x1b[38;5;".as_bytes()),
            "å\x1b[38;5;".as_bytes(),
            "a cut escape passes through"
        );
    }

    #[test]
    fn writes_are_held_until_flush() {
        let mut w = Sgr16::new(Vec::new(), true);
        w.write_all(b"\x1b[38;5;").unwrap();
        w.write_all(b"3mYellow").unwrap();
        assert!(w.inner.is_empty());
        w.flush().unwrap();
        assert_eq!(w.inner, b"\x1b[33mYellow");
    }
}
