//! Text laid out from a shared document, remembered for every session that
//! asks for the same thing: in a workshop room most sessions show the same
//! few focus areas at the same few widths, and laying a pane's text out again
//! for every key of every session was a large part of a key's cost on a
//! server.
//!
//! The memo is bounded in bytes (the caller says what a value weighs) and
//! forgets everything when full: a client that walks through every width
//! can make the sessions lay out again, never make the memo grow.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// What was laid out: which kind of text, for which item, at which width, in
/// which words (the interface labels it contains).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayoutKey {
    /// The kind of text (the layout function's name, say).
    pub what: &'static str,
    /// Which item of the document (an index).
    pub index: usize,
    /// The width it was laid out at.
    pub width: usize,
    /// Everything else the text depends on, such as the labels in it.
    pub words: String,
}

/// The most a memo holds, in bytes as its callers weigh them.
pub const MEMO_BYTES: usize = 4 << 20;

type Value = Arc<dyn Any + Send + Sync>;

/// Remembered layouts, shared by the sessions of one document.
#[derive(Default)]
pub struct LayoutMemo {
    inner: Mutex<Held>,
}

#[derive(Default)]
struct Held {
    values: HashMap<LayoutKey, Value>,
    bytes: usize,
}

impl LayoutMemo {
    /// The value for `key`, from `work_out` (value and weight in bytes) the
    /// first time any session asks. Worked out without holding the lock, so
    /// sessions never wait for each other's layouts.
    pub fn get_or_work_out<T: Any + Send + Sync>(
        &self,
        key: LayoutKey,
        work_out: impl FnOnce() -> (T, usize),
    ) -> Arc<T> {
        let known = self.held().values.get(&key).cloned();
        if let Some(value) = known.and_then(|value| value.downcast::<T>().ok()) {
            return value;
        }
        let (value, bytes) = work_out();
        let value = Arc::new(value);
        // A value too large to share is laid out by each session as it asks.
        if bytes <= MEMO_BYTES / 4 {
            let mut held = self.held();
            if held.bytes + bytes > MEMO_BYTES {
                held.values.clear();
                held.bytes = 0;
            }
            let shared: Value = Arc::clone(&value) as Value;
            if held.values.insert(key, shared).is_none() {
                held.bytes += bytes;
            }
        }
        value
    }

    /// How many values it holds and what they weigh.
    #[cfg(test)]
    pub fn size(&self) -> (usize, usize) {
        let held = self.held();
        (held.values.len(), held.bytes)
    }

    fn held(&self) -> std::sync::MutexGuard<'_, Held> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(index: usize, width: usize) -> LayoutKey {
        LayoutKey {
            what: "test",
            index,
            width,
            words: String::from("sv"),
        }
    }

    #[test]
    fn a_value_is_worked_out_once_per_key() {
        let memo = LayoutMemo::default();
        let mut asked = 0;
        let mut get = |index, width| {
            *memo.get_or_work_out(key(index, width), || {
                asked += 1;
                (index * 1000 + width, 8)
            })
        };
        assert_eq!(get(1, 80), 1080);
        assert_eq!(get(2, 80), 2080);
        assert_eq!(get(1, 80), 1080);
        assert_eq!(get(1, 40), 1040);
        assert_eq!(asked, 3);
        let other_words = LayoutKey {
            words: String::from("en"),
            ..key(1, 80)
        };
        assert_eq!(*memo.get_or_work_out(other_words, || (7, 8)), 7);
    }

    #[test]
    fn it_never_holds_more_than_its_bound() {
        let memo = LayoutMemo::default();
        let weight = MEMO_BYTES / 10;
        for width in 0..100 {
            let value = memo.get_or_work_out(key(0, width), || (width, weight));
            assert_eq!(*value, width);
            let (_, bytes) = memo.size();
            assert!(bytes <= MEMO_BYTES, "{bytes} after {width}");
        }
        // Too large to keep: handed out, not held.
        let huge = memo.get_or_work_out(key(1, 1), || (1, MEMO_BYTES));
        assert_eq!(*huge, 1);
        assert!(memo.size().1 <= MEMO_BYTES);
        let mut asked = false;
        memo.get_or_work_out(key(1, 1), || {
            asked = true;
            (1, MEMO_BYTES)
        });
        assert!(asked, "a value too large to keep is worked out again");
    }
}
