//! A backend wrapper that writes nothing for a frame that changes nothing.
//!
//! ratatui's `Terminal::draw` diffs each frame against the last and hands
//! the backend only the changed cells, but `CrosstermBackend` still closes
//! every frame with a style reset (`ESC[39m ESC[49m ESC[59m ESC[0m`), and
//! `Terminal` asks to hide the cursor again on every frame, even for a key
//! that changes nothing. Over SSH every byte is a packet to send, so
//! [`SkipUnchanged`] drops both when they would change nothing on the terminal.
//!
//! A front end that cannot ask its terminal for its size (a client over SSH)
//! gives it a [`HeardSize`] to answer from instead.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// A terminal's size as its front end last heard it (a client's pty request
/// and window changes), shared by the front end and the backend.
#[derive(Debug)]
pub struct HeardSize(AtomicU32);

impl HeardSize {
    /// A terminal of `width`×`height`.
    pub fn new(width: u16, height: u16) -> Self {
        Self(AtomicU32::new(pack(width, height)))
    }

    /// The terminal is `width`×`height` now.
    pub fn set(&self, width: u16, height: u16) {
        self.0.store(pack(width, height), Ordering::Release);
    }

    /// The size last heard.
    pub fn get(&self) -> Size {
        let packed = self.0.load(Ordering::Acquire);
        Size::new((packed >> 16) as u16, packed as u16)
    }
}

fn pack(width: u16, height: u16) -> u32 {
    u32::from(width) << 16 | u32::from(height)
}

/// Wraps a backend: empty frames write nothing, and the cursor is only
/// hidden, shown or moved when that changes something.
#[derive(Debug)]
pub struct SkipUnchanged<B> {
    inner: B,
    /// Whether the cursor is hidden, once known (unknown until first set).
    cursor_hidden: Option<bool>,
    /// Where the cursor is, while nothing else has moved it.
    cursor_at: Option<Position>,
    /// The size to answer with, when the terminal is not this process's own.
    heard: Option<Arc<HeardSize>>,
}

impl<B> SkipUnchanged<B> {
    /// Wraps `inner`; the first cursor request always goes through.
    pub fn new(inner: B) -> Self {
        Self {
            inner,
            cursor_hidden: None,
            cursor_at: None,
            heard: None,
        }
    }

    /// Answers the terminal's size from `heard`, never from the inner
    /// backend: `CrosstermBackend` asks the process's own terminal (forking
    /// `tput` when there is none), which for a client over SSH is the wrong
    /// one, and a size that does not match makes ratatui clear the screen
    /// cell by cell.
    #[must_use]
    pub fn with_heard_size(mut self, heard: Arc<HeardSize>) -> Self {
        self.heard = Some(heard);
        self
    }

    /// Starts out knowing the cursor is hidden (as [`ENTER`](super::escapes::ENTER) leaves it).
    #[must_use]
    pub fn with_cursor_hidden(mut self) -> Self {
        self.cursor_hidden = Some(true);
        self
    }

    /// Records that the cursor was shown by a write that bypassed this
    /// backend (the restore on the way out), so showing it again writes nothing.
    pub fn cursor_shown(&mut self) {
        self.cursor_hidden = Some(false);
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The wrapped backend, mutably. Anything written through it directly
    /// may move or show the cursor, so what this wrapper knows is forgotten.
    pub fn inner_mut(&mut self) -> &mut B {
        self.cursor_hidden = None;
        self.cursor_at = None;
        &mut self.inner
    }
}

impl<B: Backend> Backend for SkipUnchanged<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut content = content.peekable();
        if content.peek().is_none() {
            // Nothing changed: the style reset the backend would close with
            // is already in effect from the last frame that wrote anything.
            return Ok(());
        }
        // Writing cells moves the terminal's cursor.
        self.cursor_at = None;
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.cursor_at = None;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_hidden != Some(true) {
            self.inner.hide_cursor()?;
            self.cursor_hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_hidden != Some(false) {
            self.inner.show_cursor()?;
            self.cursor_hidden = Some(false);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        let position = position.into();
        if self.cursor_at != Some(position) {
            self.inner.set_cursor_position(position)?;
            self.cursor_at = Some(position);
        }
        Ok(())
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.cursor_at = None;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.cursor_at = None;
        self.inner.clear_region(clear_type)
    }

    /// The terminal's size as the app draws it ([`super::clamp_size`]):
    /// ratatui compares it with the viewport to decide how to clear, and a
    /// viewport that spans it is cleared with one escape, the part of an
    /// oversized terminal the app does not draw included, not cell by cell.
    fn size(&self) -> Result<Size, Self::Error> {
        let size = match &self.heard {
            Some(heard) => heard.get(),
            None => self.inner.size()?,
        };
        let drawn = super::clamp_size(size.width, size.height);
        Ok(Size::new(drawn.width, drawn.height))
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::io::Write;
    use std::rc::Rc;

    use ratatui::Terminal;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Position;
    use ratatui::widgets::Paragraph;

    use super::{HeardSize, SkipUnchanged};

    /// What the backend wrote, kept where the test can take it.
    #[derive(Clone, Default)]
    struct Written(Rc<RefCell<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    type Memory = Terminal<SkipUnchanged<CrosstermBackend<Written>>>;

    fn terminal() -> (Memory, Written) {
        let written = Written::default();
        let backend = SkipUnchanged::new(CrosstermBackend::new(written.clone()));
        let options = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 20, 3)),
        };
        let terminal = Terminal::with_options(backend, options).expect("a terminal in memory");
        (terminal, written)
    }

    /// Draws `text` (and a cursor, if given) and returns the bytes it wrote.
    fn draw(terminal: &mut (Memory, Written), text: &str, cursor: Option<(u16, u16)>) -> Vec<u8> {
        terminal
            .0
            .draw(|frame| {
                frame.render_widget(Paragraph::new(text.to_string()), frame.area());
                if let Some(at) = cursor {
                    frame.set_cursor_position(Position::from(at));
                }
            })
            .expect("drawing into memory");
        std::mem::take(&mut *terminal.1.0.borrow_mut())
    }

    #[test]
    fn an_unchanged_frame_writes_nothing() {
        let mut terminal = terminal();
        let first = draw(&mut terminal, "hello", None);
        assert!(String::from_utf8_lossy(&first).contains("hello"));
        assert!(first.ends_with(b"\x1b[?25l"), "the cursor is hidden once");
        assert_eq!(
            draw(&mut terminal, "hello", None),
            b"",
            "same frame: no bytes"
        );
        let changed = draw(&mut terminal, "help", None);
        let text = String::from_utf8_lossy(&changed);
        assert!(text.contains('p') && text.ends_with("\x1b[0m"), "{text:?}");
        assert!(!text.contains("?25l"), "still hidden: not hidden again");
    }

    #[test]
    fn the_cursor_is_shown_and_moved_only_when_that_changes() {
        let mut terminal = terminal();
        draw(&mut terminal, "find: a", Some((7, 0)));
        assert_eq!(draw(&mut terminal, "find: a", Some((7, 0))), b"");
        let typed =
            String::from_utf8_lossy(&draw(&mut terminal, "find: ab", Some((8, 0)))).into_owned();
        assert!(
            typed.contains('b') && typed.ends_with("\x1b[1;9H"),
            "the letter, then the cursor after it: {typed:?}"
        );
        let moved = draw(&mut terminal, "find: ab", Some((2, 1)));
        assert_eq!(
            String::from_utf8_lossy(&moved),
            "\x1b[2;3H",
            "only the move"
        );
        let hidden = draw(&mut terminal, "find: ab", None);
        assert_eq!(String::from_utf8_lossy(&hidden), "\x1b[?25l");
    }

    #[test]
    fn a_heard_size_is_answered_and_a_viewport_that_spans_it_cleared_with_one_escape() {
        let heard = std::sync::Arc::new(HeardSize::new(20, 3));
        let (mut terminal, written) = terminal();
        let backend = std::mem::replace(
            terminal.backend_mut(),
            SkipUnchanged::new(CrosstermBackend::new(Written::default())),
        );
        *terminal.backend_mut() = backend.with_heard_size(std::sync::Arc::clone(&heard));
        heard.set(33, 7);
        terminal
            .resize(ratatui::layout::Rect::new(0, 0, 33, 7))
            .expect("resized in memory");
        let cleared = String::from_utf8_lossy(&written.0.borrow()).into_owned();
        assert_eq!(cleared, "\x1b[1;1H\x1b[J", "one clear, no cell written");
    }
}
