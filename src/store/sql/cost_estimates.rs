//! The SQL of savings estimates.

use super::*;
use crate::checklist::cost::{CostEstimate, CostInputs, FineTunedPrice};

/// The columns [`estimate_from_row`] reads.
macro_rules! estimate_columns {
    () => {
        "id, walkthrough_id, guild_id, requests_per_month, input_tokens, output_tokens, \
         price_in, price_out, ft_price_in, ft_price_out, ratio, training_cost, \
         upkeep_per_month, generic_monthly, fine_tuned_monthly, monthly_saving, \
         break_even_months, net_12_months, recorded_by_id, recorded_by_name, created_at"
    };
}

impl Backend {
    /// Records an estimate for a decision (`guild_id` `None`: from the terminal, any decision).
    /// Returns the stored row and whether it is new (`false`: this interaction was recorded
    /// before, and that row is returned).
    #[allow(clippy::too_many_arguments)]
    pub async fn record_cost_estimate(
        &self,
        walkthrough_id: WalkthroughId,
        guild_id: Option<ServerId>,
        inputs: &CostInputs,
        estimate: &CostEstimate,
        recorder: &Person,
        interaction_id: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(CostEstimateRecord, bool), CostEstimateError> {
        let guild = id_to_db(guild_id)?;
        let (ft_in, ft_out, ratio) = match inputs.fine_tuned {
            FineTunedPrice::PerMillion {
                price_in,
                price_out,
            } => (Some(price_in), Some(price_out), None),
            FineTunedPrice::Ratio(r) => (None, None, Some(r)),
        };
        let _turn = self.write_turn().await;
        if let Some(row) = self.estimate_of_interaction(interaction_id).await? {
            return Ok((row, false));
        }
        // One statement: the decision must exist (in this guild) when the row is written.
        let row = sqlx::query(concat!(
            "INSERT INTO cost_estimates (walkthrough_id, guild_id, requests_per_month, \
             input_tokens, output_tokens, price_in, price_out, ft_price_in, ft_price_out, ratio, \
             training_cost, upkeep_per_month, generic_monthly, fine_tuned_monthly, \
             monthly_saving, break_even_months, net_12_months, recorded_by_id, recorded_by_name, \
             interaction_id, created_at) \
             SELECT walkthrough_id, guild_id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
             $18, $19 FROM decisions WHERE walkthrough_id = $20 AND ($21 IS NULL OR guild_id = $22) \
             ON CONFLICT (interaction_id) DO NOTHING RETURNING ",
            estimate_columns!()
        ))
        .bind(inputs.requests_per_month)
        .bind(inputs.input_tokens)
        .bind(inputs.output_tokens)
        .bind(inputs.price_in)
        .bind(inputs.price_out)
        .bind(ft_in)
        .bind(ft_out)
        .bind(ratio)
        .bind(inputs.training_cost)
        .bind(inputs.upkeep_per_month)
        .bind(estimate.generic_monthly)
        .bind(estimate.fine_tuned_monthly)
        .bind(estimate.monthly_saving)
        .bind(estimate.break_even_months)
        .bind(estimate.net_12_months)
        .bind(&recorder.id)
        .bind(&recorder.name)
        .bind(interaction_id)
        .bind(format_time(now))
        .bind(walkthrough_id)
        .bind(guild)
        .bind(guild)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(row) = row {
            return Ok((estimate_from_row(&row)?, true));
        }
        // Nothing written: another process recorded this interaction meanwhile, or there is
        // no such decision here.
        match self.estimate_of_interaction(interaction_id).await? {
            Some(row) => Ok((row, false)),
            None => Err(CostEstimateError::NotDecided(walkthrough_id)),
        }
    }

    async fn estimate_of_interaction(
        &self,
        interaction_id: Option<&str>,
    ) -> Result<Option<CostEstimateRecord>, StoreError> {
        let Some(interaction) = interaction_id else {
            return Ok(None);
        };
        sqlx::query(concat!(
            "SELECT ",
            estimate_columns!(),
            " FROM cost_estimates WHERE interaction_id = $1"
        ))
        .bind(interaction)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(estimate_from_row)
        .transpose()
    }

    /// The estimates of one decision, oldest first (the last one counts).
    pub async fn cost_estimates_of(
        &self,
        walkthrough_id: WalkthroughId,
    ) -> Result<Vec<CostEstimateRecord>, StoreError> {
        sqlx::query(concat!(
            "SELECT ",
            estimate_columns!(),
            " FROM cost_estimates WHERE walkthrough_id = $1 ORDER BY id"
        ))
        .bind(walkthrough_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(estimate_from_row)
        .collect()
    }
}

fn estimate_from_row(row: &DbRow) -> Result<CostEstimateRecord, StoreError> {
    let ratio: Option<f64> = row.try_get("ratio")?;
    let fine_tuned = match (
        ratio,
        row.try_get("ft_price_in")?,
        row.try_get("ft_price_out")?,
    ) {
        (Some(ratio), _, _) => FineTunedPrice::Ratio(ratio),
        (None, Some(price_in), Some(price_out)) => FineTunedPrice::PerMillion {
            price_in,
            price_out,
        },
        _ => {
            return Err(StoreError::BadData(
                "cost estimate without a pricing".into(),
            ));
        }
    };
    Ok(CostEstimateRecord {
        id: row.try_get("id")?,
        walkthrough_id: row.try_get("walkthrough_id")?,
        guild_id: id_from_db(row.try_get("guild_id")?),
        inputs: CostInputs {
            requests_per_month: row.try_get("requests_per_month")?,
            input_tokens: row.try_get("input_tokens")?,
            output_tokens: row.try_get("output_tokens")?,
            price_in: row.try_get("price_in")?,
            price_out: row.try_get("price_out")?,
            fine_tuned,
            training_cost: row.try_get("training_cost")?,
            upkeep_per_month: row.try_get("upkeep_per_month")?,
        },
        estimate: CostEstimate {
            generic_monthly: row.try_get("generic_monthly")?,
            fine_tuned_monthly: row.try_get("fine_tuned_monthly")?,
            monthly_saving: row.try_get("monthly_saving")?,
            break_even_months: row.try_get("break_even_months")?,
            net_12_months: row.try_get("net_12_months")?,
        },
        recorded_by: Person::new(
            row.try_get::<String, _>("recorded_by_id")?,
            row.try_get::<String, _>("recorded_by_name")?,
        ),
        created_at: parse_time(&row.try_get::<String, _>("created_at")?)?,
    })
}
