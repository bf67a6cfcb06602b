//! The facet filter line (`f`): `tag:oncology in:france member:health2care
//! market:china`, every term ANDed (the same facet twice too). Each term says
//! what it resolved to; a value that names several entities lists them, and
//! one that names nothing says so, while the filter in force stays.

use super::App;
use crate::meeting::facets::{self, Facets};
use crate::search::{Resolution, resolve};
use crate::text::clean;

const FACETS: &str = "tag:, in:, member:, market:";

/// Candidates an ambiguous value lists.
const CANDIDATES: usize = 4;

impl App {
    /// Parses the filter line into a filter and what each term resolved to.
    fn parse_filter(&mut self, text: &str) -> Result<(Option<Facets>, Vec<String>), String> {
        let mut f = Facets::default();
        let mut resolved = Vec::new();
        for word in text.split_whitespace() {
            let Some((key, value)) = word.split_once(':') else {
                return Err(format!(
                    "{word:?} is not a facet; use {FACETS} e.g. tag:oncology in:france"
                ));
            };
            if value.is_empty() {
                // Still being typed.
                continue;
            }
            let slot = match key {
                "tag" => {
                    resolved.push(self.resolve_tag(value, &mut f)?);
                    continue;
                }
                "in" => &mut f.places,
                "member" => &mut f.member_of,
                "market" => &mut f.markets,
                other => return Err(format!("unknown facet {other}:; valid facets: {FACETS}")),
            };
            let e = self.resolve_value(key, value)?;
            slot.push(e);
            let x = self.ds.entity(e);
            resolved.push(format!("{key}:{value} = {} ({})", x.name, x.kind_label()));
        }
        let any = !resolved.is_empty();
        Ok((any.then_some(f), resolved))
    }

    /// `tag:` keeps entities with a tag containing the text; it must match one.
    fn resolve_tag(&self, value: &str, f: &mut Facets) -> Result<String, String> {
        let folded = crate::search::fold::fold_str(value);
        let mut tags: Vec<&str> = self
            .ds
            .entities
            .iter()
            .flat_map(|e| e.tags.iter())
            .filter(|t| crate::search::fold::fold_str(t).contains(&folded))
            .map(String::as_str)
            .collect();
        tags.sort_unstable();
        tags.dedup();
        if tags.is_empty() {
            return Err(format!(
                "tag:{value} matches no tag; the filter in force stays"
            ));
        }
        f.tags.push(folded);
        let more = tags.len().saturating_sub(3);
        let mut shown = tags.into_iter().take(3).collect::<Vec<_>>().join(", ");
        if more > 0 {
            shown.push_str(&format!(" and {more} more"));
        }
        Ok(format!("tag:{value} = a tag containing it ({shown})"))
    }

    /// The entity a value names: an id as typed, else a name or alias (`_` for spaces).
    fn resolve_value(&mut self, key: &str, value: &str) -> Result<usize, String> {
        if let Some(e) = self.ds.index_of(value) {
            return Ok(e);
        }
        let ds = std::sync::Arc::clone(&self.ds);
        match resolve(&ds, self.index.get(), &value.replace('_', " ")) {
            Resolution::Found(e) => Ok(e),
            Resolution::Ambiguous(candidates) => {
                let names: Vec<String> = candidates
                    .iter()
                    .take(CANDIDATES)
                    .map(|&c| format!("{} ({})", self.ds.entity(c).name, self.ds.entity(c).id))
                    .collect();
                let more = candidates.len().saturating_sub(CANDIDATES);
                let tail = if more > 0 {
                    format!(", … {more} more")
                } else {
                    String::new()
                };
                Err(format!(
                    "{key}:{value} could be: {}{tail}; add a word or use the id",
                    names.join(", ")
                ))
            }
            Resolution::NotFound => Err(format!(
                "{key}:{value} matches no entity; the filter in force stays"
            )),
        }
    }

    /// Re-reads the filter line and applies it to the lists and to search; a
    /// line with a problem says what and keeps the filter in force.
    pub fn apply_filter(&mut self) {
        let text = self.filter.line.text().to_string();
        match self.parse_filter(&text) {
            Ok((f, resolved)) => {
                self.filter.error = None;
                self.filter.passes = f.as_ref().map(|f| {
                    let keep = facets::filter(&self.ds, f);
                    let mut passes = vec![false; self.ds.len()];
                    keep.into_iter().for_each(|e| passes[e] = true);
                    passes
                });
                self.filter.applied = clean(text.trim()).into_owned();
                self.filter.resolved = resolved;
                self.filter.active = f;
                self.fill_rows();
            }
            Err(e) => self.filter.error = Some(e),
        }
    }
}
