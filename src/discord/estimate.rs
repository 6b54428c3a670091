//! "Estimate the savings": the volume driver in numbers, on a verdict.
//!
//! A verdict whose drivers include volume, or whose goal is cost, latency or privacy, carries a
//! button; it opens a form (Discord allows five fields, so pairs share one: "1000 / 200"),
//! pre-filled with the prices of `[cost]` in the configuration. The submitted figures are
//! checked (a bad one is named, and everything typed is given back so nothing is lost),
//! computed and stored with the decision by the app, and the verdict is redrawn quoting them.
//! The step is optional: ignoring the button skips it.

use serenity::all::{
    ActionRowComponent, ComponentInteraction, Context, CreateActionRow, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal, InputTextStyle,
    ModalInteraction,
};

use super::outcome_id::OutcomeId;
use super::reply::{ephemeral, person_lang, words_in};
use super::{Bot, access, render};
use crate::app::words::say_in;
use crate::app::{Lang, Recorder, ServerId, WalkthroughId};
use crate::checklist::cost::{CostInputs, FineTunedPrice, field, parse_amount};
use crate::config::CostSettings;

/// The form's fields: (custom id, Fluent key of the label and of the placeholder).
const REQUESTS: (&str, &str) = ("requests", "estimate-requests");
const TOKENS: (&str, &str) = ("tokens", "estimate-tokens");
const PRICES: (&str, &str) = ("prices", "estimate-prices");
const FINE_TUNED: (&str, &str) = ("fine_tuned", "estimate-fine-tuned");
const COSTS: (&str, &str) = ("costs", "estimate-costs");

fn input(
    lang: Lang,
    (id, key): (&str, &str),
    value: Option<String>,
    required: bool,
) -> CreateActionRow {
    let label = say_in(lang, key, &[]);
    let placeholder = say_in(lang, &format!("{key}-example"), &[]);
    let mut field = CreateInputText::new(InputTextStyle::Short, label, id)
        .placeholder(placeholder)
        .max_length(100)
        .required(required);
    if let Some(value) = value {
        field = field.value(value);
    }
    CreateActionRow::InputText(field)
}

/// The form, pre-filled with the configured prices.
pub fn form(lang: Lang, walkthrough_id: WalkthroughId, defaults: &CostSettings) -> CreateModal {
    let prices = (defaults.price_in > 0.0 || defaults.price_out > 0.0)
        .then(|| format!("{} / {}", defaults.price_in, defaults.price_out));
    let id = OutcomeId::EstimateForm { walkthrough_id };
    let title = say_in(lang, "button-estimate", &[]);
    CreateModal::new(id.to_string(), title).components(vec![
        input(lang, REQUESTS, None, true),
        input(lang, TOKENS, None, true),
        input(lang, PRICES, prices, true),
        input(lang, FINE_TUNED, Some(defaults.ratio.to_string()), false),
        input(lang, COSTS, None, true),
    ])
}

/// A pair "a / b" of figures, or the sentence saying how to write it.
fn pair(
    lang: Lang,
    text: &str,
    label_key: &str,
    fields: (&'static str, &'static str),
) -> Result<(f64, f64), String> {
    let parts: Vec<&str> = text.split('/').collect();
    let [a, b] = parts.as_slice() else {
        let label = say_in(lang, label_key, &[]);
        return Err(say_in(lang, "estimate-needs-pair", &[("label", &label)]));
    };
    let a = parse_amount(fields.0, a).map_err(|e| words_of(lang, &e.into()))?;
    let b = parse_amount(fields.1, b).map_err(|e| words_of(lang, &e.into()))?;
    Ok((a, b))
}

fn words_of(lang: Lang, e: &crate::app::AppError) -> String {
    e.words_in(lang, &crate::app::PlainMentions)
}

/// Reads the submitted form into figures (checked later by the app), or says what is wrong.
pub fn parse_form(
    lang: Lang,
    values: &[(String, String)],
    default_ratio: f64,
) -> Result<CostInputs, String> {
    let get = |id: &str| {
        values
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    };
    let requests = parse_amount(field::REQUESTS_PER_MONTH, get(REQUESTS.0))
        .map_err(|e| words_of(lang, &e.into()))?;
    let (input_tokens, output_tokens) = pair(
        lang,
        get(TOKENS.0),
        TOKENS.1,
        (field::INPUT_TOKENS, field::OUTPUT_TOKENS),
    )?;
    let (price_in, price_out) = pair(
        lang,
        get(PRICES.0),
        PRICES.1,
        (field::PRICE_IN, field::PRICE_OUT),
    )?;
    let fine_tuned_text = get(FINE_TUNED.0);
    let fine_tuned = if fine_tuned_text.is_empty() {
        FineTunedPrice::Ratio(default_ratio)
    } else if fine_tuned_text.contains('/') {
        let (price_in, price_out) = pair(
            lang,
            fine_tuned_text,
            FINE_TUNED.1,
            (field::FT_PRICE_IN, field::FT_PRICE_OUT),
        )?;
        FineTunedPrice::PerMillion {
            price_in,
            price_out,
        }
    } else {
        FineTunedPrice::Ratio(
            parse_amount(field::RATIO, fine_tuned_text).map_err(|e| words_of(lang, &e.into()))?,
        )
    };
    let (training_cost, upkeep_per_month) = pair(
        lang,
        get(COSTS.0),
        COSTS.1,
        (field::TRAINING_COST, field::UPKEEP_PER_MONTH),
    )?;
    Ok(CostInputs {
        requests_per_month: requests,
        input_tokens,
        output_tokens,
        price_in,
        price_out,
        fine_tuned,
        training_cost,
        upkeep_per_month,
    })
}

/// Every text field of a submitted form, as (custom id, value).
fn form_values(mi: &ModalInteraction) -> Vec<(String, String)> {
    mi.data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .filter_map(|c| match c {
            ActionRowComponent::InputText(input) => Some((
                input.custom_id.clone(),
                input.value.clone().unwrap_or_default(),
            )),
            _ => None,
        })
        .collect()
}

/// "Estimate the savings": opens the form for someone who may answer for the decision.
pub async fn on_click(
    ctx: &Context,
    bot: &Bot,
    ci: &ComponentInteraction,
    walkthrough_id: WalkthroughId,
) {
    let lang = person_lang(&ci.locale, ci.guild_locale.as_deref());
    let Some(guild) = ci.guild_id.map(ServerId::from) else {
        let told = ephemeral(say_in(lang, "use-in-server", &[]));
        return respond_component(ctx, ci, told).await;
    };
    let actor = access::actor(&ci.user, access::roles_of(ci.member.as_ref()));
    let recorder = Recorder::Member {
        guild,
        actor: &actor,
        may_audit: false,
    };
    let response = match bot.app.check_may_record(walkthrough_id, &recorder).await {
        Ok(()) => CreateInteractionResponse::Modal(form(lang, walkthrough_id, &bot.settings.cost)),
        Err(e) => ephemeral(words_in(lang, &e)),
    };
    respond_component(ctx, ci, response).await;
}

async fn respond_component(
    ctx: &Context,
    ci: &ComponentInteraction,
    response: CreateInteractionResponse,
) {
    if let Err(e) = ci.create_response(&ctx.http, response).await {
        tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer an estimate click");
    }
}

/// The form submitted: checks, records and redraws the verdict with the figures.
pub async fn on_form(
    ctx: &Context,
    bot: &Bot,
    mi: &ModalInteraction,
    walkthrough_id: WalkthroughId,
) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = mi.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %mi.id, error = %e, "could not answer an estimate form");
        }
    };
    let lang = person_lang(&mi.locale, mi.guild_locale.as_deref());
    let Some(guild) = mi.guild_id.map(ServerId::from) else {
        return respond(ephemeral(say_in(lang, "use-in-server", &[]))).await;
    };
    let values = form_values(mi);
    let given_back = |problem: String| {
        let typed: Vec<String> = values
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.replace('`', "'")))
            .collect();
        ephemeral(crate::text::truncate_chars(
            &format!(
                "{problem}\n{}\n```\n{}\n```",
                say_in(lang, "estimate-typed", &[]),
                typed.join("\n")
            ),
            render::MESSAGE_LIMIT,
        ))
    };
    let inputs = match parse_form(lang, &values, bot.settings.cost.ratio) {
        Ok(inputs) => inputs,
        Err(problem) => return respond(given_back(problem)).await,
    };
    let actor = access::actor(&mi.user, access::roles_of(mi.member.as_ref()));
    let recorder = Recorder::Member {
        guild,
        actor: &actor,
        may_audit: false,
    };
    let interaction = mi.id.get().to_string();
    let estimated = bot
        .app
        .estimate_savings(
            walkthrough_id,
            &inputs,
            recorder,
            Some(&interaction),
            bot.now(),
        )
        .await;
    match estimated {
        Ok(savings) => {
            tracing::info!(%walkthrough_id, "savings estimate recorded");
            // The verdict is the thread's message: it stays in the walkthrough's language.
            let lang = bot.app.language_of(walkthrough_id).await;
            let content = bot.app.content_in(lang);
            let (embed, rows) =
                render::verdict_parts(lang, content, &savings.decision, Some(&savings));
            let update = CreateInteractionResponseMessage::new()
                .embed(embed)
                .components(rows)
                .allowed_mentions(render::no_mentions());
            respond(CreateInteractionResponse::UpdateMessage(update)).await;
        }
        Err(e) => respond(given_back(words_in(lang, &e))).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form_of(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn complete() -> Vec<(String, String)> {
        form_of(&[
            ("requests", "10,000,000"),
            ("tokens", "1000 / 200"),
            ("prices", "2.5/10"),
            ("fine_tuned", ""),
            ("costs", "20 000 / 5000"),
        ])
    }

    #[test]
    fn a_complete_form_reads_into_the_figures_with_the_default_ratio() {
        let inputs = parse_form(Lang::En, &complete(), 10.0).unwrap();
        assert_eq!(inputs.requests_per_month, 10_000_000.0);
        assert_eq!((inputs.input_tokens, inputs.output_tokens), (1000.0, 200.0));
        assert_eq!((inputs.price_in, inputs.price_out), (2.5, 10.0));
        assert_eq!(inputs.fine_tuned, FineTunedPrice::Ratio(10.0));
        assert_eq!(
            (inputs.training_cost, inputs.upkeep_per_month),
            (20_000.0, 5000.0)
        );
        let e = inputs.estimate().unwrap();
        assert_eq!(e.generic_monthly, 45_000.0);
        assert_eq!(e.monthly_saving, 35_500.0);
    }

    #[test]
    fn the_fine_tuned_field_takes_a_ratio_or_two_prices() {
        let mut form = complete();
        form[3].1 = "4".into();
        assert_eq!(
            parse_form(Lang::En, &form, 10.0).unwrap().fine_tuned,
            FineTunedPrice::Ratio(4.0)
        );
        form[3].1 = "0.3 / 1.2".into();
        assert_eq!(
            parse_form(Lang::En, &form, 10.0).unwrap().fine_tuned,
            FineTunedPrice::PerMillion {
                price_in: 0.3,
                price_out: 1.2
            }
        );
    }

    #[test]
    fn a_bad_figure_is_named_and_a_missing_half_of_a_pair_is_explained() {
        let mut form = complete();
        form[0].1 = "lots".into();
        let err = parse_form(Lang::En, &form, 10.0).unwrap_err();
        assert!(err.contains("requests-per-month"), "{err}");
        let mut form = complete();
        form[1].1 = "1000".into();
        let err = parse_form(Lang::En, &form, 10.0).unwrap_err();
        assert!(err.contains("two numbers separated by a slash"), "{err}");
        let mut form = complete();
        form[4].1 = "20000 / five".into();
        let err = parse_form(Lang::En, &form, 10.0).unwrap_err();
        assert!(err.contains("upkeep-per-month"), "{err}");
    }
}
