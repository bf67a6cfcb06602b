//! Running the program as a user of the compiled cache: HOME and the XDG
//! folders in a temporary directory, `CLUSTERDEX_CACHE_TRACE` on so that the
//! cache says on stderr what it did, and generated datasets large enough to
//! be cached.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Run {
    pub code: i32,
    pub out: String,
    pub err: String,
}

pub fn run(home: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_clusterdex"))
        .args(args)
        .env_remove("CLUSTERDEX_DATA")
        .env_remove("CLUSTERDEX_NO_STATE")
        .env_remove("CLUSTERDEX_NO_CACHE")
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("CLUSTERDEX_CACHE_TRACE", "1")
        .output()
        .expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A generated dataset of more than 1 MiB, the smallest the cache takes.
pub fn generated(home: &Path, seed: u64) -> PathBuf {
    let r = run(
        home,
        &["gen", "--entities", "2000", "--seed", &seed.to_string()],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.len() > 1024 * 1024, "{} bytes", r.out.len());
    let path = home.join(format!("gen{seed}.ron"));
    std::fs::write(&path, r.out).expect("writes");
    path
}
