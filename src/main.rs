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
    if let Some(code) = commands::bench_cache::probe_if_asked() {
        return ExitCode::from(code);
    }
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
        cache: clusterdex::cache::Cache::of_user(cli.no_cache || cli.no_state),
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
    let Some(command) = cli.command else {
        return explore(&env, theme, mouse, &settings);
    };
    command_to(command, &env, &theme, io::stdout().lock())
}

/// Runs a subcommand writing to `stdout`. Into a pipe or a file its output
/// is kept until the end and written at once (a lookup's twenty rows were
/// twenty writes, each waking the reader); on a terminal the buffer has no
/// room, so every line goes out as it is written, in order with stderr.
fn command_to(
    command: Command,
    env: &Env,
    theme: &Theme,
    stdout: io::StdoutLock<'static>,
) -> io::Result<u8> {
    let room = if stdout.is_terminal() { 0 } else { 1 << 16 };
    let mut out = io::BufWriter::with_capacity(room, stdout);
    let mut err = io::stderr().lock();
    let code = command_with(command, env, theme, &mut out, &mut err)?;
    out.flush()?;
    Ok(code)
}

fn command_with(
    command: Command,
    env: &Env,
    theme: &Theme,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    match command {
        Command::Check(args) => commands::check::run(env, &args, out, err),
        Command::Cache(args) => commands::cache::run(&env.cache, &args, out, err),
        Command::Gen(args) => commands::generate::run(&args, out, err),
        Command::Search(args) => commands::search::run(env, &args, out, err),
        Command::Ask(args) => commands::ask::run(env, &args, out, err),
        Command::Show(args) => commands::show::run(env, &args, out, err),
        Command::Completions(args) => commands::completions::run(&args, out),
        Command::Snapshot(args) => commands::snapshot::run(env, &args, theme, out, err),
        Command::Bench(args) => commands::bench::run(env, &args, out, err),
        Command::Path(args) => commands::path::run(env, &args, out, err),
        Command::Timeline(args) => commands::timeline::run(env, &args, out, err),
        Command::Graph(args) => commands::graph::run(env, &args, out, err),
        Command::List(args) => commands::list::run(env, &args, out, err),
        Command::Export(args) => commands::export::run(env, &args, out, err),
        Command::Note(args) => commands::note::run(env, &args, &mut io::stdin().lock(), out, err),
        Command::Notes(args) => commands::notes::run(env, &args, out, err),
        Command::Pins(args) => commands::pins::list_pins(env, &args, out, err),
        Command::Pin(args) => commands::pins::set(env, &args, true, out, err),
        Command::Unpin(args) => commands::pins::set(env, &args, false, out, err),
        Command::Recent(args) => commands::pins::list_recent(env, &args, out, err),
        Command::Config(sub) => commands::config::run(env, &sub, out, err),
    }
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
        Some(Command::Config(_) | Command::Completions(_))
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
        tui::run(explorer(env, loaded.into_inner(), settings), &options)?;
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
    let load = move |progress: &clusterdex::progress::Progress| {
        let mut said = Vec::new();
        let opened = commands::open_watched(&on_thread, progress, &mut said);
        commands::progress::hold_for_tests();
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
