//! A value made once per key and handed to every later asker, on any
//! thread: CLDR month names per language, long dates per day. The value is
//! made outside the lock, so a slow one does not hold up other keys (two
//! threads asking for a new key at once may both make it; both get the
//! same value).

use std::borrow::Borrow;
use std::hash::Hash;
use std::sync::Mutex;

/// Values by key, made on first use.
#[derive(Debug)]
pub struct Memo<K, V>(Mutex<ahash::AHashMap<K, V>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(Mutex::new(ahash::AHashMap::new()))
    }
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    /// The value of `key`: the one made before, or made now by `make` and
    /// kept.
    pub fn get_or_make<Q>(&self, key: &Q, make: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(known) = self.0.lock().ok().and_then(|m| m.get(key).cloned()) {
            return known;
        }
        let value = make();
        if let Ok(mut m) = self.0.lock() {
            m.insert(key.to_owned(), value.clone());
        }
        value
    }
}

/// Values made beforehand (later keys are made on first use).
impl<K: Eq + Hash, V> FromIterator<(K, V)> for Memo<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Memo(Mutex::new(iter.into_iter().collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_once_per_key() {
        let memo: Memo<String, usize> = Memo::default();
        let made = std::cell::Cell::new(0);
        let make = |n: usize| {
            made.set(made.get() + 1);
            n
        };
        assert_eq!(memo.get_or_make("a", || make(1)), 1);
        assert_eq!(memo.get_or_make("a", || make(2)), 1);
        assert_eq!(memo.get_or_make("b", || make(3)), 3);
        assert_eq!(made.get(), 2);
        let before: Memo<String, usize> = [("a".to_string(), 1)].into_iter().collect();
        assert_eq!(before.get_or_make("a", || make(4)), 1);
        assert_eq!(before.get_or_make("c", || make(5)), 5);
        assert_eq!(made.get(), 3);
    }
}
