//! How the index's fields and spans are laid out as columns of a compiled
//! cache (see `crate::cache::columns`): a field in three bytes (which field,
//! and its number), a span in fifteen. A byte pattern that is no field is
//! refused on reading.

use super::super::Field;
use super::Span;
use crate::cache::columns::Column;

impl Column for Field {
    const SIZE: usize = 3;

    fn put(&self, out: &mut Vec<u8>) {
        let (tag, n): (u8, u16) = match *self {
            Field::Name => (0, 0),
            Field::Alias(n) => (1, n),
            Field::Id => (2, 0),
            Field::Tag(n) => (3, n),
            Field::Place(n) => (4, n),
            Field::Relation(n) => (5, n.into()),
            Field::FactLabel(n) => (6, n),
            Field::Description => (7, 0),
            Field::Fact(n) => (8, n),
            Field::Note(n) => (9, n),
        };
        out.push(tag);
        n.put(out);
    }

    fn take(bytes: &[u8]) -> Option<Field> {
        let (&tag, n) = bytes.split_first()?;
        let n = u16::take(n)?;
        let field = match tag {
            0 if n == 0 => Field::Name,
            1 => Field::Alias(n),
            2 if n == 0 => Field::Id,
            3 => Field::Tag(n),
            4 => Field::Place(n),
            5 => Field::Relation(u8::try_from(n).ok()?),
            6 => Field::FactLabel(n),
            7 if n == 0 => Field::Description,
            8 => Field::Fact(n),
            9 => Field::Note(n),
            _ => return None,
        };
        Some(field)
    }
}

impl Column for Span {
    const SIZE: usize = Field::SIZE + 12;

    fn put(&self, out: &mut Vec<u8>) {
        self.field.put(out);
        for n in [self.start, self.end, self.shared] {
            n.put(out);
        }
    }

    fn take(bytes: &[u8]) -> Option<Span> {
        let (field, rest) = bytes.split_at_checked(Field::SIZE)?;
        let mut n = rest.chunks_exact(4).map(u32::take);
        Some(Span {
            field: Field::take(field)?,
            start: n.next()??,
            end: n.next()??,
            shared: n.next()??,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_field_reads_back_and_a_stray_tag_is_refused() {
        let fields = [
            Field::Name,
            Field::Alias(3),
            Field::Id,
            Field::Tag(65535),
            Field::Place(1),
            Field::Relation(255),
            Field::FactLabel(2),
            Field::Description,
            Field::Fact(9),
            Field::Note(4),
        ];
        for field in fields {
            let mut bytes = Vec::new();
            field.put(&mut bytes);
            assert_eq!(Field::take(&bytes), Some(field));
        }
        assert_eq!(Field::take(&[10, 0, 0]), None, "no such field");
        assert_eq!(Field::take(&[0, 1, 0]), None, "a name has no number");
        assert_eq!(Field::take(&[5, 0, 1]), None, "a relation label past 255");
    }
}
