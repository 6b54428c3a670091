//! A small JSON Schema validator for the subset Discord's OpenAPI 3.1 spec uses in request
//! bodies: `$ref`, `type` (also as an array, which is how the spec says "nullable"), `const`,
//! `enum`, `properties`, `required`, `additionalProperties`, `items`, `minItems`/`maxItems`,
//! `uniqueItems`, `minLength`/`maxLength`, `minimum`/`maximum`, `min/maxProperties`,
//! `allOf`/`anyOf`/`oneOf`, format `int32`, and the snowflake `pattern`. Other keywords
//! (other patterns, `format: uri`, ...) are ignored. A snowflake may also be a JSON integer,
//! as Discord accepts (the spec says string only). A permission bit set (a field named
//! `...permissions`) may also be a string of decimal digits where the spec says integer: Discord
//! documents permissions as "serialized into a string" and accepts them so (serenity sends
//! `default_member_permissions` as `"32"`); the digits are then checked as the integer.
//!
//! Problems are reported as `$.path.to.field: what is wrong`. When no alternative of an
//! `anyOf`/`oneOf` matches, the problems of the closest plausible alternative are reported
//! (alternatives whose `type` or a `const`/`enum` property such as a component's `type`
//! rule the value out are skipped), so a too-long button `custom_id` is named as such.

use serde_json::Value;

/// The snowflake pattern, checked by hand so that no regex engine is needed.
const SNOWFLAKE_PATTERN: &str = "^(0|[1-9][0-9]*)$";
/// Deeper than any request body a bot sends; stops runaway recursion through `$ref` cycles.
const MAX_DEPTH: usize = 64;

/// Validates values against schemas that live in `root` (the whole OpenAPI document), so that
/// `#/components/schemas/...` references resolve.
pub struct Validator<'a> {
    root: &'a Value,
}

impl<'a> Validator<'a> {
    pub fn new(root: &'a Value) -> Self {
        Self { root }
    }

    /// All problems of `value` against `schema`; empty when it conforms.
    pub fn validate(&self, schema: &'a Value, value: &Value) -> Vec<String> {
        let mut out = Vec::new();
        self.check(schema, value, "$", &mut out, 0);
        out
    }

    fn resolve(&self, reference: &str) -> Option<&'a Value> {
        self.root.pointer(reference.strip_prefix('#')?)
    }

    fn check(
        &self,
        schema: &'a Value,
        value: &Value,
        at: &str,
        out: &mut Vec<String>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            out.push(format!(
                "{at}: schema nested deeper than {MAX_DEPTH} levels"
            ));
            return;
        }
        if schema == &Value::Bool(false) {
            out.push(format!("{at}: no value is allowed here"));
            return;
        }
        let Some(s) = schema.as_object() else { return };
        if let Some(bits) = permission_digits(s, value, at) {
            self.check(schema, &bits, at, out, depth + 1);
            return;
        }
        if s.get("format").and_then(Value::as_str) == Some("snowflake") && value.is_u64() {
            // Discord reads integer snowflakes too; serenity sends new attachments' ids so.
            return;
        }
        if let Some(reference) = s.get("$ref").and_then(Value::as_str) {
            match self.resolve(reference) {
                Some(target) => self.check(target, value, at, out, depth + 1),
                None => out.push(format!("{at}: cannot resolve {reference} in the spec")),
            }
        }
        if let Some(types) = s.get("type")
            && !type_admits(types, value)
        {
            out.push(format!("{at}: expected type {types}, got {}", kind(value)));
            return;
        }
        if let Some(c) = s.get("const")
            && c != value
        {
            out.push(format!("{at}: must be {c}, is {value}"));
        }
        if let Some(options) = s.get("enum").and_then(Value::as_array)
            && !options.contains(value)
        {
            out.push(format!(
                "{at}: {value} is not one of {}",
                Value::Array(options.clone())
            ));
        }
        check_scalar(s, value, at, out);
        if let Some(items) = value.as_array() {
            self.check_array(s, items, at, out, depth);
        }
        if let Some(object) = value.as_object() {
            self.check_object(s, object, at, out, depth);
        }
        for branch in s
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            self.check(branch, value, at, out, depth + 1);
        }
        if let Some(branches) = s.get("anyOf").and_then(Value::as_array) {
            self.check_alternatives("anyOf", branches, value, at, out, depth);
        }
        if let Some(branches) = s.get("oneOf").and_then(Value::as_array) {
            self.check_alternatives("oneOf", branches, value, at, out, depth);
        }
    }

    fn check_array(
        &self,
        s: &'a serde_json::Map<String, Value>,
        items: &[Value],
        at: &str,
        out: &mut Vec<String>,
        depth: usize,
    ) {
        if let Some(max) = s.get("maxItems").and_then(Value::as_u64)
            && items.len() as u64 > max
        {
            out.push(format!(
                "{at}: {} items, more than maxItems {max}",
                items.len()
            ));
        }
        if let Some(min) = s.get("minItems").and_then(Value::as_u64)
            && (items.len() as u64) < min
        {
            out.push(format!(
                "{at}: {} items, fewer than minItems {min}",
                items.len()
            ));
        }
        if s.get("uniqueItems") == Some(&Value::Bool(true)) {
            let duplicate = items
                .iter()
                .enumerate()
                .any(|(i, a)| items[..i].contains(a));
            if duplicate {
                out.push(format!("{at}: items must be unique"));
            }
        }
        if let Some(item_schema) = s.get("items") {
            for (i, item) in items.iter().enumerate() {
                self.check(item_schema, item, &format!("{at}[{i}]"), out, depth + 1);
            }
        }
    }

    fn check_object(
        &self,
        s: &'a serde_json::Map<String, Value>,
        object: &serde_json::Map<String, Value>,
        at: &str,
        out: &mut Vec<String>,
        depth: usize,
    ) {
        for name in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(name) = name.as_str()
                && !object.contains_key(name)
            {
                out.push(format!("{at}: missing required property `{name}`"));
            }
        }
        let properties = s.get("properties").and_then(Value::as_object);
        let additional = s.get("additionalProperties");
        for (key, v) in object {
            let here = format!("{at}.{key}");
            match properties.and_then(|p| p.get(key)) {
                Some(property) => self.check(property, v, &here, out, depth + 1),
                None => match additional {
                    Some(Value::Bool(false)) => {
                        out.push(format!(
                            "{at}: unknown property `{key}` (additionalProperties: false)"
                        ));
                    }
                    Some(extra @ Value::Object(_)) => self.check(extra, v, &here, out, depth + 1),
                    _ => {}
                },
            }
        }
        if let Some(max) = s.get("maxProperties").and_then(Value::as_u64)
            && object.len() as u64 > max
        {
            out.push(format!(
                "{at}: {} properties, more than maxProperties {max}",
                object.len()
            ));
        }
        if let Some(min) = s.get("minProperties").and_then(Value::as_u64)
            && (object.len() as u64) < min
        {
            out.push(format!(
                "{at}: {} properties, fewer than minProperties {min}",
                object.len()
            ));
        }
    }

    fn check_alternatives(
        &self,
        keyword: &str,
        branches: &'a [Value],
        value: &Value,
        at: &str,
        out: &mut Vec<String>,
        depth: usize,
    ) {
        let results: Vec<Vec<String>> = branches
            .iter()
            .map(|b| {
                let mut problems = Vec::new();
                self.check(b, value, at, &mut problems, depth + 1);
                problems
            })
            .collect();
        let matching = results.iter().filter(|r| r.is_empty()).count();
        if keyword == "oneOf" && matching > 1 {
            out.push(format!(
                "{at}: matches {matching} alternatives of oneOf, exactly one allowed"
            ));
        }
        if matching > 0 {
            return;
        }
        let closest = results
            .iter()
            .enumerate()
            .filter(|(i, _)| self.plausible(&branches[*i], value, 0))
            .min_by_key(|(_, problems)| problems.len());
        match closest {
            Some((_, problems)) => out.extend(problems.iter().cloned()),
            None => out.push(format!(
                "{at}: {} matches none of the {} alternatives of {keyword}",
                kind(value),
                branches.len()
            )),
        }
    }

    /// Whether `schema` could be meant for `value`: its type fits, and so does every
    /// `const`/`enum` of a property the value has (the discriminators of Discord's unions).
    fn plausible(&self, schema: &'a Value, value: &Value, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return true;
        }
        let target = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| self.resolve(r));
        if target.is_some_and(|t| !self.plausible(t, value, depth + 1)) {
            return false;
        }
        if let Some(types) = schema.get("type")
            && !type_admits(types, value)
        {
            return false;
        }
        let (Some(properties), Some(object)) = (
            schema.get("properties").and_then(Value::as_object),
            value.as_object(),
        ) else {
            return true;
        };
        properties.iter().all(|(key, property)| {
            let Some(v) = object.get(key) else {
                return true;
            };
            let const_ok = property.get("const").is_none_or(|c| c == v);
            let enum_ok = property
                .get("enum")
                .and_then(Value::as_array)
                .is_none_or(|options| options.contains(v));
            const_ok && enum_ok
        })
    }
}

fn check_scalar(
    s: &serde_json::Map<String, Value>,
    value: &Value,
    at: &str,
    out: &mut Vec<String>,
) {
    if let Some(text) = value.as_str() {
        let chars = text.chars().count() as u64;
        if let Some(max) = s.get("maxLength").and_then(Value::as_u64)
            && chars > max
        {
            out.push(format!(
                "{at}: string of {chars} characters, longer than maxLength {max}"
            ));
        }
        if let Some(min) = s.get("minLength").and_then(Value::as_u64)
            && chars < min
        {
            out.push(format!(
                "{at}: string of {chars} characters, shorter than minLength {min}"
            ));
        }
        if s.get("pattern").and_then(Value::as_str) == Some(SNOWFLAKE_PATTERN)
            && !is_snowflake(text)
        {
            out.push(format!("{at}: {text:?} is not a snowflake"));
        }
    }
    if let Some(n) = value.as_f64() {
        if let Some(max) = s.get("maximum").and_then(Value::as_f64)
            && n > max
        {
            out.push(format!("{at}: {value} is more than maximum {max}"));
        }
        if let Some(min) = s.get("minimum").and_then(Value::as_f64)
            && n < min
        {
            out.push(format!("{at}: {value} is less than minimum {min}"));
        }
        if s.get("format").and_then(Value::as_str) == Some("int32")
            && (n < i32::MIN as f64 || n > i32::MAX as f64)
        {
            out.push(format!("{at}: {value} does not fit in int32"));
        }
    }
}

fn is_snowflake(text: &str) -> bool {
    text == "0"
        || (!text.starts_with('0') && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
}

/// A permission bit set sent as a decimal string where the schema wants an integer, as the
/// integer it stands for; `None` for anything else.
fn permission_digits(s: &serde_json::Map<String, Value>, value: &Value, at: &str) -> Option<Value> {
    let text = value.as_str()?;
    let wants_integer = s
        .get("type")
        .is_some_and(|t| type_admits(t, &Value::from(0u64)) && !type_admits(t, &Value::from("")));
    if !wants_integer || !at.ends_with("permissions") {
        return None;
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>().ok().map(Value::from)
}

fn type_admits(types: &Value, value: &Value) -> bool {
    match types {
        Value::String(t) => is_type(t, value),
        Value::Array(list) => list
            .iter()
            .filter_map(Value::as_str)
            .any(|t| is_type(t, value)),
        _ => true,
    }
}

fn is_type(name: &str, value: &Value) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        _ => true,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
