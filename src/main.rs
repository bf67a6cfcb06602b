//! The `clusterdex` binary: parse arguments, dispatch, turn results into exit codes.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clusterdex::args::Outputs;
use clusterdex::cli::{Cli, Command, ThemeArg};
use clusterdex::commands::{self, Env, exit};
use clusterdex::config;
use clusterdex::load::DataSource;
use clusterdex::store::Store;
use clusterdex::text::clean;
use clusterdex::tui;
use clusterdex::ui::{Theme, ThemeName};

// Many small strings and short-lived vectors: a faster, leaner allocator than the system one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let io = Outputs {
        out: &mut io::stdout(),
        err: &mut io::stderr(),
        color: io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let cli = match clusterdex::args::parse_from(std::env::args_os(), io) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // A closed pipe (`clusterdex search x | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(exit::OK),
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            ExitCode::from(exit::ERROR)
        }
    }
}

fn run(cli: Cli) -> io::Result<u8> {
    let max_bytes = cli.max_bytes();
    let store = user_store(&cli);
    let settings = settings(&cli, &store);
    let env = Env {
        source: DataSource::from_option(cli.data.clone().or(settings.config.data.clone())),
        max_bytes,
        color: io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        store,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(
        match cli.theme {
            Some(ThemeArg::Dark) => ThemeName::Dark,
            Some(ThemeArg::Light) => ThemeName::Light,
            None => settings.config.theme.unwrap_or(ThemeName::Dark),
        },
        no_color,
    );
    // Options on the command line win over the config file.
    let mouse = cli.mouse || (!cli.no_mouse && settings.config.mouse.unwrap_or(false));
    let (mut out, mut err) = (io::stdout().lock(), io::stderr().lock());
    match cli.command {
        Some(Command::Check { file }) => {
            let source = DataSource::from_option(file.or(cli.data).or(settings.config.data));
            commands::check::run(&source, max_bytes, &mut out, &mut err)
        }
        Some(Command::Gen { entities, seed }) => {
            commands::generate::run(entities, seed, &mut out, &mut err)
        }
        Some(Command::Search {
            query,
            kind,
            limit,
            json,
        }) => {
            let args = commands::search::Args {
                query: query.join(" "),
                kind,
                limit,
                json,
            };
            commands::search::run(&env, &args, &mut out, &mut err)
        }
        Some(Command::Ask { question, json }) => {
            commands::ask::run(&env, &question.join(" "), json, &mut out, &mut err)
        }
        Some(Command::Show { entity, json }) => {
            commands::show::run(&env, &entity.join(" "), json, &mut out, &mut err)
        }
        Some(Command::Completions { shell }) => commands::completions::run(shell, &mut out),
        Some(Command::Snapshot { size, keys }) => {
            commands::snapshot::run(&env, &size, &keys, &theme, &mut out, &mut err)
        }
        Some(Command::Bench {
            typed,
            size,
            runs,
            json,
        }) => {
            let args = commands::bench::Args {
                typed,
                size,
                json,
                runs,
            };
            commands::bench::run(&env, &args, &mut out, &mut err)
        }
        Some(Command::Path {
            from,
            to,
            max,
            json,
        }) => commands::path::run(&env, &from, &to, max, json, &mut out, &mut err),
        Some(Command::Timeline {
            chart: true,
            kind,
            width,
            today,
            ..
        }) => {
            let args = commands::chart::Args {
                kind,
                width: width.unwrap_or_else(picture_width),
                today: today.unwrap_or_else(clusterdex::app::chart::this_year),
            };
            commands::chart::run(&env, &args, &mut out, &mut err)
        }
        Some(Command::Timeline {
            from,
            to,
            kind,
            json,
            ..
        }) => {
            let filter = clusterdex::meeting::timeline::Filter { from, to, kind };
            commands::timeline::run(&env, &filter, json, &mut out, &mut err)
        }
        Some(Command::Graph {
            entity,
            depth,
            format,
            width,
            limit,
        }) => {
            let args = commands::graph::Args {
                entity: entity.join(" "),
                depth,
                format,
                width: width.unwrap_or_else(picture_width),
                limit,
            };
            commands::graph::run(&env, &args, &mut out, &mut err)
        }
        Some(Command::List {
            kind,
            tag,
            place,
            member_of,
            market,
            json,
        }) => {
            let args = commands::list::Args {
                kind,
                tag,
                place,
                member_of,
                market,
                json,
            };
            commands::list::run(&env, &args, &mut out, &mut err)
        }
        Some(Command::Export {
            format,
            kind,
            relations,
            ids,
        }) => {
            let args = commands::export::Args {
                format,
                kind,
                relations,
                ids,
            };
            commands::export::run(&env, &args, &mut out, &mut err)
        }
        Some(Command::Note(args)) => {
            commands::note::run(&env, &args, &mut io::stdin().lock(), &mut out, &mut err)
        }
        Some(Command::Notes(args)) => commands::notes::run(&env, &args, &mut out, &mut err),
        Some(Command::Pins(args)) => commands::pins::list_pins(&env, &args, &mut out, &mut err),
        Some(Command::Pin(args)) => commands::pins::set(&env, &args, true, &mut out, &mut err),
        Some(Command::Unpin(args)) => commands::pins::set(&env, &args, false, &mut out, &mut err),
        Some(Command::Recent(args)) => commands::pins::list_recent(&env, &args, &mut out, &mut err),
        Some(Command::Config(args)) => commands::config::run(&env, &args, &mut out, &mut err),
        None => {
            drop((out, err));
            explore(&env, theme, mouse, &settings)
        }
    }
}

/// Columns for a picture printed by a command: the terminal's, else `COLUMNS`,
/// else 100.
fn picture_width() -> u16 {
    tui::stdout_width()
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .unwrap_or(100)
}

/// The user's files, unless `--no-state`; without a home folder, none (said once).
fn user_store(cli: &Cli) -> Store {
    if cli.no_state {
        return Store::off();
    }
    Store::of_user().unwrap_or_else(|e| {
        let _ = writeln!(
            io::stderr(),
            "warning: {e}; notes, pins and settings are off"
        );
        Store::off()
    })
}

/// The config file's settings (the defaults when it has problems). Commands
/// warn about problems on stderr; the explorer shows a banner instead; the
/// `config` commands report them themselves.
fn settings(cli: &Cli, store: &Store) -> config::Loaded {
    let Some(paths) = store.paths() else {
        return config::Loaded::default();
    };
    if matches!(
        cli.command,
        Some(Command::Config(_) | Command::Completions { .. })
    ) {
        return config::Loaded::default();
    }
    let loaded = config::load(&paths.config);
    if let (Some(banner), Some(_)) = (loaded.banner(), &cli.command) {
        let _ = writeln!(io::stderr(), "warning: {}", clean(&banner));
    }
    loaded
}

/// The explorer: load, then hand the terminal to the event loop. A file loads
/// behind the loading screen, which takes the terminal at once; the built-in
/// dataset is there before anyone could see one.
fn explore(env: &Env, theme: Theme, mouse: bool, settings: &config::Loaded) -> io::Result<u8> {
    let options = tui::Options {
        theme,
        mouse,
        watch: match &env.source {
            DataSource::File(p) => Some((p.clone(), env.max_bytes)),
            DataSource::Builtin => None,
        },
    };
    let DataSource::File(path) = &env.source else {
        let loaded = match commands::open(env, &mut io::stderr())? {
            Ok(l) => l,
            Err(code) => return Ok(code),
        };
        tui::run(explorer(env, loaded, settings), &options)?;
        return Ok(exit::OK);
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let on_thread = env.clone();
    // What the load has to say (a failure, or a file's problems) waits until
    // the terminal is back.
    let mut said = Vec::new();
    let mut failed = exit::ERROR;
    // An undocumented switch for the end-to-end tests of the loading screen:
    // the load ends but is never handed over, so the screen stays to be read.
    let hold = std::env::var_os("CLUSTERDEX_TEST_HOLD_LOAD").is_some();
    let load = move |progress: &clusterdex::progress::Progress| {
        let mut said = Vec::new();
        let opened = commands::open_watched(&on_thread, progress, &mut said);
        if hold {
            loop {
                std::thread::park();
            }
        }
        (opened, said)
    };
    let open = |(opened, text): (io::Result<Result<_, u8>>, Vec<u8>)| {
        said = text;
        match opened {
            Ok(Ok(loaded)) => Some(explorer(env, loaded, settings)),
            Ok(Err(code)) => {
                failed = code;
                None
            }
            Err(_) => None,
        }
    };
    let ended = tui::run_loading(&name, &options, load, open)?;
    io::stderr().write_all(&said)?;
    match ended {
        tui::Ended::Quit => Ok(exit::OK),
        tui::Ended::NotOpened => Ok(failed),
        tui::Ended::Cancelled => {
            writeln!(
                io::stderr(),
                "clusterdex: loading {} cancelled",
                clean(&name)
            )?;
            Ok(exit::CANCELLED)
        }
    }
}

/// The explorer's state as it starts, from a loaded dataset.
fn explorer(
    env: &Env,
    loaded: clusterdex::load::Loaded,
    settings: &config::Loaded,
) -> clusterdex::app::App {
    let mut app = commands::snapshot::app(env, loaded, settings);
    app.in_tmux = clusterdex::clipboard::in_tmux();
    app
}
