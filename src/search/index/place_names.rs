//! The folded names, aliases and ids of the dataset's places, each with its
//! place, in one text with the ends of its names and a column of places. A
//! vector of (name, place) pairs held an allocation a name, some 270 for the
//! built-in dataset, each made again when a one-off lookup decoded the
//! index, which reads them only for the words a query names a place by.

use serde::{Deserialize, Serialize};

/// Name `i` is `joined[ends[i - 1]..ends[i]]` (from 0 for the first), a
/// name of place `places[i]`; in the order the index was built in.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PlaceNames {
    joined: String,
    #[serde(with = "crate::cache::columns")]
    ends: Vec<u32>,
    #[serde(with = "crate::cache::columns")]
    places: Vec<u32>,
}

impl PlaceNames {
    /// Adds a folded name of place `place`.
    pub fn push(&mut self, name: &str, place: u32) {
        self.joined.push_str(name);
        self.ends.push(self.joined.len() as u32);
        self.places.push(place);
    }

    /// Each name with its place, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&e| e as usize));
        (starts.zip(&self.ends).zip(&self.places)).map(|((start, &end), &place)| {
            (self.joined.get(start..end as usize).unwrap_or(""), place)
        })
    }

    /// Whether a decoded list can be read: its names cut on char
    /// boundaries, in order, a place for each, every place below `n`.
    pub fn sound_below(&self, n: usize) -> bool {
        let cut = (self.ends.windows(2).all(|w| w[0] <= w[1]))
            && self.ends.last().map_or(0, |&e| e as usize) == self.joined.len()
            && (self.ends.iter()).all(|&e| self.joined.is_char_boundary(e as usize));
        cut && self.places.len() == self.ends.len() && self.places.iter().all(|&p| (p as usize) < n)
    }

    pub fn shrink_to_fit(&mut self) {
        self.joined.shrink_to_fit();
        self.ends.shrink_to_fit();
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
        cut.joined = "wallonié".into();
        cut.ends = vec![8, 8, 9, 9];
        assert!(!cut.sound_below(10), "inside a char, short of the text");
        let mut uneven = names();
        uneven.places.pop();
        assert!(!uneven.sound_below(10), "a name without its place");
        let mut back = names();
        back.ends.swap(0, 1);
        assert!(!back.sound_below(10), "ends going back");
    }
}
