//! Where the user's own files live, found the XDG way through `etcetera` (on
//! Linux and macOS alike): notes are data, pins and recent lookups are state, the
//! settings are config. One subfolder, `clusterdex`, in each.

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

const APP: &str = "clusterdex";

/// Every file clusterdex reads or writes outside the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// `$XDG_DATA_HOME/clusterdex/notes.ron`
    pub notes: PathBuf,
    /// `$XDG_STATE_HOME/clusterdex/pins.ron`
    pub pins: PathBuf,
    /// `$XDG_STATE_HOME/clusterdex/recent.ron`
    pub recent: PathBuf,
    /// `$XDG_CONFIG_HOME/clusterdex/config.ron`
    pub config: PathBuf,
}

impl Paths {
    /// The paths of this user, from the XDG variables (absolute ones only, as
    /// the specification asks) or their defaults under the home folder.
    pub fn of_user() -> Result<Paths, String> {
        let base = etcetera::choose_base_strategy()
            .map_err(|e| format!("{e}; set HOME or the XDG_*_HOME variables"))?;
        let data = base.data_dir().join(APP);
        // Windows has no state folder: state then lives beside the data.
        let state = base
            .state_dir()
            .map_or_else(|| data.clone(), |s| s.join(APP));
        Ok(Paths::from_dirs(
            &data,
            &state,
            &base.config_dir().join(APP),
        ))
    }

    /// The paths under three given folders (tests use temporary ones).
    pub fn from_dirs(data: &Path, state: &Path, config: &Path) -> Paths {
        Paths {
            notes: data.join("notes.ron"),
            pins: state.join("pins.ron"),
            recent: state.join("recent.ron"),
            config: config.join("config.ron"),
        }
    }

    /// All under one folder, for tests.
    pub fn under(dir: &Path) -> Paths {
        Paths::from_dirs(&dir.join("data"), &dir.join("state"), &dir.join("config"))
    }
}
