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

#[cfg(test)]
mod tests {
    use super::Lists;

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
