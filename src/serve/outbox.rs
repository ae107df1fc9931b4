//! A session's frames on their way to a slow or stalled client.
//!
//! ratatui draws each frame as the difference from the one before, so bytes
//! may never be dropped from the middle of a frame: the client's screen would
//! no longer be what ratatui believes it is. Instead a session holds at most
//! one frame in flight. While a client has not taken it (its SSH window is
//! closed, its link is slow), the session draws nothing; when the frame is
//! through, the session, if it has been kept from drawing, is woken and
//! draws the *latest* state as one frame,
//! the difference from the frame the client did get. Intermediate states are
//! skipped, memory stays one frame per session, and the client's screen is
//! always whole. The frames leave through the session's [`Outlet`].

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use russh::ChannelWriteHalf;
use russh::server::Msg;
use tokio::sync::{Notify, oneshot};

/// The session's end of the outbox: a writer the terminal draws into. Each
/// `flush` (ratatui flushes once per frame) hands the bytes written since
/// the last one over as one frame.
#[derive(Debug)]
pub struct FrameWriter {
    shared: Arc<Shared>,
    buffer: Vec<u8>,
}

/// The network's end: takes frames in order and says when each is sent.
#[derive(Debug)]
pub struct FrameReader {
    shared: Arc<Shared>,
}

#[derive(Debug, Default)]
struct Shared {
    /// The frame waiting to be sent, or being sent.
    slot: Mutex<Slot>,
    /// Wakes the reader when a frame is put in the slot or the writer goes.
    frame_ready: Notify,
    /// Set when the session was kept from drawing by the frame in flight, so
    /// the frame's sending must wake it; otherwise a session that drew
    /// nothing new would be woken for nothing after every frame. Changed
    /// only with `slot` locked.
    waiting: AtomicBool,
    /// Set when the reader is gone (the connection closed): writes fail.
    reader_gone: AtomicBool,
    /// Set when the writer is gone (the session ended).
    writer_gone: AtomicBool,
}

#[derive(Debug, Default)]
enum Slot {
    /// Nothing in flight: the session may draw.
    #[default]
    Empty,
    /// A frame handed over, not yet taken.
    Queued(Vec<u8>),
    /// A frame taken and being sent, and what was written since (sent next).
    Sending(Vec<u8>),
}

/// A new outbox: the writer for the session, the reader for the network.
pub fn outbox() -> (FrameWriter, FrameReader) {
    let shared = Arc::new(Shared::default());
    (
        FrameWriter {
            shared: Arc::clone(&shared),
            buffer: Vec::with_capacity(1 << 12),
        },
        FrameReader { shared },
    )
}

impl Shared {
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl FrameWriter {
    /// True when no frame is in flight (for tests: a session asks its
    /// [`OutboxGauge`], which also arranges to be woken).
    #[cfg(test)]
    pub fn is_clear(&self) -> bool {
        matches!(*self.shared.slot(), Slot::Empty)
    }

    /// A handle that tells, from outside the terminal that owns this writer,
    /// whether a frame may be drawn.
    pub fn gauge(&self) -> OutboxGauge {
        OutboxGauge(Arc::clone(&self.shared))
    }
}

/// Tells whether a session's outbox has room for a frame.
#[derive(Debug, Clone)]
pub struct OutboxGauge(Arc<Shared>);

impl OutboxGauge {
    /// True when no frame is in flight, so a new one may be drawn; when one
    /// is, the session is to be woken once it has been sent.
    pub fn may_draw(&self) -> bool {
        let slot = self.0.slot();
        let clear = matches!(*slot, Slot::Empty);
        if !clear {
            self.0.waiting.store(true, Ordering::Relaxed);
        }
        clear
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.shared.reader_gone.load(Ordering::Acquire) {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.shared.reader_gone.load(Ordering::Acquire) {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        if self.buffer.is_empty() {
            return Ok(());
        }
        let mut slot = self.shared.slot();
        match &mut *slot {
            Slot::Empty => *slot = Slot::Queued(std::mem::take(&mut self.buffer)),
            // Written although a frame was in flight (the terminal set-up
            // before the first frame, a goodbye): the bytes follow it, in
            // order, never dropped. The session loop itself does not draw
            // while a frame is in flight, so this stays small.
            Slot::Queued(next) | Slot::Sending(next) => next.append(&mut self.buffer),
        }
        drop(slot);
        self.shared.frame_ready.notify_one();
        Ok(())
    }
}

impl Drop for FrameWriter {
    fn drop(&mut self) {
        self.shared.writer_gone.store(true, Ordering::Release);
        self.shared.frame_ready.notify_one();
    }
}

impl FrameReader {
    /// Waits for the next frame; `None` once the session has ended and
    /// everything it wrote has been taken.
    pub async fn next_frame(&mut self) -> Option<Vec<u8>> {
        loop {
            // Register before looking, so a frame put in between still wakes us.
            let notified = self.shared.frame_ready.notified();
            {
                let mut slot = self.shared.slot();
                if let Slot::Queued(_) = &*slot
                    && let Slot::Queued(frame) =
                        std::mem::replace(&mut *slot, Slot::Sending(Vec::new()))
                {
                    return Some(frame);
                }
                if self.shared.writer_gone.load(Ordering::Acquire)
                    && !matches!(*slot, Slot::Queued(_))
                {
                    return None;
                }
            }
            notified.await;
        }
    }

    /// The frame last returned by [`FrameReader::next_frame`] is sent: the
    /// session may draw again. True when the session is waiting for that
    /// (it has something to draw) and should be woken.
    #[must_use]
    pub fn sent(&self) -> bool {
        let mut slot = self.shared.slot();
        if let Slot::Sending(next) = &mut *slot {
            *slot = if next.is_empty() {
                Slot::Empty
            } else {
                Slot::Queued(std::mem::take(next))
            };
        }
        matches!(*slot, Slot::Empty) && self.shared.waiting.swap(false, Ordering::Relaxed)
    }
}

impl Drop for FrameReader {
    fn drop(&mut self) {
        self.shared.reader_gone.store(true, Ordering::Release);
    }
}

/// Where a session's bytes go: its channel, for as long as its connection
/// lasts.
#[derive(Debug)]
pub struct Outlet {
    /// The channel's writing half.
    pub channel: ChannelWriteHalf<Msg>,
    /// Ends (with an error, nothing is ever sent) when the connection is
    /// gone. russh wakes no sender that waits for the client's window when
    /// the connection drops: without this, a frame a vanished client never
    /// took would hold its task, its bytes and its session's place for good.
    pub gone: oneshot::Receiver<()>,
}

impl Outlet {
    /// Sends `bytes` as the client's window allows; false when the channel
    /// or the connection went away first.
    pub async fn send(&mut self, bytes: Vec<u8>) -> bool {
        tokio::select! {
            sent = self.channel.data_bytes(bytes) => sent.is_ok(),
            _ = &mut self.gone => false,
        }
    }

    /// Ends the channel the way `ssh` expects: exit status, end of file, close.
    pub async fn finish(&self) {
        let _ = self.channel.exit_status(0).await;
        let _ = self.channel.eof().await;
        let _ = self.channel.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(future)
    }

    #[test]
    fn one_flush_is_one_frame_and_the_session_waits_until_it_is_sent() {
        let (mut writer, mut reader) = outbox();
        assert!(writer.is_clear());
        writer.write_all(b"\x1b[1;1Hab").unwrap();
        writer.write_all(b"cd").unwrap();
        writer.flush().unwrap();
        assert!(!writer.is_clear(), "a frame is in flight");
        let frame = block_on(reader.next_frame()).unwrap();
        assert_eq!(frame, b"\x1b[1;1Habcd");
        assert!(!writer.is_clear(), "taken but not yet sent");
        let _ = reader.sent();
        assert!(writer.is_clear());
    }

    #[test]
    fn only_a_session_kept_from_drawing_is_woken_when_the_frame_is_sent() {
        let (mut writer, mut reader) = outbox();
        let gauge = writer.gauge();
        assert!(gauge.may_draw());
        writer.write_all(b"one").unwrap();
        writer.flush().unwrap();
        let _ = block_on(reader.next_frame()).unwrap();
        assert!(!reader.sent(), "the session did not wait: no wake-up");
        writer.write_all(b"two").unwrap();
        writer.flush().unwrap();
        assert!(!gauge.may_draw(), "a frame is in flight");
        let _ = block_on(reader.next_frame()).unwrap();
        assert!(reader.sent(), "the session waited: wake it");
        assert!(gauge.may_draw());
        writer.write_all(b"three").unwrap();
        writer.flush().unwrap();
        let _ = block_on(reader.next_frame()).unwrap();
        assert!(!reader.sent(), "woken once, not again");
    }

    #[test]
    fn bytes_written_while_a_frame_waits_join_it_in_order() {
        let (mut writer, mut reader) = outbox();
        writer.write_all(b"one").unwrap();
        writer.flush().unwrap();
        writer.write_all(b"two").unwrap();
        writer.flush().unwrap();
        assert_eq!(block_on(reader.next_frame()).unwrap(), b"onetwo");
    }

    #[test]
    fn a_flush_while_a_frame_is_being_sent_follows_it() {
        let (mut writer, mut reader) = outbox();
        writer.write_all(b"one").unwrap();
        writer.flush().unwrap();
        let _ = block_on(reader.next_frame()).unwrap();
        writer.write_all(b"two").unwrap();
        writer.flush().unwrap();
        let _ = reader.sent();
        assert!(!writer.is_clear(), "what followed is in flight now");
        assert_eq!(block_on(reader.next_frame()).unwrap(), b"two");
        let _ = reader.sent();
        assert!(writer.is_clear());
    }

    #[test]
    fn the_reader_ends_after_the_last_frame_of_an_ended_session() {
        let (mut writer, mut reader) = outbox();
        writer.write_all(b"bye").unwrap();
        writer.flush().unwrap();
        drop(writer);
        assert_eq!(block_on(reader.next_frame()).unwrap(), b"bye");
        let _ = reader.sent();
        assert_eq!(block_on(reader.next_frame()), None);
    }

    #[test]
    fn writing_to_a_closed_connection_fails() {
        let (mut writer, reader) = outbox();
        drop(reader);
        assert_eq!(
            writer.write_all(b"x").unwrap_err().kind(),
            io::ErrorKind::BrokenPipe
        );
    }

    #[test]
    fn a_waiting_reader_is_woken_by_a_frame_from_another_thread() {
        let (mut writer, mut reader) = outbox();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let thread = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            writer.write_all(b"late").unwrap();
            writer.flush().unwrap();
            writer
        });
        let frame = runtime.block_on(reader.next_frame());
        assert_eq!(frame.unwrap(), b"late");
        drop(thread.join().unwrap());
    }
}
