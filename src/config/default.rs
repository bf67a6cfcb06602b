//! The text `clusterdex config default` prints: every setting at its default,
//! explained, and every action with its keys, commented out, generated from
//! the keymap's table so that it always names the actions there are.

use std::fmt::Write as _;

use super::keys;
use super::remap::{self, action_name, context_name};
use crate::app::keymap::builtin;

const HEAD: &str = r#"// clusterdex settings: $XDG_CONFIG_HOME/clusterdex/config.ron
// (~/.config/clusterdex/config.ron when XDG_CONFIG_HOME is unset).
// Every setting is optional: what is left out keeps its default. Options on the
// command line win over this file. Check the file with `clusterdex config check`;
// a file with problems is not used at all (the explorer says so and starts with
// the defaults).
(
    // The dataset opened when neither --data nor CLUSTERDEX_DATA names one: a
    // path in quotes ("~/" is your home folder; a relative path starts from this
    // file's folder), or None for the built-in dataset.
    data: None,

    // Colours for a "dark" or a "light" terminal background (NO_COLOR turns
    // colour off whatever this says). Like --theme.
    theme: "dark",

    // Let the mouse select rows and scroll; the terminal's own text selection
    // then needs Shift. Like --mouse (and --no-mouse).
    mouse: false,

    // Keys. An action's name, then a key or a list of keys: they replace the
    // action's keys in every mode where it has keys, except that in the search
    // and filter lines and in a note plain characters are typed, so there only
    // the other keys apply. "mode.action" sets one mode only, e.g.
    // "search.down": ["C-j"]. The panes' keys (show_clusters to show_recent,
    // at the end) can be remapped too; they work wherever the global keys do.
    // Names never change from one version to the next.
MODES_AND_KEYS
    // Ctrl-c always quits. Remove the // before a line to change it.
    keys: {
"#;

/// The whole default config.
pub fn text() -> String {
    let modes: Vec<String> = remap::contexts().into_iter().map(context_name).collect();
    let about = format!("Modes: {}. A key is {}.", modes.join(", "), keys::SYNTAX);
    let mut out = HEAD.replace("MODES_AND_KEYS", &comment(&about, "    // ", 80));
    for (name, action) in remap::actions() {
        let rows: Vec<_> = (builtin().rows().iter())
            .filter(|b| b.action == action)
            .collect();
        let same = rows.windows(2).all(|w| w[0].keys == w[1].keys);
        if same {
            line(&mut out, &name, &rows[0].keys, &rows[0].help);
        } else {
            for b in rows {
                let qualified = format!("{}.{}", context_name(b.context), action_name(action));
                line(&mut out, &qualified, &b.keys, &b.help);
            }
        }
    }
    out.push_str("    },\n)\n");
    out
}

/// Text as comment lines of at most `width` columns.
fn comment(text: &str, prefix: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && prefix.len() + line.len() + 1 + word.len() > width {
            lines.push(format!("{prefix}{line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(format!("{prefix}{line}"));
    lines.join("\n")
}

fn line(out: &mut String, name: &str, keys: &[keys::Key], help: &str) {
    let quoted: Vec<String> = keys::names(keys).iter().map(|k| format!("{k:?}")).collect();
    let entry = format!("// {name:?}: [{}],", quoted.join(", "));
    let _ = writeln!(out, "        {entry:<44} // {help}");
}
