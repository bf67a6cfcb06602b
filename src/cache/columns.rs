//! Plain arrays of numbers in a compiled cache, written as their
//! little-endian bytes in one piece instead of number by number. Read back,
//! they fill a vector of exactly their length at about the speed of a copy;
//! a sequence of postcard's own starts from a capped guess and doubles as it
//! fills, which copied and touched about twice the memory of the largest
//! arrays of an index (a fifth of a cached load's time at 100,000 entities).
//!
//! Untrusted like the rest of a payload: the length comes from the bytes
//! present, so a claim cannot make a large allocation, and a length that is
//! not a whole number of items, or an item that is no value of its type, is
//! refused. Used as `#[serde(with = "crate::cache::columns")]` on a `Vec`.

use serde::de::{Error, Visitor};
use serde::{Deserializer, Serializer};

/// A value of a fixed number of bytes.
pub trait Column: Sized {
    const SIZE: usize;
    fn put(&self, out: &mut Vec<u8>);
    /// The value in exactly [`Self::SIZE`] bytes, if they make one.
    fn take(bytes: &[u8]) -> Option<Self>;
}

macro_rules! number {
    ($($t:ty),*) => {$(
        impl Column for $t {
            const SIZE: usize = size_of::<$t>();
            fn put(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn take(bytes: &[u8]) -> Option<Self> {
                Some(<$t>::from_le_bytes(bytes.try_into().ok()?))
            }
        }
    )*};
}

number!(u8, u16, u32, u64, i32);

impl<A: Column, B: Column> Column for (A, B) {
    const SIZE: usize = A::SIZE + B::SIZE;
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(bytes: &[u8]) -> Option<Self> {
        let (a, b) = bytes.split_at_checked(A::SIZE)?;
        Some((A::take(a)?, B::take(b)?))
    }
}

pub fn serialize<T: Column, S: Serializer>(items: &[T], s: S) -> Result<S::Ok, S::Error> {
    let mut bytes = Vec::with_capacity(items.len() * T::SIZE);
    for item in items {
        item.put(&mut bytes);
    }
    s.serialize_bytes(&bytes)
}

pub fn deserialize<'de, T: Column, D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    d.deserialize_bytes(Items(std::marker::PhantomData))
}

struct Items<T>(std::marker::PhantomData<T>);

impl<T: Column> Visitor<'_> for Items<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "items of {} bytes", T::SIZE)
    }

    fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
        if T::SIZE == 0 || !bytes.len().is_multiple_of(T::SIZE) {
            return Err(E::invalid_length(bytes.len(), &self));
        }
        let mut items = Vec::with_capacity(bytes.len() / T::SIZE);
        for item in bytes.chunks_exact(T::SIZE) {
            items.push(T::take(item).ok_or_else(|| E::custom("not a value of its column"))?);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Table {
        #[serde(with = "super")]
        pairs: Vec<(u32, i32)>,
        #[serde(with = "super")]
        masks: Vec<u64>,
    }

    #[test]
    fn columns_read_back_as_written() {
        let table = Table {
            pairs: vec![(0, -1), (u32::MAX, i32::MIN), (7, 42)],
            masks: vec![u64::MAX, 0, 1 << 40],
        };
        let bytes = postcard::to_allocvec(&table).unwrap();
        assert_eq!(postcard::from_bytes::<Table>(&bytes).unwrap(), table);
    }

    #[test]
    fn a_column_of_part_of_an_item_is_refused() {
        // One pair is 8 bytes; 7 bytes of column, then an empty column.
        let bytes = [7, 1, 2, 3, 4, 5, 6, 7, 0];
        assert!(postcard::from_bytes::<Table>(&bytes).is_err());
        let whole = [8, 1, 2, 3, 4, 5, 6, 7, 8, 0];
        assert!(postcard::from_bytes::<Table>(&whole).is_ok());
    }

    #[test]
    fn a_length_beyond_the_bytes_is_refused_without_allocating_it() {
        // A length of about 2^62 over a handful of bytes.
        let bytes = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f, 1, 2];
        assert!(postcard::from_bytes::<Table>(&bytes).is_err());
    }
}
