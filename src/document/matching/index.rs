//! Which focus areas hold which bytes and byte pairs: lets a search skip
//! the areas that cannot match without reading their text.

/// Byte pairs are hashed into this many buckets: enough that most of a
/// 2 kB area's buckets are still empty, few enough that the index (a bitmap
/// of areas per byte and per bucket) stays small beside the texts it indexes.
const PAIR_BUCKETS: usize = 1024;
const ROWS: usize = 256 + PAIR_BUCKETS;

/// Which areas hold which bytes and byte pairs (hashed), as one bitmap over
/// the areas per byte and per pair bucket. An area that lacks a byte or pair
/// of the query cannot match, so a letter found nowhere costs a few bitmap
/// ANDs instead of a scan of every text.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Index {
    /// Words of bits per row: one bit per area.
    words: usize,
    /// `ROWS` rows of `words` words: row `b` for byte `b`, then the pair buckets.
    bits: Vec<u64>,
}

impl Index {
    /// The index of the areas' folded texts.
    pub(super) fn of(areas: &[String]) -> Self {
        let words = areas.len().div_ceil(64);
        let mut bits = vec![0u64; ROWS * words];
        for (area, text) in areas.iter().enumerate() {
            let (word, bit) = (area / 64, 1u64 << (area % 64));
            let bytes = text.as_bytes();
            for &b in bytes {
                bits[usize::from(b) * words + word] |= bit;
            }
            for pair in bytes.windows(2) {
                bits[Self::pair_row(pair[0], pair[1]) * words + word] |= bit;
            }
        }
        Self { words, bits }
    }

    fn pair_row(a: u8, b: u8) -> usize {
        // Multiplicative hashing: ASCII letter pairs spread over the buckets.
        let h = (u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9E37_79B1);
        256 + (h >> 22) as usize % PAIR_BUCKETS
    }

    /// The rows a text holding `needle` must have bits in: its bytes and
    /// byte pairs, each once.
    pub(super) fn keys(needle: &[u8]) -> Vec<usize> {
        let mut keys: Vec<usize> = needle.iter().map(|&b| usize::from(b)).collect();
        keys.extend(needle.windows(2).map(|p| Self::pair_row(p[0], p[1])));
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// False when area `area` lacks one of `keys`, so cannot match.
    pub(super) fn may_hold(&self, area: usize, keys: &[usize]) -> bool {
        let (word, bit) = (area / 64, 1u64 << (area % 64));
        keys.iter().all(|&row| {
            self.bits
                .get(row * self.words + word)
                .is_some_and(|w| w & bit != 0)
        })
    }

    /// The areas that hold every one of `keys`, in order.
    pub(super) fn holding(&self, keys: &[usize]) -> impl Iterator<Item = usize> + '_ {
        let mut all = vec![u64::MAX; self.words];
        for &row in keys {
            let row = &self.bits[row * self.words..][..self.words];
            all.iter_mut().zip(row).for_each(|(a, r)| *a &= r);
        }
        all.into_iter().enumerate().flat_map(|(word, mut bits)| {
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    word * 64 + bit
                })
            })
        })
    }
}
