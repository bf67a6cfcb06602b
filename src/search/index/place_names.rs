//! The folded names, aliases and ids of the dataset's places, each with its
//! place, in one text with the ends of its names ([`Strings`]) and a column
//! of places. A vector of (name, place) pairs held an allocation a name,
//! about a hundred for the built-in dataset, each made again when a one-off
//! lookup decoded the index, which reads them only for the words a query
//! names a place by.

use serde::{Deserialize, Serialize};

use crate::search::flat::Strings;

/// Name `i` is `names.get(i)`, a name of place `places[i]`; in the order
/// the index was built in.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PlaceNames {
    names: Strings,
    #[serde(with = "crate::cache::columns")]
    places: Vec<u32>,
}

impl PlaceNames {
    /// Adds a folded name of place `place`.
    pub fn push(&mut self, name: &str, place: u32) {
        self.names.push(name);
        self.places.push(place);
    }

    /// Each name with its place, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.names.iter().zip(self.places.iter().copied())
    }

    /// Whether a decoded list can be read: its names cut on char
    /// boundaries, in order, a place for each, every place below `n`.
    pub fn sound_below(&self, n: usize) -> bool {
        let placed = self.places.len() == self.names.len();
        self.names.is_sound() && placed && self.places.iter().all(|&p| (p as usize) < n)
    }

    pub fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.places.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> PlaceNames {
        let mut names = PlaceNames::default();
        for (name, place) in [
            ("wallonie", 4),
            ("wallonia", 4),
            ("liege", 9),
            ("ile-de-france", 2),
        ] {
            names.push(name, place);
        }
        names
    }

    #[test]
    fn names_come_back_with_their_places_in_order() {
        let names = names();
        let listed: Vec<(&str, u32)> = names.iter().collect();
        assert_eq!(
            listed,
            [
                ("wallonie", 4),
                ("wallonia", 4),
                ("liege", 9),
                ("ile-de-france", 2)
            ]
        );
        assert!(names.sound_below(10));
        assert!(PlaceNames::default().iter().next().is_none());
    }

    #[test]
    fn a_decoded_list_out_of_shape_is_refused() {
        assert!(!names().sound_below(9), "a place past the dataset");
        let mut cut = names();
        cut.names.text = "wallonié".into();
        cut.names.ends = vec![8, 8, 9, 9];
        assert!(!cut.sound_below(10), "inside a char, short of the text");
        let mut uneven = names();
        uneven.places.pop();
        assert!(!uneven.sound_below(10), "a name without its place");
        let mut back = names();
        back.names.ends.swap(0, 1);
        assert!(!back.sound_below(10), "ends going back");
    }
}
