//! Bytes typed in a terminal → the key and mouse events the app handles, for
//! the local terminal and a remote one alike.
//!
//! crossterm's own reader is not used: it waits edge-triggered and returns
//! the first event of a batch, so a key that arrives together with a resize
//! (SIGWINCH) is left unread until the next key comes. The app reads the
//! terminal itself and parses with `terminput`, which carries crossterm's
//! parser. Its `Event::parse_from` reads only the first event of a buffer and
//! does not say how many bytes it used, while one read (or one SSH packet)
//! often holds several keys (`jjj`, a pasted word, `Esc q`) and a sequence may
//! be split across two. So the bytes are fed one at a time, as crossterm feeds
//! its own parser, and what is incomplete is kept for the next read.
//!
//! A lone Esc is ambiguous: it may be the Esc key, or the start of a sequence
//! whose rest is still on its way. When a read ends with a lone Esc, it is
//! held; the reader asks for it with [`InputDecoder::flush`] after
//! [`ESC_WAIT`] without more bytes.

use std::time::Duration;

use ratatui::crossterm::event::Event;

/// How long a lone Esc at the end of a read waits for the rest of a sequence
/// before it counts as the Esc key. Terminals send a sequence in one write;
/// only a slow or fragmenting link splits it.
pub const ESC_WAIT: Duration = Duration::from_millis(30);

/// The longest incomplete sequence kept between packets. Real sequences
/// (SGR mouse reports, modified function keys) are under 32 bytes; anything
/// longer is garbage and is dropped rather than buffered without bound.
const MAX_PENDING: usize = 64;

const ESC: u8 = 0x1b;

/// Turns a stream of bytes into events, across packet boundaries.
#[derive(Debug, Default)]
pub struct InputDecoder {
    pending: Vec<u8>,
}

impl InputDecoder {
    /// A decoder with nothing held.
    pub fn new() -> Self {
        Self::default()
    }

    /// Decodes `bytes`, appending every complete event to `events`.
    /// Bytes that cannot be an event are dropped; an incomplete sequence at
    /// the end is kept for the next call.
    pub fn feed(&mut self, bytes: &[u8], events: &mut Vec<Event>) {
        for &byte in bytes {
            self.pending.push(byte);
            // An Esc starts a sequence (or is Alt+key) when bytes follow it;
            // the next byte, in this packet or the next, tells. A packet that
            // ends in Esc leaves it held until `flush`.
            if self.pending == [ESC] {
                continue;
            }
            self.decode_pending(events);
        }
    }

    /// True when bytes are held: a lone Esc, or the start of a sequence.
    pub fn is_waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Gives up waiting: a held lone Esc is the Esc key; an incomplete
    /// sequence is dropped (it can no longer become a key).
    pub fn flush(&mut self, events: &mut Vec<Event>) {
        if self.pending == [ESC] {
            self.decode_pending(events);
        }
        self.pending.clear();
    }

    fn decode_pending(&mut self, events: &mut Vec<Event>) {
        match terminput::Event::parse_from(&self.pending) {
            Ok(Some(event)) => {
                self.pending.clear();
                // Events crossterm has no type for (none of which the app
                // asks a terminal to send) are ignored.
                if let Ok(event) = terminput_crossterm::to_crossterm(event) {
                    events.push(event);
                }
            }
            Ok(None) if self.pending.len() < MAX_PENDING => {}
            Ok(None) | Err(_) => self.pending.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{
        Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
    };

    use super::*;

    fn decode(packets: &[&[u8]]) -> (Vec<Event>, InputDecoder) {
        let mut decoder = InputDecoder::new();
        let mut events = Vec::new();
        for packet in packets {
            decoder.feed(packet, &mut events);
        }
        (events, decoder)
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn codes(events: &[Event]) -> Vec<(KeyCode, KeyModifiers)> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some((k.code, k.modifiers)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_key_in_a_packet_is_an_event() {
        let (events, decoder) = decode(&[b"jjk"]);
        assert_eq!(
            events,
            [
                key(KeyCode::Char('j')),
                key(KeyCode::Char('j')),
                key(KeyCode::Char('k'))
            ]
        );
        assert!(!decoder.is_waiting());
    }

    #[test]
    fn sequences_and_keys_mix_in_one_packet() {
        let (events, _) = decode(&[b"\x1b[Ax\x1b[B\r\x7f\t"]);
        assert_eq!(
            codes(&events),
            [
                (KeyCode::Up, KeyModifiers::NONE),
                (KeyCode::Char('x'), KeyModifiers::NONE),
                (KeyCode::Down, KeyModifiers::NONE),
                (KeyCode::Enter, KeyModifiers::NONE),
                (KeyCode::Backspace, KeyModifiers::NONE),
                (KeyCode::Tab, KeyModifiers::NONE),
            ]
        );
    }

    #[test]
    fn a_sequence_split_across_packets_is_one_event() {
        let (events, decoder) = decode(&[b"\x1b[", b"1;5", b"C"]);
        assert_eq!(codes(&events), [(KeyCode::Right, KeyModifiers::CONTROL)]);
        assert!(!decoder.is_waiting());
    }

    #[test]
    fn a_letter_split_across_packets_is_one_event() {
        let å = "å".as_bytes();
        let (events, _) = decode(&[&å[..1], &å[1..]]);
        assert_eq!(events, [key(KeyCode::Char('å'))]);
    }

    #[test]
    fn a_lone_esc_waits_then_is_the_esc_key() {
        let (events, mut decoder) = decode(&[b"j\x1b"]);
        assert_eq!(events, [key(KeyCode::Char('j'))]);
        assert!(decoder.is_waiting(), "the Esc may start a sequence");
        let mut flushed = Vec::new();
        decoder.flush(&mut flushed);
        assert_eq!(flushed, [key(KeyCode::Esc)]);
        assert!(!decoder.is_waiting());
    }

    #[test]
    fn an_esc_whose_sequence_follows_in_the_next_packet_is_not_the_esc_key() {
        let (events, _) = decode(&[b"\x1b", b"[B"]);
        assert_eq!(codes(&events), [(KeyCode::Down, KeyModifiers::NONE)]);
    }

    #[test]
    fn esc_and_a_key_in_one_packet_read_as_alt_key_as_crossterm_reads_them() {
        // The session splits Alt+key without an Alt binding into Esc, then
        // the key (in the mode Esc led to), exactly as for a local terminal.
        let (events, _) = decode(&[b"\x1bq"]);
        assert_eq!(codes(&events), [(KeyCode::Char('q'), KeyModifiers::ALT)]);
    }

    #[test]
    fn ctrl_keys_arrive_as_control_characters() {
        let (events, _) = decode(&[b"\x03\x04\x15"]);
        assert_eq!(
            codes(&events),
            [
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
                (KeyCode::Char('d'), KeyModifiers::CONTROL),
                (KeyCode::Char('u'), KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn sgr_mouse_reports_are_mouse_events() {
        let (events, _) = decode(&[b"\x1b[<0;10;5M\x1b[<65;3;4M"]);
        assert_eq!(
            events,
            [
                Event::Mouse(MouseEvent {
                    kind: MouseEventKind::Down(MouseButton::Left),
                    column: 9,
                    row: 4,
                    modifiers: KeyModifiers::NONE,
                }),
                Event::Mouse(MouseEvent {
                    kind: MouseEventKind::ScrollDown,
                    column: 2,
                    row: 3,
                    modifiers: KeyModifiers::NONE,
                }),
            ]
        );
    }

    #[test]
    fn garbage_is_dropped_and_what_follows_still_decodes() {
        let (events, decoder) = decode(&[b"\x1b[999;999;999;999Zj", b"\xff\xfek"]);
        assert_eq!(
            codes(&events).last(),
            Some(&(KeyCode::Char('k'), KeyModifiers::NONE))
        );
        assert!(!decoder.is_waiting());
    }

    #[test]
    fn an_endless_sequence_is_not_buffered_without_bound() {
        let mut decoder = InputDecoder::new();
        let mut events = Vec::new();
        decoder.feed(b"\x1b[", &mut events);
        for _ in 0..10_000 {
            decoder.feed(b"1;", &mut events);
            assert!(decoder.pending.len() <= MAX_PENDING);
        }
        decoder.feed(b"\x1b[Aj", &mut events);
        assert!(codes(&events).contains(&(KeyCode::Char('j'), KeyModifiers::NONE)));
    }
}
