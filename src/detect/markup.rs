//! Blanks what nobody wrote as a sentence of their own: code blocks, inline code, quoted lines,
//! links, Discord mentions and custom emoji. Pure, and it never moves a byte: the masked text
//! has the same length as the original, so every position found in it points into the original
//! message too (that is how the detector quotes what it matched).

/// Blanks code, quotes, links and mentions with spaces (keeping line breaks), byte for byte.
///
/// - ```` ``` ```` fences and the code between them (an unclosed fence blanks to the end);
/// - `` `inline code` `` (any run of backticks closed by a run of the same length);
/// - quoted lines (`> ...`), and everything after `>>> `;
/// - `http://` and `https://` links;
/// - Discord mentions, channels, roles, custom emoji, timestamps: `<@1>`, `<#1>`, `<:x:1>`.
///
/// A blanked code block or quote ends a sentence, so words on its two sides never form one
/// phrase; inline code, links and mentions are blanked as spaces inside the sentence.
pub(crate) fn mask_markup(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut mask = vec![Mask::Keep; bytes.len()];
    mask_code(bytes, &mut mask);
    mask_quotes(bytes, &mut mask);
    mask_links_and_mentions(bytes, &mut mask);
    let mut out = String::with_capacity(text.len());
    let mut previous = Mask::Keep;
    for (i, c) in text.char_indices() {
        let m = mask[i];
        match m {
            Mask::Keep => out.push(c),
            // The first byte of a blanked block becomes a line break; kept line breaks stay.
            Mask::Break if previous != Mask::Break || c == '\n' => out.push('\n'),
            Mask::Break | Mask::Space => out.push(' '),
        }
        if m != Mask::Keep {
            for _ in 1..c.len_utf8() {
                out.push(' ');
            }
        }
        previous = m;
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mask {
    Keep,
    Space,
    Break,
}

fn blank(mask: &mut [Mask], how: Mask) {
    mask.iter_mut().for_each(|m| *m = how);
}

fn backtick_run(bytes: &[u8], from: usize) -> usize {
    bytes[from..].iter().take_while(|&&b| b == b'`').count()
}

fn mask_code(bytes: &[u8], mask: &mut [Mask]) {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = backtick_run(bytes, i);
        let fence = run >= 3;
        // Find the closing run: any run of 3+ for a fence, the same length for inline code.
        let mut j = i + run;
        let mut close = None;
        while j < bytes.len() {
            if bytes[j] == b'`' {
                let r = backtick_run(bytes, j);
                if (fence && r >= 3) || (!fence && r == run) {
                    close = Some(j + r);
                    break;
                }
                j += r;
            } else {
                j += 1;
            }
        }
        let end = match close {
            Some(end) => end,
            None if fence => bytes.len(),
            // A lone backtick is just a character.
            None => {
                i += run;
                continue;
            }
        };
        blank(
            &mut mask[i..end],
            if fence { Mask::Break } else { Mask::Space },
        );
        i = end;
    }
}

fn mask_quotes(bytes: &[u8], mask: &mut [Mask]) {
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end = bytes[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| line_start + p);
        let indent = bytes[line_start..line_end]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let body = &bytes[line_start + indent..line_end];
        if body.starts_with(b">>> ") || body == b">>>" {
            blank(&mut mask[line_start..], Mask::Break);
            return;
        }
        if body.starts_with(b"> ") || body == b">" {
            blank(&mut mask[line_start..line_end], Mask::Break);
        }
        line_start = line_end + 1;
    }
}

fn mask_links_and_mentions(bytes: &[u8], mask: &mut [Mask]) {
    let mut i = 0;
    while i < bytes.len() {
        if mask[i] != Mask::Keep {
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        let end = if starts_with_ignore_case(rest, b"http://")
            || starts_with_ignore_case(rest, b"https://")
        {
            Some(
                i + rest
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b')')
                    .unwrap_or(rest.len()),
            )
        } else if rest.first() == Some(&b'<') {
            discord_markup_len(rest).map(|len| i + len)
        } else {
            None
        };
        match end {
            Some(end) => {
                blank(&mut mask[i..end], Mask::Space);
                i = end;
            }
            None => i += 1,
        }
    }
}

fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.len() >= prefix.len() && haystack[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Length of `<@123>`, `<@!123>`, `<@&123>`, `<#123>`, `<:name:123>`, `<a:name:123>`,
/// `<t:123:R>` or `</command:123>` at the start of `rest`, if it is one.
fn discord_markup_len(rest: &[u8]) -> Option<usize> {
    let close = rest.iter().take(120).position(|&b| b == b'>')?;
    let inner = &rest[1..close];
    let known = inner.starts_with(b"@")
        || inner.starts_with(b"#")
        || inner.starts_with(b":")
        || inner.starts_with(b"a:")
        || inner.starts_with(b"t:")
        || inner.starts_with(b"/");
    let plain = inner.iter().all(|&b| !b.is_ascii_whitespace());
    (known && plain && inner.len() > 1).then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::normalize::tokenize;

    /// The words left after masking, with "." for each sentence boundary.
    fn words(text: &str) -> Vec<String> {
        let t = tokenize(&mask_markup(text));
        (0..t.len())
            .map(|i| {
                if t.is_word(i) {
                    t.word(i).to_string()
                } else {
                    ".".to_string()
                }
            })
            .collect()
    }

    #[test]
    fn masking_keeps_every_byte_position() {
        let text = "é ```x``` `y` > q\n<@123> https://a.b/c ok";
        let masked = mask_markup(text);
        assert_eq!(masked.len(), text.len());
        assert!(masked.ends_with(" ok"));
        assert!(masked.starts_with("é "));
    }

    #[test]
    fn code_blocks_inline_code_quotes_links_and_mentions_are_blanked() {
        assert_eq!(words("a ```\nfine tune\n``` b"), ["a", ".", "b"]);
        assert_eq!(words("a `fine tune` b"), ["a", "b"]);
        assert_eq!(words("a ``x ` y`` b"), ["a", "b"]);
        assert_eq!(words("> we should\nno"), ["no"]);
        assert_eq!(words(">>> a\nb\nc"), Vec::<String>::new());
        assert_eq!(words("see https://x.y/fine-tune now"), ["see", "now"]);
        assert_eq!(words("<@!12> <#34> <:ft:56> hi"), ["hi"]);
    }

    #[test]
    fn an_unclosed_fence_blanks_to_the_end_but_a_lone_backtick_does_not() {
        assert_eq!(words("a ```\nb"), ["a", "."]);
        assert_eq!(words("a ` b"), ["a", "b"]);
    }
}
