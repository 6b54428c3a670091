//! `tunegate check`: the checklist in a terminal, interactive or scripted.
//!
//! Questions are asked on stderr and answered one line at a time on stdin, so answers can be
//! typed or piped. Any question can instead be answered with a flag (`--goal`, `--g1`..`--g4`,
//! `--drivers`); flagged questions are not asked. Every answer is recorded as it is given: when
//! input ends (EOF, Ctrl-D) or Ctrl-C is pressed before the last answer, the walkthrough is kept
//! as abandoned and no decision is written. The verdict goes to stdout, as text or `--json`.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use chrono::Utc;
use clap::Args;
use tokio::sync::mpsc;

use super::{CliError, open_app, render};
use crate::app::words::say_in;
use crate::app::{
    Advanced, App, AppError, Lang, OpenMode, Person, Place, Recorder, Source, Start, WalkthroughId,
};
use crate::checklist::cost::CostInputs;
use crate::checklist::{
    Answer, ChecklistContent, Driver, DriverSet, Gate, GateAnswer, Goal, GoalChoice, Input, Step,
    model,
};
use crate::config::Settings;

/// Exit code when input ended before the verdict (the walkthrough is kept as abandoned).
pub const EXIT_INCOMPLETE: u8 = 3;
/// Exit code after Ctrl-C (the walkthrough is kept as abandoned).
pub const EXIT_INTERRUPTED: u8 = 130;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Your name, recorded as requester and answerer [default: $USER].
    #[arg(long = "as", value_name = "NAME")]
    pub requester: Option<String>,
    /// What is being proposed, in a few words. Asked first when missing.
    #[arg(long, value_name = "TEXT")]
    pub topic: Option<String>,
    /// Answer question 1: output_format, tone_style, business_rules, edge_cases,
    /// cost_latency_privacy or other.
    #[arg(long, value_name = "GOAL", value_parser = parse_goal_flag)]
    pub goal: Option<Goal>,
    /// Describes the goal (required with --goal other).
    #[arg(long, value_name = "TEXT")]
    pub goal_detail: Option<String>,
    /// Answer G1 (1,000+ examples): yes, no or not-sure.
    #[arg(long, value_name = "ANSWER", value_parser = parse_gate_flag)]
    pub g1: Option<GateAnswer>,
    /// Answer G2 (a team to maintain the pipeline): yes, no or not-sure.
    #[arg(long, value_name = "ANSWER", value_parser = parse_gate_flag)]
    pub g2: Option<GateAnswer>,
    /// Answer G3 (prompt and few-shot tried first): yes, no or not-sure.
    #[arg(long, value_name = "ANSWER", value_parser = parse_gate_flag)]
    pub g3: Option<GateAnswer>,
    /// Answer G4 (generic model measured as insufficient): yes, no or not-sure.
    #[arg(long, value_name = "ANSWER", value_parser = parse_gate_flag)]
    pub g4: Option<GateAnswer>,
    /// Answer the drivers question: comma-separated d1 (volume), d2 (specialised),
    /// d3 (latency), d4 (privacy), or none.
    #[arg(long, value_name = "LIST", value_parser = parse_drivers_flag)]
    pub drivers: Option<DriverSet>,
    /// Add a note or evidence link to the walkthrough (repeatable).
    #[arg(long, value_name = "TEXT")]
    pub note: Vec<String>,
    /// Print the verdict as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub savings: super::cost::SavingsArgs,
}

fn parse_goal_flag(text: &str) -> Result<Goal, String> {
    parse_goal(text).ok_or_else(|| format!("unknown goal; use one of {}", Goal::keys_list()))
}

fn parse_gate_flag(text: &str) -> Result<GateAnswer, String> {
    parse_gate_answer(text).ok_or_else(|| "answer yes, no or not-sure".to_string())
}

fn parse_drivers_flag(text: &str) -> Result<DriverSet, String> {
    model::parse_driver_keys(text)
        .ok_or_else(|| "use comma-separated d1, d2, d3, d4, or none".to_string())
}

impl CheckArgs {
    /// The answer a flag gives for `step`, if any.
    fn flagged(&self, step: Step) -> Option<Answer> {
        match step {
            Step::Goal => self.goal.map(|goal| {
                Answer::Goal(GoalChoice {
                    goal,
                    detail: self.goal_detail.clone(),
                })
            }),
            Step::Gate(gate) => {
                let flag = match gate {
                    Gate::Examples => self.g1,
                    Gate::Team => self.g2,
                    Gate::PromptTried => self.g3,
                    Gate::Measured => self.g4,
                };
                flag.map(|a| Answer::Gate(gate, a))
            }
            Step::Drivers => self.drivers.clone().map(Answer::Drivers),
            Step::Done => None,
        }
    }
}

/// Lines from stdin, read on a thread so Ctrl-C can interrupt the wait.
struct Lines {
    rx: mpsc::UnboundedReceiver<String>,
}

impl Lines {
    fn from_stdin() -> Lines {
        let (tx, rx) = mpsc::unbounded_channel();
        std::thread::spawn(move || {
            let stdin = std::io::stdin();
            let mut lock = stdin.lock();
            loop {
                let mut buf = Vec::new();
                match lock.read_until(b'\n', &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        let line = String::from_utf8_lossy(&buf)
                            .trim_end_matches(['\n', '\r'])
                            .to_string();
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Lines { rx }
    }
}

/// Why reading an answer stopped.
enum Stop {
    Eof,
    Interrupted,
}

async fn read_line(lines: &mut Lines) -> Result<String, Stop> {
    tokio::select! {
        line = lines.rx.recv() => line.ok_or(Stop::Eof),
        _ = tokio::signal::ctrl_c() => Err(Stop::Interrupted),
    }
}

fn prompt(text: &str) {
    let mut err = std::io::stderr();
    let _ = write!(err, "{text}");
    let _ = err.flush();
}

/// `tunegate check`.
pub async fn run(settings: &Settings, args: &CheckArgs, lang: Lang) -> Result<ExitCode, CliError> {
    // Bad cost figures stop here, before anything is recorded (exit 2, like a bad flag).
    let savings = match args.savings.inputs(&settings.cost) {
        Ok(savings) => savings,
        Err(problem) => {
            eprintln!("error: {problem}");
            return Ok(ExitCode::from(2));
        }
    };
    let app = open_app(settings, OpenMode::CreateAndMigrate).await?;
    let result = walk(&app, args, savings.as_ref(), lang).await;
    app.close().await;
    result
}

/// The walkthrough itself, on an open app.
async fn walk(
    app: &App,
    args: &CheckArgs,
    savings: Option<&CostInputs>,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let say = |key: &str| say_in(lang, key, &[]);
    let mut lines = Lines::from_stdin();

    let name = args
        .requester
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "terminal".to_string());
    let me = Person::new(format!("cli:{name}"), name);

    let content = app.content_in(lang);
    eprintln!("{}\n", content.render(content.intro.trim()));
    let topic = match &args.topic {
        Some(t) => t.clone(),
        None => {
            prompt(&say("cli-topic-prompt"));
            match read_line(&mut lines).await {
                Ok(line) if line.trim().is_empty() => say("cli-no-description"),
                Ok(line) => line,
                Err(_) => {
                    eprintln!("\n{}", say("cli-stopped-before"));
                    return Ok(ExitCode::from(EXIT_INCOMPLETE));
                }
            }
        }
    };

    let (mut record, _) = app
        .start_in(
            Start {
                source: Source::Cli,
                place: Place::default(),
                requester: me.clone(),
                trigger_text: topic,
                revisit_of: None,
            },
            lang,
            Utc::now(),
        )
        .await?;
    let id = record.id;
    for note in &args.note {
        app.add_note(id, &me, note, Utc::now()).await?;
    }

    // A flag answers its question once; after "back" the question is asked.
    let mut flags_used: Vec<Step> = Vec::new();
    loop {
        let step = record.step;
        let input = match args.flagged(step).filter(|_| !flags_used.contains(&step)) {
            Some(answer) => {
                flags_used.push(step);
                Input::Answer(answer)
            }
            None => match ask(lang, content, step, &mut lines).await {
                Ok(input) => input,
                Err(stop) => return abandon(lang, app, id, stop).await,
            },
        };
        match app.advance(id, step, input, &me, None, Utc::now()).await {
            Ok(Advanced::Moved { record: next, .. }) => record = next,
            Ok(Advanced::Duplicate { record: same }) => record = same,
            Ok(Advanced::Finished { decision, .. }) => {
                let estimate = match savings {
                    Some(inputs) => Some(
                        app.estimate_savings(id, inputs, Recorder::Terminal(&me), None, Utc::now())
                            .await?,
                    ),
                    None => None,
                };
                let mut out = std::io::stdout().lock();
                if args.json {
                    let mut json =
                        serde_json::to_value(&decision).map_err(std::io::Error::other)?;
                    if let (Some(estimate), Some(object)) = (&estimate, json.as_object_mut()) {
                        let figures = serde_json::to_value(estimate.record.estimate)
                            .map_err(std::io::Error::other)?;
                        object.insert("savings_estimate".into(), figures);
                    }
                    serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::other)?;
                    writeln!(out)?;
                } else {
                    write!(out, "{}", render::verdict(lang, id, &decision))?;
                    if let Some(estimate) = &estimate {
                        write!(out, "{}", render::savings(lang, estimate))?;
                    }
                }
                return Ok(ExitCode::SUCCESS);
            }
            Err(e @ (AppError::Checklist(_) | AppError::StaleStep { .. })) => {
                eprintln!("{}", e.words_in(lang, &crate::app::PlainMentions))
            }
            Err(AppError::Closed(status)) => {
                return Err(CliError::Usage(format!(
                    "walkthrough #{id} was closed ({status}) by someone else"
                )));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

async fn abandon(
    lang: Lang,
    app: &App,
    id: WalkthroughId,
    stop: Stop,
) -> Result<ExitCode, CliError> {
    app.abandon(id, Utc::now()).await?;
    let (why, code) = match stop {
        Stop::Eof => ("cli-input-ended", EXIT_INCOMPLETE),
        Stop::Interrupted => ("cli-interrupted", EXIT_INTERRUPTED),
    };
    let why = say_in(lang, why, &[]);
    eprintln!(
        "\n{}",
        say_in(
            lang,
            "cli-abandoned",
            &[("why", &why), ("id", &id.to_string())]
        )
    );
    Ok(ExitCode::from(code))
}

/// Asks the question for `step` until the answer parses.
async fn ask(
    lang: Lang,
    content: &ChecklistContent,
    step: Step,
    lines: &mut Lines,
) -> Result<Input, Stop> {
    let say = |key: &str, args: &[(&str, &str)]| say_in(lang, key, args);
    let back_hint = if step == Step::Goal {
        String::new()
    } else {
        say("cli-back-hint", &[])
    };
    eprintln!(
        "\n{}",
        say(
            "cli-question",
            &[
                ("number", &step.number().to_string()),
                ("total", &Step::QUESTIONS.to_string()),
                ("question", &question_text(content, step)),
            ],
        )
    );
    match step {
        Step::Goal => {
            for (i, g) in Goal::ALL.iter().enumerate() {
                let t = content.goal(*g);
                eprintln!("  {}) {} ({})", i + 1, t.label, t.example);
            }
        }
        Step::Gate(_) => {
            for (i, a) in GateAnswer::ALL.iter().enumerate() {
                eprintln!("  {}) {}", i + 1, content.answer_label(*a));
            }
        }
        Step::Drivers => {
            for (i, d) in Driver::ALL.iter().enumerate() {
                let t = content.driver(*d);
                eprintln!(
                    "  {}) {}: {}",
                    i + 1,
                    t.label,
                    content.render(&t.description)
                );
            }
            eprintln!("  0) {}", say("cli-none-of-these", &[]));
        }
        Step::Done => {}
    }
    loop {
        let hint = match step {
            Step::Drivers => say("cli-answer-drivers", &[("back", &back_hint)]),
            Step::Goal => say("cli-answer-goal", &[]),
            _ => say("cli-answer-gate", &[("back", &back_hint)]),
        };
        prompt(&hint);
        let line = read_line(lines).await?;
        let text = line.trim();
        if step != Step::Goal && matches!(text.to_ascii_lowercase().as_str(), "b" | "back") {
            return Ok(Input::Back);
        }
        let parsed = match step {
            Step::Goal => match parse_goal(text) {
                Some(Goal::Other) => {
                    prompt(&say("cli-describe-goal", &[]));
                    let detail = read_line(lines).await?;
                    Some(Answer::Goal(GoalChoice {
                        goal: Goal::Other,
                        detail: Some(detail),
                    }))
                }
                Some(goal) => Some(Answer::Goal(GoalChoice { goal, detail: None })),
                None => None,
            },
            Step::Gate(gate) => parse_gate_answer(text).map(|a| Answer::Gate(gate, a)),
            Step::Drivers => parse_driver_choice(text).map(Answer::Drivers),
            Step::Done => None,
        };
        match parsed {
            Some(answer) => return Ok(Input::Answer(answer)),
            None => eprintln!(
                "{}",
                say("cli-not-a-choice", &[("text", &format!("{text:?}"))])
            ),
        }
    }
}

fn question_text(content: &ChecklistContent, step: Step) -> String {
    let text = match step {
        Step::Goal => &content.goal.question,
        Step::Gate(g) => &content.gate(g).question,
        Step::Drivers => &content.drivers_question.question,
        Step::Done => "",
    };
    content.render(text)
}

/// A goal by number (1-6), key, or label.
pub fn parse_goal(text: &str) -> Option<Goal> {
    let t = text.trim().to_ascii_lowercase().replace('-', "_");
    if let Ok(n) = t.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| Goal::ALL.get(i).copied());
    }
    Goal::from_key(&t)
}

/// A gate answer by number (1-3), word or shorthand.
pub fn parse_gate_answer(text: &str) -> Option<GateAnswer> {
    match text
        .trim()
        .to_ascii_lowercase()
        .replace(['-', '_'], " ")
        .as_str()
    {
        "1" | "y" | "yes" => Some(GateAnswer::Yes),
        "2" | "n" | "no" => Some(GateAnswer::No),
        "3" | "?" | "not sure" | "notsure" | "unsure" | "ns" => Some(GateAnswer::NotSure),
        _ => None,
    }
}

/// Drivers by numbers (`1,3` or `1 3`), keys (`d1,d3`), or `0`/`none`.
pub fn parse_driver_choice(text: &str) -> Option<DriverSet> {
    let t = text.trim().to_ascii_lowercase();
    if t == "0" || t == "none" {
        return Some(DriverSet::new());
    }
    if t.is_empty() {
        return None;
    }
    t.split([',', ' '])
        .filter(|p| !p.is_empty())
        .map(|p| match p.parse::<usize>() {
            Ok(n) => n.checked_sub(1).and_then(|i| Driver::ALL.get(i).copied()),
            Err(_) => Driver::from_key(p),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_parse_by_number_key_and_dashes() {
        assert_eq!(parse_goal("1"), Some(Goal::OutputFormat));
        assert_eq!(parse_goal("6"), Some(Goal::Other));
        assert_eq!(parse_goal("7"), None);
        assert_eq!(parse_goal("0"), None);
        assert_eq!(parse_goal("tone-style"), Some(Goal::ToneStyle));
    }

    #[test]
    fn gate_answers_accept_numbers_words_and_shorthands() {
        assert_eq!(parse_gate_answer("Y"), Some(GateAnswer::Yes));
        assert_eq!(parse_gate_answer("2"), Some(GateAnswer::No));
        assert_eq!(parse_gate_answer("not-sure"), Some(GateAnswer::NotSure));
        assert_eq!(parse_gate_answer("?"), Some(GateAnswer::NotSure));
        assert_eq!(parse_gate_answer("maybe"), None);
    }

    #[test]
    fn drivers_parse_from_numbers_or_keys_and_none_must_be_explicit() {
        let set: DriverSet = [Driver::Volume, Driver::Latency].into();
        assert_eq!(parse_driver_choice("1,3"), Some(set.clone()));
        assert_eq!(parse_driver_choice("1 3"), Some(set.clone()));
        assert_eq!(parse_driver_choice("d3, d1"), Some(set));
        assert_eq!(parse_driver_choice("0"), Some(DriverSet::new()));
        assert_eq!(parse_driver_choice(""), None);
        assert_eq!(parse_driver_choice("5"), None);
    }
}
