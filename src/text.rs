//! Makes untrusted text safe to show and short enough for where it goes.
//!
//! User text is stored exactly as given; these helpers apply only when it is displayed. In a
//! terminal, control characters (which can move the cursor or recolour the screen), bidi
//! overrides and zero-width characters are shown as visible `\u{..}` escapes.

/// Characters that are invisible or reorder text: zero-width spaces and joiners, bidi
/// embeddings, overrides and isolates, the word joiner and the byte-order mark.
pub fn is_invisible_format_char(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
    )
}

/// Text safe to print in a terminal: newlines kept, every other control or invisible
/// character escaped.
pub fn for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' {
            out.push('\n');
        } else if c == '\t' {
            out.push_str("    ");
        } else if c.is_control() || is_invisible_format_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text safe for one line of a terminal table: like [`for_terminal`], with line breaks shown
/// as `⏎`, and cut to `max_chars` characters with `…`.
pub fn one_line(text: &str, max_chars: usize) -> String {
    let flat: String = for_terminal(text.trim())
        .chars()
        .map(|c| if c == '\n' { '⏎' } else { c })
        .collect();
    truncate_chars(&flat, max_chars)
}

/// Cuts `text` to at most `max_chars` characters, ending with `…` when it was cut.
pub fn truncate_chars(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let keep = max_chars.saturating_sub(1);
    let mut out: String = text.chars().take(keep).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_escapes_escape_sequences_and_invisible_characters() {
        let hostile = "ok\u{1b}[31mred\u{7}\u{200b}\u{202e}x";
        let shown = for_terminal(hostile);
        assert!(!shown.contains('\u{1b}'));
        assert!(!shown.contains('\u{200b}'));
        assert!(!shown.contains('\u{202e}'));
        assert_eq!(shown, "ok\\u{1b}[31mred\\u{7}\\u{200b}\\u{202e}x");
    }

    #[test]
    fn one_line_flattens_line_breaks_and_truncates_by_characters() {
        assert_eq!(one_line("a\nb", 10), "a⏎b");
        assert_eq!(one_line("ééééé", 3), "éé…");
        assert_eq!(one_line("abc", 3), "abc");
    }

    #[test]
    fn truncation_never_splits_a_character() {
        let s = "🙂".repeat(10);
        let t = truncate_chars(&s, 4);
        assert_eq!(t.chars().count(), 4);
        assert!(t.ends_with('…'));
    }
}
