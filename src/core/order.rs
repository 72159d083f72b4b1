//! One stable sort for the whole app. Each `sort_by` with its own element and closure
//! type is compiled anew (about 3 KB of wasm apiece); sorting positions through one
//! comparator type keeps a single copy.

use std::cmp::Ordering;

/// `0..n` sorted stably by `compare`, which compares two positions.
pub fn sorted_positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    sort_positions(&mut positions, compare);
    positions
}

/// Sorts `positions` stably by `compare`.
pub fn sort_positions(positions: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| compare(a, b));
}

/// Sorts `items` stably by `compare`, in place.
pub fn sort<T>(items: &mut Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) {
    *items = sorted(std::mem::take(items), compare);
}

/// `items` sorted stably by `compare`.
pub fn sorted<T>(items: Vec<T>, compare: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        assert_eq!(sorted(items, &|x, y| x.0.cmp(&y.0)), [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let weights = [3, 1, 3, 2];
        assert_eq!(sorted_positions(4, &|a, b| weights[b].cmp(&weights[a])), [0, 2, 3, 1]);
        assert!(sorted(Vec::<u8>::new(), &|x, y| x.cmp(y)).is_empty());
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum"];
        sort(&mut words, &|a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["fig", "pear", "kiwi", "plum", "apple"]);
    }
}
