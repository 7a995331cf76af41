//! The shipped JSON Schemas match the loader's types, and every field is
//! described for editors.

use assert_cmd::Command;

fn generated(kind: &str) -> String {
    let out = Command::cargo_bin("heropath")
        .unwrap()
        .args(["schema", kind])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn shipped_schemas_are_up_to_date() {
    for kind in ["plan", "exercise", "site", "story", "protocol"] {
        let path = format!("{}/schemas/{kind}.schema.json", env!("CARGO_MANIFEST_DIR"));
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == generated(kind),
            "{path} is stale: run `cargo run -- schema {kind} > schemas/{kind}.schema.json`"
        );
    }
}

fn undocumented(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
        for (k, p) in props {
            if p.get("description").is_none() {
                out.push(format!("{path}.{k}"));
            }
        }
    }
    if let Some(defs) = v.get("$defs").and_then(|d| d.as_object()) {
        for (k, d) in defs {
            undocumented(d, k, out);
        }
    }
}

#[test]
fn every_field_has_a_description_and_unknown_keys_are_refused() {
    for kind in ["plan", "exercise", "site", "story", "protocol"] {
        let v: serde_json::Value = serde_json::from_str(&generated(kind)).unwrap();
        let mut missing = Vec::new();
        undocumented(&v, kind, &mut missing);
        assert!(
            missing.is_empty(),
            "{kind}: fields without a description: {missing:?}"
        );
        assert_eq!(
            v["additionalProperties"],
            serde_json::Value::Bool(false),
            "{kind}"
        );
    }
    let plan: serde_json::Value = serde_json::from_str(&generated("plan")).unwrap();
    let required: Vec<&str> = plan["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for key in ["patient", "problem", "goal", "steps", "responsibilities"] {
        assert!(
            required.contains(&key),
            "{key} should be required: {required:?}"
        );
    }
    assert!(
        plan["$defs"]["ExerciseItem"]["properties"]
            .get("use")
            .is_some(),
        "`use` keeps its YAML name"
    );
}
