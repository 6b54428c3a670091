//! `tunegate cost`: the volume driver's break-even on its own, from figures on the command line.
//!
//! The arithmetic is the checklist core's ([`crate::checklist::cost`]); this file reads the
//! flags, reports a bad figure by its flag name (exit 2, like any bad argument), and prints the
//! estimate as text or JSON. Nothing is fetched: every price is the team's own figure.

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::CliError;
use crate::checklist::cost::{
    CostEstimate, CostInputs, DEFAULT_RATIO, FineTunedPrice, field, parse_amount,
};
use crate::config::CostSettings;

/// Arguments of `tunegate cost`. Amounts are in one currency of your choice; prices are per
/// million tokens. Thousands separators are fine ("10,000,000").
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("fine_tuned").args(["ratio", "ft_price_in"]).multiple(false))]
pub struct CostArgs {
    /// Requests a month to the model.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub requests_per_month: String,
    /// Average input tokens per request.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub input_tokens: String,
    /// Average output tokens per request.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub output_tokens: String,
    /// The current model's price per million input tokens.
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub price_in: String,
    /// The current model's price per million output tokens.
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub price_out: String,
    /// The fine-tuned model's price per million input tokens (with --ft-price-out).
    #[arg(
        long,
        value_name = "X",
        allow_negative_numbers = true,
        requires = "ft_price_out"
    )]
    pub ft_price_in: Option<String>,
    /// The fine-tuned model's price per million output tokens (with --ft-price-in).
    #[arg(
        long,
        value_name = "X",
        allow_negative_numbers = true,
        requires = "ft_price_in"
    )]
    pub ft_price_out: Option<String>,
    /// Or: how many times cheaper the fine-tuned model runs (default 10).
    #[arg(long, value_name = "R", allow_negative_numbers = true)]
    pub ratio: Option<String>,
    /// One-off cost of training and evaluation.
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub training_cost: String,
    /// Monthly upkeep of the fine-tuned model (people and hosting).
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub upkeep_per_month: String,
    #[arg(long, value_enum, default_value_t = CostFormat::Text)]
    pub format: CostFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CostFormat {
    Text,
    Json,
}

impl CostArgs {
    /// The figures as the core takes them; a bad one is named by its flag.
    fn inputs(&self) -> Result<CostInputs, crate::checklist::cost::CostError> {
        let fine_tuned = match (&self.ft_price_in, &self.ft_price_out, &self.ratio) {
            (Some(price_in), Some(price_out), _) => FineTunedPrice::PerMillion {
                price_in: parse_amount(field::FT_PRICE_IN, price_in)?,
                price_out: parse_amount(field::FT_PRICE_OUT, price_out)?,
            },
            (_, _, Some(ratio)) => FineTunedPrice::Ratio(parse_amount(field::RATIO, ratio)?),
            _ => FineTunedPrice::Ratio(DEFAULT_RATIO),
        };
        Ok(CostInputs {
            requests_per_month: parse_amount(field::REQUESTS_PER_MONTH, &self.requests_per_month)?,
            input_tokens: parse_amount(field::INPUT_TOKENS, &self.input_tokens)?,
            output_tokens: parse_amount(field::OUTPUT_TOKENS, &self.output_tokens)?,
            price_in: parse_amount(field::PRICE_IN, &self.price_in)?,
            price_out: parse_amount(field::PRICE_OUT, &self.price_out)?,
            fine_tuned,
            training_cost: parse_amount(field::TRAINING_COST, &self.training_cost)?,
            upkeep_per_month: parse_amount(field::UPKEEP_PER_MONTH, &self.upkeep_per_month)?,
        })
    }
}

/// Runs `tunegate cost`.
pub fn run(args: &CostArgs) -> Result<ExitCode, CliError> {
    let estimate = match args.inputs().and_then(|inputs| inputs.estimate()) {
        Ok(estimate) => estimate,
        Err(e) => {
            eprintln!("error: --{e}");
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

/// The same figures as optional flags of `tunegate check`: given, the estimate is stored with
/// the decision and quoted under the verdict. Prices left out come from `[cost]` in the
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

    /// The checked figures, `None` without any flag, or the sentence naming the flag to fix.
    pub fn inputs(&self, defaults: &CostSettings) -> Result<Option<CostInputs>, String> {
        if !self.any() {
            return Ok(None);
        }
        let required = |flag: &Option<String>, name: &'static str| -> Result<f64, String> {
            match flag {
                Some(text) => parse_amount(name, text).map_err(|e| format!("--{e}")),
                None => Err(format!(
                    "--{name} is needed to estimate the savings (or leave out every cost flag)"
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
        Ok(Some(inputs))
    }
}
