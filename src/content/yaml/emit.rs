//! Writing YAML (for `heropath new plan --protocol/--like`): a value as
//! block YAML, keys in their declared order, with empty keys (null, empty
//! lists and maps, `false`) left out and every string passed through a
//! rewrite first.

use serde::Serialize;
use serde_yaml::Value;

/// `value` as YAML text: empty keys dropped, each string `s` replaced by
/// `rewrite(s)` when it returns `Some`. `None` if it cannot be written.
pub fn emit<T: Serialize>(
    value: &T,
    rewrite: &mut dyn FnMut(&str) -> Option<String>,
) -> Option<String> {
    let mut v = serde_yaml::to_value(value).ok()?;
    prune(&mut v, rewrite);
    serde_yaml::to_string(&v).ok()
}

/// Is this value nothing worth writing?
fn empty(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::Sequence(s) => s.is_empty(),
        Value::Mapping(m) => m.is_empty(),
        _ => false,
    }
}

fn prune(v: &mut Value, rewrite: &mut dyn FnMut(&str) -> Option<String>) {
    match v {
        Value::String(s) => {
            if let Some(new) = rewrite(s) {
                *s = new;
            }
        }
        Value::Sequence(seq) => {
            for x in seq.iter_mut() {
                prune(x, rewrite);
            }
        }
        Value::Mapping(m) => {
            for (_, x) in m.iter_mut() {
                prune(x, rewrite);
            }
            m.retain(|_, x| !empty(x));
        }
        Value::Tagged(t) => prune(&mut t.value, rewrite),
        _ => {}
    }
}
