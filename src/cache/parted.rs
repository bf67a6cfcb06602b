//! A cache file opened a part at a time: its header and its table of parts
//! are read and checked first, and each part is read, and held to its
//! checksum, only by the thread that decodes it, then dropped. A whole load
//! no longer holds every byte of the file beside the dataset it decodes
//! (at a million entities, 620 MB), and reading overlaps decoding on every
//! core; a glance (`glance.rs`) reads only the parts it needs. The built-in
//! dataset's compiled form, embedded in the program in the same layout, is
//! opened the same way, its parts borrowed instead of read and not summed
//! again (the build took their checksums from these very bytes).

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use super::format::{self, Bad, Header};
use super::parts;
use super::payload::{DOES_NOT_DECODE, Head, PARALLEL_FROM, Parts, join, whole};
use super::runs::{self, RUN};
use crate::model::Entity;
use crate::search::Index;
use crate::search::halves::{Lookups, Texts};

const CANNOT_READ: Bad = Bad("cannot be read");
const SHORT: Bad = Bad("truncated or too long");

/// A cache file whose header and table of parts are sound.
pub struct Parted {
    source: Source,
    pub header: Header,
    /// Each part's start in the file, length and checksum.
    places: Vec<(u64, u64, u64)>,
}

/// Where the bytes are: a file, read again for each part, or the bytes of
/// the built-in dataset, in the program for as long as it runs.
enum Source {
    File(PathBuf),
    Embedded(&'static [u8]),
}

impl Source {
    /// Whether the bytes are held to their checksums. A file's may have been
    /// cut, damaged or replaced since they were written; the program's own
    /// are the bytes `build.rs` took the checksums from, so summing them
    /// again could only prove the build consistent with itself (a test
    /// holds them to every checksum). Either way the decoded index and each
    /// entity still go through their checks.
    fn summed(&self) -> bool {
        matches!(self, Source::File(_))
    }

    fn read(&self, at: u64, len: u64) -> Result<Cow<'static, [u8]>, Bad> {
        match self {
            Source::File(path) => {
                let file = File::open(path).map_err(|_| CANNOT_READ)?;
                read_at(&file, at, len).map(Cow::Owned)
            }
            Source::Embedded(bytes) => slice_at(bytes, at, len).map(Cow::Borrowed),
        }
    }
}

impl Parted {
    /// Opens a cache file: its header, and its table of parts held to the
    /// header's checksum, the parts adding up to the file's end, as many runs
    /// as the header's entities need.
    pub fn open(path: &Path) -> Result<Parted, Bad> {
        let file = File::open(path).map_err(|_| CANNOT_READ)?;
        let size = file.metadata().map_err(|_| CANNOT_READ)?.len();
        let read = |at, len| read_at(&file, at, len).map(Cow::Owned);
        Parted::sound(Source::File(path.to_path_buf()), size, read)
    }

    /// Opens bytes laid out as a cache file, held to the same checks.
    pub fn embedded(bytes: &'static [u8]) -> Result<Parted, Bad> {
        let read = |at, len| slice_at(bytes, at, len).map(Cow::Borrowed);
        Parted::sound(Source::Embedded(bytes), bytes.len() as u64, read)
    }

    /// The header and table of parts `read` gives, checked against each
    /// other and against the `size` of the whole.
    fn sound(
        source: Source,
        size: u64,
        read: impl Fn(u64, u64) -> Result<Cow<'static, [u8]>, Bad>,
    ) -> Result<Parted, Bad> {
        let mut start = read(0, 24)?.into_owned();
        let end = format::header_end(&start)?;
        start.extend_from_slice(&read(24, end as u64 - 24)?);
        let (header, at) = format::header(&start)?;
        if size.checked_sub(at as u64) != Some(header.payload_len) {
            return Err(SHORT);
        }
        let count = parts::count(&read(at as u64, 4)?, header.payload_len)?;
        let table = read(at as u64, parts::table_len(count) as u64)?;
        if source.summed() && xxh3_64(&table) != header.payload_sum {
            return Err(Bad("checksum does not match"));
        }
        let mut next = (at + table.len()) as u64;
        let mut places = Vec::with_capacity(count);
        for (len, sum) in parts::entries(&table) {
            places.push((next, len, sum));
            next = next.checked_add(len).ok_or(SHORT)?;
        }
        let n = usize::try_from(header.entities).map_err(|_| Bad("too many entities"))?;
        if next != size || places.len() != 4 + n.div_ceil(RUN) {
            return Err(Bad("payload does not decode"));
        }
        Ok(Parted {
            source,
            header,
            places,
        })
    }

    /// How many parts: the head, the runs, the ids, the index's two halves.
    pub fn count(&self) -> usize {
        self.places.len()
    }

    /// How many entities the header says the runs hold.
    pub fn entities(&self) -> usize {
        // `open` held the count to the number of runs, so it fits.
        usize::try_from(self.header.entities).unwrap_or(0)
    }

    /// The bytes of part `k`, held to their checksum. Each read opens the
    /// file anew, so that threads reading parts at once do not share a
    /// position; a file renamed over this one since fails the checksums of
    /// this one's table.
    pub fn part(&self, k: usize) -> Result<Cow<'static, [u8]>, Bad> {
        let (at, len, sum) = *self.places.get(k).ok_or(SHORT)?;
        let bytes = self.source.read(at, len)?;
        if self.source.summed() && xxh3_64(&bytes) != sum {
            return Err(Bad("checksum does not match"));
        }
        Ok(bytes)
    }

    /// Part `k` decoded by `decode` while its checksum is taken on another
    /// core: the decoder is safe on any bytes, and what it made is dropped
    /// if the bytes are not the ones the table vouches for.
    pub fn decoded<T: Send>(
        &self,
        k: usize,
        decode: impl FnOnce(&[u8]) -> Option<T> + Send,
    ) -> Result<T, Bad> {
        let (at, len, sum) = *self.places.get(k).ok_or(SHORT)?;
        let bytes = self.source.read(at, len)?;
        if !self.source.summed() {
            return decode(&bytes).ok_or(DOES_NOT_DECODE);
        }
        let size = bytes.len();
        let (summed, value) = join(size, || xxh3_64(&bytes), || decode(&bytes));
        if summed != sum {
            return Err(Bad("checksum does not match"));
        }
        value.ok_or(DOES_NOT_DECODE)
    }

    /// The index: its two halves, the last two parts, decoded at once.
    pub fn index(&self) -> Result<Index, Bad> {
        let (texts, lookups) = (self.count() - 2, self.count() - 1);
        let (t, l) = join(
            usize::try_from(self.header.payload_len).unwrap_or(usize::MAX),
            || self.decoded(texts, whole::<Texts>),
            || self.decoded(lookups, whole::<Lookups>),
        );
        Ok(Index::from_halves(t?, l?))
    }

    /// The first four bytes of part `k` (a run's count), and the part's
    /// length: what sizing the entities needs before any run is read whole.
    pub fn first_bytes(&self, k: usize) -> Result<([u8; 4], u64), Bad> {
        let (at, len, _) = *self.places.get(k).ok_or(SHORT)?;
        let bytes = self.source.read(at, len.min(4))?;
        let first = bytes
            .as_ref()
            .try_into()
            .map_err(|_| Bad("payload does not decode"))?;
        Ok((first, len))
    }
}

/// Decodes every part of a cache file opened by parts, as
/// [`super::payload::decode_payload`]
/// does, each part read, and held to its checksum, by the thread that
/// decodes it and dropped once decoded: the index and the head on one side,
/// the runs on the other.
pub fn decode(file: &Parted) -> Result<Parts, Bad> {
    let ids = file.count() - 3;
    // Runs are parts 1 to the ids', which a whole load skips.
    let runs = 1..ids;
    let counts = runs
        .clone()
        .map(|k| {
            file.first_bytes(k)
                .and_then(|(first, len)| runs::count_in(first, len))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut entities = runs::placeholders_of(&counts)?;
    let read = |k: usize| file.part(k);
    let fill = |(slots, k): (&mut [Entity], usize)| runs::fill(slots, &read(k)?);
    let size = usize::try_from(file.header.payload_len).unwrap_or(usize::MAX);
    let ((index, head), filled) = join(
        size,
        || (file.index(), file.decoded(0, whole::<Head>)),
        || runs::fill_all(&mut entities, runs, size >= PARALLEL_FROM, fill),
    );
    filled?;
    Ok(Parts {
        head: head?,
        entities,
        index: index?,
    })
}

/// `len` bytes of `file` from `at`; the caller has held `len` to the file's
/// size, so the memory asked for is there on disk.
fn read_at(mut file: &File, at: u64, len: u64) -> Result<Vec<u8>, Bad> {
    let len = usize::try_from(len).map_err(|_| SHORT)?;
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(len).map_err(|_| SHORT)?;
    file.seek(SeekFrom::Start(at)).map_err(|_| SHORT)?;
    (file.take(len as u64))
        .read_to_end(&mut bytes)
        .map_err(|_| SHORT)?;
    if bytes.len() == len {
        Ok(bytes)
    } else {
        Err(SHORT)
    }
}

/// `len` bytes of `bytes` from `at`, if there are that many.
fn slice_at(bytes: &[u8], at: u64, len: u64) -> Result<&[u8], Bad> {
    let at = usize::try_from(at).map_err(|_| SHORT)?;
    let end = at.checked_add(usize::try_from(len).map_err(|_| SHORT)?);
    end.and_then(|end| bytes.get(at..end)).ok_or(SHORT)
}
