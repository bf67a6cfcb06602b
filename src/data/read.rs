//! Reading a dataset file without trusting it. Only a regular file is read:
//! opening a FIFO blocks until someone writes to it, and a device can stream
//! forever, so both are refused before the file is opened for reading (and
//! again after, in case the path was replaced in between). The file is opened
//! without blocking, held to the size limit while it is read, and memory for
//! it is asked for in a way that can fail: a file larger than the memory left
//! is a message, not an abort.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use super::error::LoadError;

/// What kind of file this is when it is not a regular file ("a FIFO", ...).
fn not_regular(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a file")
}

/// Opens for reading without waiting: on a FIFO swapped in after the check,
/// `open` would otherwise block until a writer came.
fn open(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Opens a regular file of at most `max_bytes` for reading, refusing anything
/// else before reading it; with its size.
pub fn open_checked(path: &Path, max_bytes: u64) -> Result<(File, u64), LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let regular = |meta: &Metadata| match not_regular(meta) {
        Some(what) => Err(LoadError::NotAFile {
            path: path.to_path_buf(),
            what,
        }),
        None => Ok(()),
    };
    regular(&std::fs::metadata(path).map_err(io)?)?;
    let file = open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    regular(&meta)?;
    let size = meta.len();
    if size > max_bytes {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: Some(size),
            limit: max_bytes,
        });
    }
    Ok((file, size))
}

/// Reads a regular file of at most `max_bytes`, refusing anything else before
/// reading it.
pub fn read(path: &Path, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    read_open(path, max_bytes).map(|(_, bytes)| bytes)
}

/// [`read`], with the file still open: a large file's pieces are read from
/// it again as they parse (see `split.rs`).
pub fn read_open(path: &Path, max_bytes: u64) -> Result<(File, Vec<u8>), LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let (file, size) = open_checked(path, max_bytes)?;
    let out_of_memory = || LoadError::OutOfMemory {
        path: path.to_path_buf(),
        size,
    };
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(usize::try_from(size).unwrap_or(usize::MAX))
        .map_err(|_| out_of_memory())?;
    // A file that grows while being read is still held to the limit, and the
    // standard library asks for more room in a way that can fail, too.
    match (&file)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::OutOfMemory => return Err(out_of_memory()),
        Err(e) => return Err(io(e)),
    }
    if bytes.len() as u64 > max_bytes {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: None,
            limit: max_bytes,
        });
    }
    Ok((file, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let e = read(dir.path(), 1 << 20).expect_err("a directory is no dataset");
        assert!(
            e.to_string().contains("is a directory, not a regular file"),
            "{e}"
        );
        assert!(e.is_io());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_reading_it() {
        let e = read(Path::new("/dev/zero"), u64::MAX).expect_err("a device is no dataset");
        assert_eq!(
            e.to_string().lines().next(),
            Some("error: /dev/zero is a character device, not a regular file")
        );
    }

    #[test]
    fn a_file_over_the_limit_says_both_sizes_apart() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.ron");
        std::fs::write(&path, vec![b' '; 3000]).expect("write");
        let e = read(&path, 2999).expect_err("over");
        assert!(
            e.to_string()
                .contains("is 3,000 bytes, over the limit of 2,999 bytes"),
            "{e}"
        );
        assert_eq!(read(&path, 3000).expect("at the limit").len(), 3000);
    }
}
