//! `tunegate cost`: the volume driver's break-even on its own, from figures on the command line.
//!
//! The arithmetic is the checklist core's ([`crate::checklist::cost`]); this file reads the
//! flags, reports a bad figure by its flag name (exit 2, like any bad argument), and prints the
//! estimate as text or JSON. Nothing is fetched: every price is the team's own figure.

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::CliError;
use crate::checklist::cost::{CostEstimate, CostInputs, FineTunedPrice, field, parse_amount};
use crate::config::CostSettings;

/// Arguments of `tunegate cost`: the figures (the same flags as `tunegate check` takes) and the
/// output format. Amounts are in one currency of your choice; prices are per million tokens.
/// Thousands separators are fine ("10,000,000").
#[derive(Debug, Args)]
pub struct CostArgs {
    #[command(flatten)]
    pub figures: SavingsArgs,
    /// `text` or `json`.
    #[arg(long, value_enum, default_value_t = CostFormat::Text)]
    pub format: CostFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CostFormat {
    Text,
    Json,
}

/// Runs `tunegate cost`, with prices left out taken from `[cost]` in the configuration.
pub fn run(args: &CostArgs, defaults: &CostSettings) -> Result<ExitCode, CliError> {
    let estimate = match args.figures.required_inputs(defaults) {
        Ok(inputs) => match inputs.estimate() {
            Ok(estimate) => estimate,
            Err(e) => {
                eprintln!("error: --{e}");
                return Ok(ExitCode::from(2));
            }
        },
        Err(sentence) => {
            eprintln!("error: {sentence}");
            return Ok(ExitCode::from(2));
        }
    };
    match args.format {
        CostFormat::Json => {
            let text = serde_json::to_string_pretty(&estimate).map_err(std::io::Error::other)?;
            println!("{text}");
        }
        CostFormat::Text => print!("{}", text(&estimate)),
    }
    Ok(ExitCode::SUCCESS)
}

/// The estimate for people: one line per figure, then what it means.
/// The estimate in words, for the terminal.
pub fn text(e: &CostEstimate) -> String {
    let mut out = String::new();
    for (label, amount) in [
        ("generic model, a month", e.generic_monthly),
        ("fine-tuned model, a month", e.fine_tuned_monthly),
        ("saving a month, after upkeep", e.monthly_saving),
        ("net after 12 months", e.net_12_months),
    ] {
        out.push_str(&format!("{label:<30}{amount:>16.2}\n"));
    }
    match e.break_even_months {
        Some(months) if e.pays_back_within_a_year() => out.push_str(&format!(
            "It pays back its one-off cost in {months:.1} months.\n"
        )),
        Some(months) => out.push_str(&format!(
            "It pays back only after {months:.1} months: not within 12. Prompt work on the \
             generic model is likely the better investment for now.\n"
        )),
        None => out.push_str(
            "It never pays back: the fine-tuned model saves nothing once upkeep is counted.\n",
        ),
    }
    out
}

/// The figures of a savings estimate as flags, shared by `tunegate cost` (where they are needed)
/// and `tunegate check` (where they are optional: given, the estimate is stored with the
/// decision and quoted under the verdict). Prices left out come from `[cost]` in the
/// configuration.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("check_fine_tuned").args(["ratio", "ft_price_in"]).multiple(false))]
pub struct SavingsArgs {
    /// Estimate the savings: requests a month (with --input-tokens, --output-tokens,
    /// --training-cost, --upkeep-per-month; see `tunegate cost --help`).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub requests_per_month: Option<String>,
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub input_tokens: Option<String>,
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub output_tokens: Option<String>,
    /// The current model's price per million input tokens [default: cost.price_in].
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub price_in: Option<String>,
    /// The current model's price per million output tokens [default: cost.price_out].
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub price_out: Option<String>,
    #[arg(
        long,
        value_name = "X",
        allow_negative_numbers = true,
        requires = "ft_price_out"
    )]
    pub ft_price_in: Option<String>,
    #[arg(
        long,
        value_name = "X",
        allow_negative_numbers = true,
        requires = "ft_price_in"
    )]
    pub ft_price_out: Option<String>,
    /// How many times cheaper the fine-tuned model runs [default: cost.ratio].
    #[arg(long, value_name = "R", allow_negative_numbers = true)]
    pub ratio: Option<String>,
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub training_cost: Option<String>,
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub upkeep_per_month: Option<String>,
}

impl SavingsArgs {
    fn any(&self) -> bool {
        [
            &self.requests_per_month,
            &self.input_tokens,
            &self.output_tokens,
            &self.price_in,
            &self.price_out,
            &self.ft_price_in,
            &self.ft_price_out,
            &self.ratio,
            &self.training_cost,
            &self.upkeep_per_month,
        ]
        .iter()
        .any(|flag| flag.is_some())
    }

    /// The checked figures, `None` without any flag (`check`), or the sentence naming the flag
    /// to fix.
    pub fn inputs(&self, defaults: &CostSettings) -> Result<Option<CostInputs>, String> {
        if !self.any() {
            return Ok(None);
        }
        self.figures(defaults, " (or leave out every cost flag)")
            .map(Some)
    }

    /// The checked figures, every needed flag given (`cost`), or the sentence naming the flag
    /// to fix.
    pub fn required_inputs(&self, defaults: &CostSettings) -> Result<CostInputs, String> {
        self.figures(defaults, "")
    }

    fn figures(&self, defaults: &CostSettings, or_else: &str) -> Result<CostInputs, String> {
        let required = |flag: &Option<String>, name: &'static str| -> Result<f64, String> {
            match flag {
                Some(text) => parse_amount(name, text).map_err(|e| format!("--{e}")),
                None => Err(format!(
                    "--{name} is needed to estimate the savings{or_else}"
                )),
            }
        };
        let price = |flag: &Option<String>, name: &'static str, default: f64| match flag {
            None if default > 0.0 => Ok(default),
            _ => required(flag, name),
        };
        let fine_tuned = match (&self.ft_price_in, &self.ft_price_out, &self.ratio) {
            (Some(_), Some(_), _) => FineTunedPrice::PerMillion {
                price_in: required(&self.ft_price_in, field::FT_PRICE_IN)?,
                price_out: required(&self.ft_price_out, field::FT_PRICE_OUT)?,
            },
            (_, _, Some(_)) => FineTunedPrice::Ratio(required(&self.ratio, field::RATIO)?),
            _ => FineTunedPrice::Ratio(defaults.ratio),
        };
        let inputs = CostInputs {
            requests_per_month: required(&self.requests_per_month, field::REQUESTS_PER_MONTH)?,
            input_tokens: required(&self.input_tokens, field::INPUT_TOKENS)?,
            output_tokens: required(&self.output_tokens, field::OUTPUT_TOKENS)?,
            price_in: price(&self.price_in, field::PRICE_IN, defaults.price_in)?,
            price_out: price(&self.price_out, field::PRICE_OUT, defaults.price_out)?,
            fine_tuned,
            training_cost: required(&self.training_cost, field::TRAINING_COST)?,
            upkeep_per_month: required(&self.upkeep_per_month, field::UPKEEP_PER_MONTH)?,
        };
        inputs.validate().map_err(|e| format!("--{e}"))?;
        Ok(inputs)
    }
}
