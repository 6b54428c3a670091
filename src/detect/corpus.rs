//! Reads labelled corpus files: the format of `tests/data/detect/*.tsv` and of
//! `tunegate detect feedback`, plus the older three-column files of `tests/data/`.
//!
//! Tab-separated, no quoting, `\n` written as a backslash and an `n`. Files whose first line
//! starts with `label<TAB>` name their columns in it (`label` and `text` are required; `lang`,
//! `kind`, `source`, `synthetic` are optional); other files are `label<TAB>lang<TAB>text`, with
//! `#` comment lines.

/// One labelled line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabeledLine {
    /// Label 1: a proposal.
    pub proposal: bool,
    pub lang: String,
    pub text: String,
    /// Where the line comes from; lines of one source stay in one fold or split.
    pub source: String,
    pub synthetic: bool,
}

/// Why a corpus file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorpusError {
    #[error("line {line}: {problem}")]
    Line { line: usize, problem: String },
    #[error("the header has no `{0}` column")]
    MissingColumn(&'static str),
}

struct Columns {
    label: usize,
    text: usize,
    lang: Option<usize>,
    source: Option<usize>,
    synthetic: Option<usize>,
}

/// Parses a whole corpus file.
pub fn parse_corpus(content: &str) -> Result<Vec<LabeledLine>, CorpusError> {
    let mut lines = content.lines().enumerate().peekable();
    let columns = match lines.peek() {
        Some((_, first)) if first.starts_with("label\t") => {
            let names: Vec<&str> = first.split('\t').collect();
            let find = |name: &str| names.iter().position(|n| n.trim() == name);
            let columns = Columns {
                label: find("label").ok_or(CorpusError::MissingColumn("label"))?,
                text: find("text").ok_or(CorpusError::MissingColumn("text"))?,
                lang: find("lang"),
                source: find("source"),
                synthetic: find("synthetic"),
            };
            lines.next();
            columns
        }
        _ => Columns {
            label: 0,
            lang: Some(1),
            text: 2,
            source: None,
            synthetic: None,
        },
    };
    let mut out = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let bad = |problem: String| CorpusError::Line {
            line: n + 1,
            problem,
        };
        let get = |i: usize| fields.get(i).copied();
        let label = get(columns.label).ok_or_else(|| bad("no label".into()))?;
        let proposal = match label.trim() {
            "1" => true,
            "0" => false,
            other => return Err(bad(format!("label {other:?} is neither 0 nor 1"))),
        };
        let text = get(columns.text).ok_or_else(|| bad("no text column".into()))?;
        let optional = |i: Option<usize>| i.and_then(get).unwrap_or("").trim().to_string();
        out.push(LabeledLine {
            proposal,
            lang: optional(columns.lang),
            text: text.replace("\\n", "\n"),
            source: optional(columns.source),
            synthetic: optional(columns.synthetic) == "1",
        });
    }
    Ok(out)
}

/// Writes one line in the corpus format (the inverse of [`parse_corpus`] for header files).
pub fn corpus_line(proposal: bool, kind: &str, lang: &str, text: &str, source: &str) -> String {
    let clean = |s: &str| s.replace('\t', " ").replace('\r', "").replace('\n', "\\n");
    format!(
        "{}\t{}\t{}\t{}\t{}\t0",
        u8::from(proposal),
        clean(kind),
        clean(lang),
        clean(text),
        clean(source)
    )
}

/// The header line of [`corpus_line`] files.
pub const CORPUS_HEADER: &str = "label\tkind\tlang\ttext\tsource\tsynthetic";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_files_are_read_by_column_name() {
        let lines = parse_corpus(
            "label\tkind\tlang\ttext\tsource\tsynthetic\n1\tproposal\tfr\ton devrait\\nfine-tuner\tsynthetic s1\t1\n",
        )
        .unwrap();
        assert_eq!(lines.len(), 1);
        assert!(lines[0].proposal && lines[0].synthetic);
        assert_eq!(lines[0].text, "on devrait\nfine-tuner");
        assert_eq!(lines[0].source, "synthetic s1");
    }

    #[test]
    fn three_column_files_with_comments_are_read() {
        let lines = parse_corpus("# comment\n0\ten\tthe model is live\n").unwrap();
        assert_eq!(lines.len(), 1);
        assert!(!lines[0].proposal);
        assert_eq!(lines[0].lang, "en");
    }

    #[test]
    fn a_bad_label_names_its_line() {
        let err = parse_corpus("label\ttext\nx\thello\n").unwrap_err();
        assert_eq!(
            err,
            CorpusError::Line {
                line: 2,
                problem: "label \"x\" is neither 0 nor 1".into()
            }
        );
    }

    #[test]
    fn written_lines_read_back_the_same() {
        let line = corpus_line(true, "proposal", "en", "a\tb\nc", "feedback 12");
        let parsed = parse_corpus(&format!("{CORPUS_HEADER}\n{line}\n")).unwrap();
        assert_eq!(parsed[0].text, "a b\nc");
        assert_eq!(parsed[0].source, "feedback 12");
    }
}
