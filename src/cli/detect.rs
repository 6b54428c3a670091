//! `tunegate detect`: try the fine-tune proposal detector on your own messages before deploying.
//!
//! Messages come from the arguments, then from `--file` (one message per line; `-` is stdin);
//! with neither, from stdin. Every input line gets exactly one answer, in input order — an empty
//! line or a line that is not UTF-8 gets an answer that says so rather than stopping the run.
//! Lines are read as bytes and split on `\n` (a trailing `\r` is dropped).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::detect::{Action, Detection, Detector};

/// Arguments of `tunegate detect`.
#[derive(clap::Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct DetectArgs {
    /// `train` retrains the model, `feedback` exports labelled detections (see their --help).
    #[command(subcommand)]
    pub command: Option<DetectCommand>,
    /// Messages to judge, one per argument. Without any (and without --file), stdin is read.
    pub messages: Vec<String>,
    /// Read messages from this file, one per line ("-" reads stdin).
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    /// How to print the verdicts: "text" for people, "json" for one JSON object per line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Subcommands of `tunegate detect`.
#[derive(clap::Subcommand, Debug)]
pub enum DetectCommand {
    /// Retrain the detector's model from the corpus (and extra labelled files), reproducibly.
    Train(super::detect_train::TrainArgs),
    /// Export the stored chat detections with their outcome (started, dismissed) as labelled
    /// lines for `detect train`.
    Feedback(super::detect_train::FeedbackArgs),
}

/// Output format of `tunegate detect`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// One verdict as printed; `--format json` writes exactly these fields.
#[derive(Debug, Serialize)]
struct Record<'a> {
    line: usize,
    text: &'a str,
    triggered: bool,
    score: f32,
    action: Action,
    matched: Option<&'a str>,
    reason: &'a str,
    language: Option<&'a str>,
    model: &'a str,
}

/// Judges every message named by `args` and writes one verdict per message to `out`.
pub fn run(
    args: &DetectArgs,
    detector: &Detector,
    stdin: impl Read,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut line = 0;
    for message in &args.messages {
        line += 1;
        let detection = detector.detect(message);
        write_record(
            out,
            args.format,
            line,
            message,
            &detection,
            detector.model_id(),
        )?;
    }
    let source: Option<Box<dyn Read + '_>> = match &args.file {
        Some(path) if path.as_os_str() == "-" => Some(Box::new(stdin)),
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|e| {
                io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display()))
            })?;
            Some(Box::new(file))
        }
        None if args.messages.is_empty() => Some(Box::new(stdin)),
        None => None,
    };
    let Some(source) = source else {
        return Ok(());
    };
    for bytes in BufReader::new(source).split(b'\n') {
        let mut bytes = bytes?;
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        line += 1;
        let lossy;
        let (text, detection) = match std::str::from_utf8(&bytes) {
            Ok(text) if text.trim().is_empty() => {
                (text, Detection::quiet("empty line: nothing to judge"))
            }
            Ok(text) => (text, detector.detect(text)),
            Err(e) => {
                lossy = String::from_utf8_lossy(&bytes);
                let why = format!("invalid UTF-8 after byte {}: not judged", e.valid_up_to());
                (&*lossy, Detection::quiet(&why))
            }
        };
        write_record(
            out,
            args.format,
            line,
            text,
            &detection,
            detector.model_id(),
        )?;
    }
    Ok(())
}

fn write_record(
    out: &mut impl Write,
    format: Format,
    line: usize,
    text: &str,
    d: &Detection,
    model: &str,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let record = Record {
                line,
                text,
                triggered: d.triggered,
                score: (d.score * 1000.0).round() / 1000.0,
                action: d.action,
                matched: d.matched.as_deref(),
                reason: &d.reason,
                language: d.language,
                model,
            };
            serde_json::to_writer(&mut *out, &record)?;
            writeln!(out)
        }
        Format::Text => {
            let verdict = match d.action {
                Action::Thread => "THREAD  ",
                Action::Suggest => "suggest ",
                Action::None => "quiet   ",
            };
            writeln!(out, "{line:>4}  {verdict}  {}", d.reason)?;
            writeln!(out, "      | {}", text.replace('\n', "\\n"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detector() -> Detector {
        Detector::new(&crate::detect::training_settings()).unwrap()
    }

    fn args(messages: &[&str], file: Option<PathBuf>, format: Format) -> DetectArgs {
        DetectArgs {
            command: None,
            messages: messages.iter().map(|m| m.to_string()).collect(),
            file,
            format,
        }
    }

    fn run_to_string(args: &DetectArgs, stdin: &[u8]) -> String {
        let mut out = Vec::new();
        run(args, &detector(), stdin, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn json_lines(output: &str) -> Vec<serde_json::Value> {
        output
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn arguments_are_judged_in_order_and_stdin_is_not_read() {
        let a = args(&["we should fine-tune", "lunch?"], None, Format::Json);
        let out = json_lines(&run_to_string(&a, b"let's fine-tune llama\n"));
        assert_eq!(out.len(), 2);
        assert_eq!(out[0]["triggered"], true);
        assert_eq!(out[0]["text"], "we should fine-tune");
        assert_eq!(out[1]["triggered"], false);
        assert_eq!(out[1]["line"], 2);
    }

    #[test]
    fn stdin_gives_one_json_object_per_line_in_input_order() {
        let a = args(&[], None, Format::Json);
        let out = json_lines(&run_to_string(
            &a,
            b"hello\nwe should fine-tune the model\r\nno need to fine-tune\n",
        ));
        let triggered: Vec<bool> = out.iter().map(|o| o["triggered"] == true).collect();
        assert_eq!(triggered, [false, true, false]);
        assert_eq!(out[1]["text"], "we should fine-tune the model");
        assert_eq!(out[1]["matched"], "we should fine-tune");
        assert_eq!(out[1]["language"], "en");
        assert!(
            out[2]["reason"]
                .as_str()
                .unwrap()
                .contains("rules: ignored: negated"),
            "{}",
            out[2]["reason"]
        );
        assert_eq!(out[1]["action"], "thread");
        assert_eq!(out[0]["action"], "none");
        let score = out[1]["score"].as_f64().unwrap();
        assert!(score > 0.5 && score <= 1.0, "{score}");
        assert_eq!(out[1]["model"], crate::detect::embedded_model_id());
        let lines: Vec<u64> = out.iter().map(|o| o["line"].as_u64().unwrap()).collect();
        assert_eq!(lines, [1, 2, 3]);
    }

    #[test]
    fn empty_lines_and_invalid_utf8_get_their_own_answer() {
        let a = args(&[], None, Format::Json);
        let out = json_lines(&run_to_string(
            &a,
            b"\n\xff\xfe fine-tune\nshould we fine-tune?\n",
        ));
        assert_eq!(out.len(), 3);
        assert_eq!(out[0]["reason"], "empty line: nothing to judge");
        assert_eq!(out[0]["triggered"], false);
        assert!(out[1]["reason"].as_str().unwrap().contains("invalid UTF-8"));
        assert_eq!(out[1]["triggered"], false);
        assert_eq!(out[2]["triggered"], true);
    }

    #[test]
    fn a_file_is_read_line_by_line_after_the_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("messages.txt");
        std::fs::write(&path, "can we FT a smaller model?\nfine-tune the CSS\n").unwrap();
        let a = args(&["hi"], Some(path), Format::Json);
        let out = json_lines(&run_to_string(&a, b""));
        let triggered: Vec<bool> = out.iter().map(|o| o["triggered"] == true).collect();
        assert_eq!(triggered, [false, true, false]);
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let a = args(
            &[],
            Some(PathBuf::from("/nonexistent/msgs.txt")),
            Format::Text,
        );
        let err = run(&a, &detector(), &b""[..], &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/msgs.txt"), "{err}");
    }

    #[test]
    fn text_output_says_whether_each_line_triggers_and_why() {
        let a = args(&[], None, Format::Text);
        let out = run_to_string(&a, b"we should fine-tune\nthe fine-tuned model is live\n");
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[0].contains("THREAD") && lines[0].contains("proposal (score"),
            "{out}"
        );
        assert!(lines[1].contains("we should fine-tune"), "{out}");
        assert!(
            lines[2].contains("quiet") && lines[2].contains("reports past work"),
            "{out}"
        );
    }
}
