//! Per-entity lists (places, years) in one flat array: a vector per entity would
//! cost a 24-byte header each, most of them empty, which counts at 100,000 entities.

/// List `i` is `items[start[i]..start[i + 1]]`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(
    serialize = "T: crate::cache::columns::Column",
    deserialize = "T: crate::cache::columns::Column"
))]
pub struct Lists<T> {
    #[serde(with = "crate::cache::columns")]
    pub(super) start: Vec<u32>,
    #[serde(with = "crate::cache::columns")]
    pub(super) items: Vec<T>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            start: vec![0],
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Lists<T> {
    /// Room for this many lists and items in all, made up front.
    pub fn with_capacity(lists: usize, items: usize) -> Lists<T> {
        let mut start = Vec::with_capacity(lists + 1);
        start.push(0);
        Lists {
            start,
            items: Vec::with_capacity(items),
        }
    }

    /// Adds the next list.
    pub fn push(&mut self, list: &[T]) {
        self.items.extend_from_slice(list);
        self.start.push(self.items.len() as u32);
    }

    /// List `i`, empty past the end.
    pub fn of(&self, i: usize) -> &[T] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }

    pub fn shrink_to_fit(&mut self) {
        self.start.shrink_to_fit();
        self.items.shrink_to_fit();
    }
}

/// Strings one after another in one text: string `i` is
/// `text[ends[i - 1]..ends[i]]` (from 0 for the first). One allocation for
/// them all, where a `String` each took one each, made again at every decode.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Strings {
    pub(super) text: String,
    #[serde(with = "crate::cache::columns")]
    pub(super) ends: Vec<u32>,
}

impl Strings {
    /// Room for this many strings of this many bytes in all, made up front.
    pub fn with_capacity(strings: usize, bytes: usize) -> Strings {
        Strings {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(strings),
        }
    }

    /// Adds the next string.
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// String `i`; empty past the end, or where `ends` does not fit the
    /// text, which [`Strings::is_sound`] refuses before any read.
    pub fn get(&self, i: usize) -> &str {
        let start = i.checked_sub(1).and_then(|j| self.ends.get(j));
        let start = start.map_or(0, |&s| s as usize);
        let end = self.ends.get(i).map_or(0, |&e| e as usize);
        self.text.get(start..end).unwrap_or("")
    }

    /// Every string, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Whether a decoded form can be read: its ends in order, the last at
    /// the text's end, each on a char boundary.
    pub fn is_sound(&self) -> bool {
        (self.ends.windows(2).all(|w| w[0] <= w[1]))
            && self.ends.last().map_or(0, |&e| e as usize) == self.text.len()
            && (self.ends.iter()).all(|&e| self.text.is_char_boundary(e as usize))
    }

    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::{Lists, Strings};

    #[test]
    fn each_string_comes_back_as_pushed_and_a_bad_cut_is_refused() {
        let mut s = Strings::default();
        for word in ["liège", "", "lyon"] {
            s.push(word);
        }
        assert_eq!(s.iter().collect::<Vec<_>>(), ["liège", "", "lyon"]);
        assert_eq!((s.len(), s.get(3)), (3, ""));
        assert!(s.is_sound());
        s.ends[0] = 3;
        assert!(!s.is_sound(), "inside a char");
        s.ends = vec![6, 5, 10];
        assert!(!s.is_sound(), "going back");
        s.ends = vec![6, 6, 9];
        assert!(!s.is_sound(), "short of the text");
    }

    #[test]
    fn each_list_comes_back_as_pushed_and_past_the_end_is_empty() {
        let mut l = Lists::default();
        l.push(&[3u32, 1]);
        l.push(&[]);
        l.push(&[7]);
        assert_eq!(l.of(0), &[3, 1]);
        assert!(l.of(1).is_empty());
        assert_eq!(l.of(2), &[7]);
        assert!(l.of(3).is_empty());
    }
}
