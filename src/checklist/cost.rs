//! The volume driver in numbers: what a fine-tuned model would save each month against the
//! generic model, when it pays back its one-off cost, and where the team stands after a year.
//!
//! Pure arithmetic on figures the team gives; nothing is fetched. The formulas, exactly:
//!
//! - `generic_monthly` = requests x (input_tokens x price_in + output_tokens x price_out) / 1,000,000
//! - `fine_tuned_monthly` = the same with the fine-tuned prices, or `generic_monthly / ratio`
//! - `monthly_saving` = generic_monthly - fine_tuned_monthly - upkeep_per_month
//! - `break_even_months` = training_cost / monthly_saving when monthly_saving > 0, else none
//! - `net_12_months` = 12 x monthly_saving - training_cost
//!
//! Prices are per million tokens, in whatever currency the team uses throughout.

use serde::Serialize;

/// The most requests a month this accepts: beyond it a figure is a typo, not a plan.
pub const MAX_REQUESTS_PER_MONTH: f64 = 1e12;
/// The most tokens one request may average.
pub const MAX_TOKENS_PER_REQUEST: f64 = 1e7;
/// The largest amount of money (a price per million tokens, a cost) this accepts.
pub const MAX_AMOUNT: f64 = 1e12;
/// The fine-tuned model's cost relative to the generic one when no prices are given: the
/// checklist's "roughly 10x lower inference cost".
pub const DEFAULT_RATIO: f64 = 10.0;

/// How the fine-tuned model is priced.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FineTunedPrice {
    /// Its own prices per million input and output tokens.
    PerMillion { price_in: f64, price_out: f64 },
    /// The generic cost divided by this ratio.
    Ratio(f64),
}

/// What the team tells about its traffic and prices.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CostInputs {
    pub requests_per_month: f64,
    pub input_tokens: f64,
    pub output_tokens: f64,
    /// The current (generic) model's prices per million tokens.
    pub price_in: f64,
    pub price_out: f64,
    pub fine_tuned: FineTunedPrice,
    /// One-off cost of training and evaluation.
    pub training_cost: f64,
    /// Monthly upkeep of the fine-tuned model: people and hosting.
    pub upkeep_per_month: f64,
}

/// The estimate, under the names the issue and the JSON output use.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CostEstimate {
    pub generic_monthly: f64,
    pub fine_tuned_monthly: f64,
    pub monthly_saving: f64,
    /// `None` when the fine-tuned model saves nothing each month: it never pays back.
    pub break_even_months: Option<f64>,
    pub net_12_months: f64,
}

/// An amount of money for people: two decimals, thousands separated by commas
/// (`45000` -> `45,000.00`, `-4959.5` -> `-4,959.50`).
pub fn format_amount(amount: f64) -> String {
    if !amount.is_finite() {
        return amount.to_string();
    }
    let fixed = format!("{:.2}", amount.abs());
    let (whole, cents) = fixed.split_once('.').unwrap_or((&fixed, "00"));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if amount < 0.0 && fixed != "0.00" {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}.{cents}")
}

impl CostEstimate {
    /// Whether the one-off cost is paid back within twelve months.
    pub fn pays_back_within_a_year(&self) -> bool {
        self.break_even_months.is_some_and(|m| m <= 12.0)
    }
}

/// A figure that cannot be used, naming its field as the command line and the form do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CostError {
    #[error("{field} must be a number, not {value:?}")]
    NotANumber { field: &'static str, value: String },
    #[error("{field} cannot be negative (got {value})")]
    Negative { field: &'static str, value: f64 },
    #[error("{field} must be more than zero")]
    Zero { field: &'static str },
    #[error("{field} is {value}, more than the {max} this estimate accepts; check the figure")]
    TooLarge {
        field: &'static str,
        value: f64,
        max: f64,
    },
}

/// The field names, as the command line spells them (the Discord form uses the same words).
pub mod field {
    pub const REQUESTS_PER_MONTH: &str = "requests-per-month";
    pub const INPUT_TOKENS: &str = "input-tokens";
    pub const OUTPUT_TOKENS: &str = "output-tokens";
    pub const PRICE_IN: &str = "price-in";
    pub const PRICE_OUT: &str = "price-out";
    pub const FT_PRICE_IN: &str = "ft-price-in";
    pub const FT_PRICE_OUT: &str = "ft-price-out";
    pub const RATIO: &str = "ratio";
    pub const TRAINING_COST: &str = "training-cost";
    pub const UPKEEP_PER_MONTH: &str = "upkeep-per-month";
}

/// Reads one figure typed by a person: digits with an optional decimal point; thousands
/// separators (`,` `_` and spaces) are allowed, as in "10,000,000".
pub fn parse_amount(field: &'static str, text: &str) -> Result<f64, CostError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    let value: f64 = cleaned.parse().map_err(|_| CostError::NotANumber {
        field,
        value: text.trim().chars().take(40).collect(),
    })?;
    if !value.is_finite() {
        return Err(CostError::NotANumber {
            field,
            value: text.trim().chars().take(40).collect(),
        });
    }
    Ok(value)
}

impl CostInputs {
    /// Checks every figure; the first problem names its field.
    pub fn validate(&self) -> Result<(), CostError> {
        use field::*;
        let positive_requests = self.requests_per_month;
        check(
            REQUESTS_PER_MONTH,
            positive_requests,
            MAX_REQUESTS_PER_MONTH,
        )?;
        if positive_requests == 0.0 {
            return Err(CostError::Zero {
                field: REQUESTS_PER_MONTH,
            });
        }
        check(INPUT_TOKENS, self.input_tokens, MAX_TOKENS_PER_REQUEST)?;
        check(OUTPUT_TOKENS, self.output_tokens, MAX_TOKENS_PER_REQUEST)?;
        check(PRICE_IN, self.price_in, MAX_AMOUNT)?;
        check(PRICE_OUT, self.price_out, MAX_AMOUNT)?;
        match self.fine_tuned {
            FineTunedPrice::PerMillion {
                price_in,
                price_out,
            } => {
                check(FT_PRICE_IN, price_in, MAX_AMOUNT)?;
                check(FT_PRICE_OUT, price_out, MAX_AMOUNT)?;
            }
            FineTunedPrice::Ratio(ratio) => {
                check(RATIO, ratio, MAX_AMOUNT)?;
                if ratio == 0.0 {
                    return Err(CostError::Zero { field: RATIO });
                }
            }
        }
        check(TRAINING_COST, self.training_cost, MAX_AMOUNT)?;
        check(UPKEEP_PER_MONTH, self.upkeep_per_month, MAX_AMOUNT)?;
        Ok(())
    }

    /// The estimate, after [`CostInputs::validate`].
    pub fn estimate(&self) -> Result<CostEstimate, CostError> {
        self.validate()?;
        let monthly = |price_in: f64, price_out: f64| {
            self.requests_per_month
                * (self.input_tokens * price_in + self.output_tokens * price_out)
                / 1_000_000.0
        };
        let generic_monthly = monthly(self.price_in, self.price_out);
        let fine_tuned_monthly = match self.fine_tuned {
            FineTunedPrice::PerMillion {
                price_in,
                price_out,
            } => monthly(price_in, price_out),
            FineTunedPrice::Ratio(ratio) => generic_monthly / ratio,
        };
        let monthly_saving = generic_monthly - fine_tuned_monthly - self.upkeep_per_month;
        let break_even_months = (monthly_saving > 0.0).then(|| self.training_cost / monthly_saving);
        Ok(CostEstimate {
            generic_monthly,
            fine_tuned_monthly,
            monthly_saving,
            break_even_months,
            net_12_months: 12.0 * monthly_saving - self.training_cost,
        })
    }
}

fn check(field: &'static str, value: f64, max: f64) -> Result<(), CostError> {
    if !value.is_finite() {
        return Err(CostError::NotANumber {
            field,
            value: value.to_string(),
        });
    }
    if value < 0.0 {
        return Err(CostError::Negative { field, value });
    }
    if value > max {
        return Err(CostError::TooLarge { field, value, max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_by_thousands_with_two_decimals() {
        assert_eq!(format_amount(45_000.0), "45,000.00");
        assert_eq!(format_amount(-4_959.5), "-4,959.50");
        assert_eq!(format_amount(999.999), "1,000.00");
        assert_eq!(format_amount(0.0), "0.00");
        assert_eq!(format_amount(-0.001), "0.00");
        assert_eq!(format_amount(1_234_567.891), "1,234,567.89");
        assert_eq!(format_amount(12.0), "12.00");
    }

    /// 10 million requests of 1,000 tokens in and 200 out, at 2.50 / 10.00 per million.
    fn volume(fine_tuned: FineTunedPrice) -> CostInputs {
        CostInputs {
            requests_per_month: 10_000_000.0,
            input_tokens: 1_000.0,
            output_tokens: 200.0,
            price_in: 2.5,
            price_out: 10.0,
            fine_tuned,
            training_cost: 20_000.0,
            upkeep_per_month: 5_000.0,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn a_ratio_of_ten_at_ten_million_requests_pays_back_in_under_a_month() {
        // generic: 1e7 x (1000 x 2.5 + 200 x 10) / 1e6 = 1e7 x 4500 / 1e6 = 45,000
        // fine-tuned: 45,000 / 10 = 4,500; saving: 45,000 - 4,500 - 5,000 = 35,500
        // break-even: 20,000 / 35,500 = 0.5634 months; net 12: 426,000 - 20,000 = 406,000
        let e = volume(FineTunedPrice::Ratio(10.0)).estimate().unwrap();
        assert!(close(e.generic_monthly, 45_000.0), "{e:?}");
        assert!(close(e.fine_tuned_monthly, 4_500.0), "{e:?}");
        assert!(close(e.monthly_saving, 35_500.0), "{e:?}");
        assert!(
            close(e.break_even_months.unwrap(), 20_000.0 / 35_500.0),
            "{e:?}"
        );
        assert!(close(e.net_12_months, 406_000.0), "{e:?}");
        assert!(e.pays_back_within_a_year());
    }

    #[test]
    fn fine_tuned_prices_replace_the_ratio() {
        // fine-tuned: 1e7 x (1000 x 0.3 + 200 x 1.2) / 1e6 = 1e7 x 540 / 1e6 = 5,400
        // saving: 45,000 - 5,400 - 5,000 = 34,600
        let e = volume(FineTunedPrice::PerMillion {
            price_in: 0.3,
            price_out: 1.2,
        })
        .estimate()
        .unwrap();
        assert!(close(e.fine_tuned_monthly, 5_400.0), "{e:?}");
        assert!(close(e.monthly_saving, 34_600.0), "{e:?}");
        assert!(close(e.net_12_months, 12.0 * 34_600.0 - 20_000.0), "{e:?}");
    }

    #[test]
    fn low_volume_never_breaks_even_when_upkeep_eats_the_saving() {
        // 10,000 requests: generic 45, fine-tuned 4.5, saving 45 - 4.5 - 5,000 = -4,959.5
        let mut inputs = volume(FineTunedPrice::Ratio(10.0));
        inputs.requests_per_month = 10_000.0;
        let e = inputs.estimate().unwrap();
        assert!(close(e.generic_monthly, 45.0), "{e:?}");
        assert!(close(e.monthly_saving, -4_959.5), "{e:?}");
        assert_eq!(e.break_even_months, None);
        assert!(close(e.net_12_months, 12.0 * -4_959.5 - 20_000.0), "{e:?}");
        assert!(!e.pays_back_within_a_year());
    }

    #[test]
    fn a_saving_of_exactly_zero_never_breaks_even() {
        let mut inputs = volume(FineTunedPrice::Ratio(10.0));
        inputs.upkeep_per_month = 40_500.0;
        let e = inputs.estimate().unwrap();
        assert!(close(e.monthly_saving, 0.0), "{e:?}");
        assert_eq!(e.break_even_months, None);
        assert!(close(e.net_12_months, -20_000.0));
    }

    #[test]
    fn a_slow_payback_is_told_apart_from_a_year() {
        // saving 35,500 a month against a training cost of 500,000: 14.08 months.
        let mut inputs = volume(FineTunedPrice::Ratio(10.0));
        inputs.training_cost = 500_000.0;
        let e = inputs.estimate().unwrap();
        assert!(close(e.break_even_months.unwrap(), 500_000.0 / 35_500.0));
        assert!(!e.pays_back_within_a_year());
        assert!(e.net_12_months < 0.0);
    }

    #[test]
    fn bad_figures_name_their_field() {
        let base = volume(FineTunedPrice::Ratio(10.0));
        let cases: [(CostInputs, &str); 7] = [
            (
                CostInputs {
                    requests_per_month: 0.0,
                    ..base
                },
                "requests-per-month must be more than zero",
            ),
            (
                CostInputs {
                    requests_per_month: 2e12,
                    ..base
                },
                "requests-per-month is 2000000000000",
            ),
            (
                CostInputs {
                    price_in: -1.0,
                    ..base
                },
                "price-in cannot be negative",
            ),
            (
                CostInputs {
                    output_tokens: f64::NAN,
                    ..base
                },
                "output-tokens must be a number",
            ),
            (
                CostInputs {
                    fine_tuned: FineTunedPrice::Ratio(0.0),
                    ..base
                },
                "ratio must be more than zero",
            ),
            (
                CostInputs {
                    fine_tuned: FineTunedPrice::PerMillion {
                        price_in: 1.0,
                        price_out: -2.0,
                    },
                    ..base
                },
                "ft-price-out cannot be negative",
            ),
            (
                CostInputs {
                    upkeep_per_month: f64::INFINITY,
                    ..base
                },
                "upkeep-per-month must be a number",
            ),
        ];
        for (inputs, expected) in cases {
            let err = inputs.estimate().unwrap_err().to_string();
            assert!(err.contains(expected), "{err} should say {expected}");
        }
    }

    #[test]
    fn typed_figures_accept_thousands_separators_and_refuse_words() {
        assert_eq!(parse_amount("x", "10,000,000"), Ok(10_000_000.0));
        assert_eq!(parse_amount("x", " 2.5 "), Ok(2.5));
        assert_eq!(parse_amount("x", "1_000"), Ok(1_000.0));
        for bad in ["ten", "", "1e400", "inf", "NaN", "3 dollars"] {
            let err = parse_amount("price-in", bad).unwrap_err();
            assert!(
                err.to_string().starts_with("price-in must be a number"),
                "{bad}: {err}"
            );
        }
    }
}
