//! `clusterdex graph ENTITY [--depth N] [--format text|dot] [--width W] [--limit N]`:
//! the network view's picture of an entity's neighbourhood printed without
//! colour, as tall as it needs to be, with its legend; or the same
//! neighbourhood for Graphviz.

use std::io::{self, Write};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::snapshot::screen_text;
use super::{Env, exit, open};
use crate::meeting::network::layout::{layout, natural_height};
use crate::meeting::network::{Limits, Neighbourhood};
use crate::model::{Certainty, Dataset};
use crate::text::clean;
use crate::ui::Theme;
use crate::ui::picture::{Picture, legend};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The picture as text
    Text,
    /// A Graphviz digraph
    Dot,
}

/// The narrowest picture worth printing.
pub const MIN_WIDTH: u16 = 40;

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// An id, a name or alias (accents optional), or words that clearly point to one entity
    #[arg(required = true, num_args = 1..)]
    pub entity: Vec<String>,
    /// 1: the entity's relations; 2: their relations too
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub depth: u8,
    /// text: the picture, without colour; dot: a Graphviz digraph
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Columns of the picture (default: the terminal's width)
    #[arg(long, value_name = "W")]
    pub width: Option<u16>,
    /// At most N neighbours per relation label, the rest counted (0: all)
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
}

impl GraphArgs {
    fn limits(&self) -> Limits {
        let per_node = Limits::default().per_node;
        Limits {
            per_label: self.limit,
            per_node: if self.limit == 0 {
                0
            } else {
                per_node.min(self.limit)
            },
        }
    }
}

pub fn run(
    env: &Env,
    args: &GraphArgs,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let width = args.width.unwrap_or_else(super::picture_width);
    if args.format == Format::Text && width < MIN_WIDTH {
        writeln!(
            err,
            "error: a picture {} columns wide is too narrow; use --width {MIN_WIDTH} or more",
            width
        )?;
        return Ok(exit::ERROR);
    }
    let mut loaded = match open(env, err)? {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let index = loaded.take_index();
    let ds = &loaded.dataset;
    let Some(centre) = super::find(ds, &index, &args.entity.join(" "), err)? else {
        return Ok(exit::NO);
    };
    let hood = Neighbourhood::build(ds, centre, args.depth, args.limits());
    match args.format {
        Format::Text => text(ds, &hood, width, out)?,
        Format::Dot => dot(ds, &hood, out)?,
    }
    Ok(exit::OK)
}

/// The picture, a title above it and the legend below, as plain text lines.
pub fn picture_lines(ds: &Dataset, hood: &Neighbourhood, width: u16) -> Vec<String> {
    let height = natural_height(hood);
    let theme = Theme::plain();
    let l = layout(ds, hood, width, height);
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    Picture {
        ds,
        hood,
        layout: &l,
        selected: None,
        theme: &theme,
    }
    .render(area, &mut buf);
    let centre = ds.entity(hood.nodes[0].entity);
    let mut lines = vec![
        format!(
            "Network of {} ({}) · depth {}",
            clean(&centre.name),
            centre.kind,
            hood.depth
        ),
        String::new(),
    ];
    lines.extend(screen_text(&buf));
    lines.push(String::new());
    for line in legend(ds, hood, &theme, usize::from(width)) {
        lines.push(line.spans.iter().map(|s| s.content.as_ref()).collect());
    }
    lines
}

fn text(ds: &Dataset, hood: &Neighbourhood, width: u16, out: &mut impl Write) -> io::Result<()> {
    for line in picture_lines(ds, hood, width) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Dataset text inside a DOT string literal.
fn escaped(s: &str) -> String {
    clean(s).replace('\\', "\\\\").replace('"', "\\\"")
}

/// A DOT string literal.
fn quoted(s: &str) -> String {
    format!("\"{}\"", escaped(s))
}

/// Every node with its kind, every relation the picture draws (inferred ones
/// dashed), and a note where neighbours were left out.
fn dot(ds: &Dataset, hood: &Neighbourhood, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "digraph neighbourhood {{\n  rankdir=LR;\n  node [shape=box];"
    )?;
    for (i, n) in hood.nodes.iter().enumerate() {
        let e = ds.entity(n.entity);
        let bold = if i == 0 { ", style=bold" } else { "" };
        let label = format!("\"{}\\n({})\"", escaped(&e.name), e.kind);
        writeln!(out, "  {} [label={label}{bold}];", quoted(&e.id))?;
    }
    for n in hood.nodes.iter().skip(1) {
        for t in &n.ties {
            let r = &ds.relations[t.relation];
            let style = if r.certainty == Certainty::Inferred {
                ", style=dashed"
            } else {
                ""
            };
            writeln!(
                out,
                "  {} -> {} [label={}{style}];",
                quoted(&ds.entity(r.from()).id),
                quoted(&ds.entity(r.to()).id),
                quoted(r.rel.forward())
            )?;
        }
    }
    let centre = &ds.entity(hood.nodes[0].entity).id;
    let more = |at: &str, n: usize, what: String, out: &mut dyn Write| {
        let id = quoted(&format!("more {at} {what}"));
        writeln!(
            out,
            "  {id} [label={}, shape=plaintext];",
            quoted(&format!("+ {n} more"))
        )?;
        writeln!(
            out,
            "  {} -> {id} [label={}, style=dotted];",
            quoted(at),
            quoted(&what)
        )
    };
    for g in hood.groups.iter().filter(|g| g.more > 0) {
        more(centre, g.more, g.labels.join(" · "), out)?;
    }
    for n in hood.nodes.iter().filter(|n| n.more > 0) {
        more(&ds.entity(n.entity).id, n.more, "related".to_string(), out)?;
    }
    writeln!(out, "}}")
}
