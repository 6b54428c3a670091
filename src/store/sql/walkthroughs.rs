//! The SQL of walkthroughs: start, load, answer (see `store/walkthroughs.rs`).

use super::*;

/// The columns [`walkthrough_from_row`] reads, as a literal so queries stay `&'static str`.
macro_rules! walkthrough_columns {
    () => {
        "id, source, status, current_step, guild_id, channel_id, thread_id, message_id, \
         requester_id, requester_name, trigger_text, checklist_version, revisit_of, created_at, \
         updated_at, reminded_at, closed_at, lang"
    };
}

impl Backend {
    /// Starts a walkthrough and returns it. For a chat message that already has one (Discord
    /// delivered the message twice), returns the existing walkthrough and `false`.
    pub async fn start_walkthrough(
        &self,
        new: &NewWalkthrough,
    ) -> Result<(WalkthroughRecord, bool), StoreError> {
        let now = format_time(new.now);
        let turn = self.write_turn().await;
        let inserted = sqlx::query(
            "INSERT INTO walkthroughs (source, status, current_step, guild_id, channel_id, \
             thread_id, message_id, requester_id, requester_name, trigger_text, \
             checklist_version, revisit_of, created_at, updated_at, lang) \
             VALUES ($1, 'open', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(new.source.key())
        .bind(Step::Goal.key())
        .bind(id_to_db(new.place.server)?)
        .bind(id_to_db(new.place.channel)?)
        .bind(id_to_db(new.place.thread)?)
        .bind(id_to_db(new.place.message)?)
        .bind(&new.requester.id)
        .bind(&new.requester.name)
        .bind(&new.trigger_text)
        .bind(&new.checklist_version)
        .bind(new.revisit_of)
        .bind(&now)
        .bind(&now)
        .bind(&new.lang)
        .fetch_optional(&self.pool)
        .await?;
        drop(turn);
        match inserted {
            Some(row) => {
                let id: WalkthroughId = row.try_get(0)?;
                Ok((self.walkthrough(id).await?, true))
            }
            None => {
                let message_id = id_to_db(new.place.message)?;
                let existing: (WalkthroughId,) = sqlx::query_as(
                    "SELECT id FROM walkthroughs WHERE source = 'chat' AND message_id = $1",
                )
                .bind(message_id)
                .fetch_one(&self.pool)
                .await?;
                Ok((self.walkthrough(existing.0).await?, false))
            }
        }
    }

    /// Loads a walkthrough with its current answers.
    pub async fn walkthrough(&self, id: WalkthroughId) -> Result<WalkthroughRecord, StoreError> {
        let mut connection = self.pool.acquire().await?;
        walkthrough_on(&mut connection, id).await
    }

    /// One answer in ONE write transaction (`BEGIN IMMEDIATE`): the replay check by
    /// interaction id, the walkthrough loaded, `decide` (pure: who may answer, what the
    /// checklist says) run on it, then the compare-and-set on the step, the answer and the
    /// decision written. When `decide` refuses, nothing is written and its refusal is returned.
    pub async fn answer_in_one_transaction<E>(
        &self,
        id: WalkthroughId,
        interaction_id: Option<&str>,
        decide: impl FnOnce(&WalkthroughRecord) -> Result<Planned, E>,
    ) -> Result<Folded<E>, StoreError> {
        let _turn = self.write_turn().await;
        let mut connection = self.pool.acquire().await?;
        let folded = fold_on(&mut connection, id, interaction_id, decide).await;
        if folded.is_err() {
            // See `record_answer`: a connection whose transaction SQLite ended by itself is
            // replaced rather than reused.
            connection.close_on_drop();
        }
        folded
    }

    /// The open walkthrough running in a Discord thread, if any.
    pub async fn open_walkthrough_in_thread(
        &self,
        thread_id: RoomId,
    ) -> Result<Option<WalkthroughRecord>, StoreError> {
        let id: Option<(WalkthroughId,)> = sqlx::query_as(
            "SELECT id FROM walkthroughs WHERE thread_id = $1 AND status = 'open' \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(id_to_db(Some(thread_id))?)
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some((id,)) => Ok(Some(self.walkthrough(id).await?)),
            None => Ok(None),
        }
    }

    /// The open walkthrough whose questions are in `channel_id`: the one running in this
    /// thread, or, in a channel, the newest one that has no thread of its own (the bot could
    /// not open one, or stopped before it did).
    pub async fn open_walkthrough_at(
        &self,
        channel_id: RoomId,
    ) -> Result<Option<WalkthroughRecord>, StoreError> {
        let channel = id_to_db(Some(channel_id))?;
        let id: Option<(WalkthroughId,)> = sqlx::query_as(
            "SELECT id FROM walkthroughs WHERE status = 'open' \
             AND (thread_id = $1 OR (thread_id IS NULL AND channel_id = $2)) \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(channel)
        .bind(channel)
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some((id,)) => Ok(Some(self.walkthrough(id).await?)),
            None => Ok(None),
        }
    }

    /// Records an answer (or a step back) and the step it leads to, plus the decision when
    /// the walkthrough finishes, all in one transaction.
    pub async fn record_answer(&self, write: &AnswerWrite<'_>) -> Result<Recorded, StoreError> {
        let _turn = self.write_turn().await;
        let mut connection = self.pool.acquire().await?;
        let recorded = record_answer_on(&mut connection, write).await;
        if recorded.is_err() {
            // After SQLITE_FULL or an I/O error SQLite may already have rolled the transaction
            // back by itself; sqlx still counts it as open (its ROLLBACK then fails) and would
            // refuse every later BEGIN on this connection. A fresh connection replaces it.
            connection.close_on_drop();
        }
        recorded
    }

    /// Whether an answer carried by this Discord interaction is already recorded.
    pub async fn interaction_recorded(&self, interaction_id: &str) -> Result<bool, StoreError> {
        let seen: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM answers WHERE interaction_id = $1")
                .bind(interaction_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(seen.is_some())
    }

    /// Closes an open walkthrough (abandoned, cancelled or dismissed). Returns `false` when
    /// it was not open any more, in which case nothing changed.
    pub async fn close_walkthrough(
        &self,
        id: WalkthroughId,
        status: Status,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        debug_assert!(matches!(
            status,
            Status::Abandoned | Status::Cancelled | Status::Dismissed
        ));
        let now = format_time(now);
        let _turn = self.write_turn().await;
        let done = sqlx::query(
            "UPDATE walkthroughs SET status = $1, updated_at = $2, closed_at = $3 \
             WHERE id = $4 AND status = 'open'",
        )
        .bind(status.key())
        .bind(&now)
        .bind(&now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Remembers the Discord thread a walkthrough runs in.
    pub async fn set_thread(&self, id: WalkthroughId, thread_id: RoomId) -> Result<(), StoreError> {
        let _turn = self.write_turn().await;
        sqlx::query("UPDATE walkthroughs SET thread_id = $1 WHERE id = $2")
            .bind(id_to_db(Some(thread_id))?)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Adds a note to a walkthrough.
    pub async fn add_note(
        &self,
        walkthrough_id: WalkthroughId,
        author: &Person,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Note, StoreError> {
        let created_at = format_time(now);
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO notes (walkthrough_id, author_id, author_name, body, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(walkthrough_id)
        .bind(&author.id)
        .bind(&author.name)
        .bind(body)
        .bind(&created_at)
        .fetch_one(&self.pool)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Other(m)
                if m.contains("FOREIGN KEY") || m.contains("violates foreign key") =>
            {
                StoreError::NotFound(walkthrough_id)
            }
            other => other,
        })?;
        Ok(Note {
            id,
            author: author.clone(),
            body: body.to_string(),
            created_at: now,
        })
    }

    /// Open Discord walkthroughs with no activity since `idle_since`, the longest idle first.
    pub async fn idle_walkthroughs(
        &self,
        idle_since: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<WalkthroughRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            walkthrough_columns!(),
            " FROM walkthroughs WHERE status = 'open' AND updated_at < $1 \
             AND guild_id IS NOT NULL ORDER BY updated_at LIMIT $2"
        ))
        .bind(format_time(idle_since))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(walkthrough_from_row).collect()
    }

    /// Whether the detector started a walkthrough in `channel_id` since `channel_since`, or
    /// for `requester_id` since `user_since` (the chat cooldowns; `None` is no cooldown). Read
    /// from the store, so they survive restarts and hold across bot processes.
    pub async fn recent_chat_start(
        &self,
        channel_id: RoomId,
        requester_id: &str,
        channel_since: Option<DateTime<Utc>>,
        user_since: Option<DateTime<Utc>>,
    ) -> Result<bool, StoreError> {
        if channel_since.is_none() && user_since.is_none() {
            return Ok(false);
        }
        let hit: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM walkthroughs WHERE source = 'chat' AND \
             ((channel_id = $1 AND created_at >= $2) OR (requester_id = $3 AND created_at >= $4)) \
             UNION ALL SELECT id FROM suggestions WHERE \
             (channel_id = $1 AND created_at >= $2) OR (author_id = $3 AND created_at >= $4) \
             LIMIT 1",
        )
        .bind(id_to_db(Some(channel_id))?)
        .bind(channel_since.map(format_time))
        .bind(requester_id)
        .bind(user_since.map(format_time))
        .fetch_optional(&self.pool)
        .await?;
        Ok(hit.is_some())
    }

    /// Notes that the idle reminder was posted, so it is posted once.
    pub async fn mark_reminded(
        &self,
        id: WalkthroughId,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE walkthroughs SET reminded_at = $1 \
             WHERE id = $2 AND status = 'open' AND reminded_at IS NULL",
        )
        .bind(format_time(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

/// Loads a walkthrough with its current answers, on one connection (inside a transaction or
/// not).
async fn walkthrough_on(
    connection: &mut DbConnection,
    id: WalkthroughId,
) -> Result<WalkthroughRecord, StoreError> {
    let row = sqlx::query(concat!(
        "SELECT ",
        walkthrough_columns!(),
        " FROM walkthroughs WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *connection)
    .await?
    .ok_or(StoreError::NotFound(id))?;
    with_answers_on(connection, walkthrough_from_row(&row)?).await
}

/// Locks a walkthrough's row until the transaction ends and loads it with its current answers.
/// The row and its lock come from one statement (PostgreSQL: `FOR UPDATE` returns the newest
/// version of the row once a second writer's wait is over); the answers are read after it, so
/// they include what the writer before committed. SQLite's `BEGIN IMMEDIATE` already holds
/// the file.
async fn locked_walkthrough_on(
    tx: &mut Transaction<'_, Db>,
    id: WalkthroughId,
) -> Result<WalkthroughRecord, StoreError> {
    let row = sqlx::query(concat!(
        "SELECT ",
        walkthrough_columns!(),
        " FROM walkthroughs WHERE id = $1",
        for_update!()
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(StoreError::NotFound(id))?;
    with_answers_on(tx, walkthrough_from_row(&row)?).await
}

/// Adds the current answers to a loaded walkthrough.
async fn with_answers_on(
    connection: &mut DbConnection,
    mut record: WalkthroughRecord,
) -> Result<WalkthroughRecord, StoreError> {
    let answers: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT step, value, detail FROM answers WHERE walkthrough_id = $1 ORDER BY id",
    )
    .bind(record.id)
    .fetch_all(&mut *connection)
    .await?;
    for (step, value, detail) in answers {
        record.answers.set(answer_from_db(&step, &value, detail)?);
    }
    Ok(record)
}

/// Locks the walkthrough's row until the transaction ends (PostgreSQL: a second writer waits,
/// then reads what the first committed; SQLite's `BEGIN IMMEDIATE` already holds the file).
async fn lock_walkthrough(
    tx: &mut Transaction<'_, Db>,
    id: WalkthroughId,
) -> Result<(), StoreError> {
    sqlx::query(concat!(
        "SELECT id FROM walkthroughs WHERE id = $1",
        for_update!()
    ))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// [`Store::answer_in_one_transaction`] on one connection.
async fn fold_on<E>(
    connection: &mut DbConnection,
    id: WalkthroughId,
    interaction_id: Option<&str>,
    decide: impl FnOnce(&WalkthroughRecord) -> Result<Planned, E>,
) -> Result<Folded<E>, StoreError> {
    let mut tx = connection.begin_with(begin_write!()).await?;
    let record = locked_walkthrough_on(&mut tx, id).await?;
    if let Some(interaction) = interaction_id {
        let seen: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM answers WHERE interaction_id = $1")
                .bind(interaction)
                .fetch_optional(&mut *tx)
                .await?;
        if seen.is_some() {
            return Ok(Folded::Duplicate(Box::new(record)));
        }
    }
    let plan = match decide(&record) {
        Ok(plan) => plan,
        Err(refused) => return Ok(Folded::Refused(refused)),
    };
    let write = AnswerWrite {
        walkthrough_id: id,
        from_step: record.step,
        to: &plan.to,
        answer: plan.answer.as_ref(),
        by: &plan.by,
        interaction_id,
        decision: plan.decision.as_ref(),
        now: plan.now,
    };
    match write_answer_in(&mut tx, &write).await? {
        Recorded::Saved => {
            tx.commit().await?;
            Ok(Folded::Saved(Box::new(record), Box::new(plan)))
        }
        Recorded::Stale => Ok(Folded::Stale),
        Recorded::Duplicate => Ok(Folded::Duplicate(Box::new(record))),
    }
}

/// [`Store::record_answer`] on one connection.
async fn record_answer_on(
    connection: &mut DbConnection,
    write: &AnswerWrite<'_>,
) -> Result<Recorded, StoreError> {
    // IMMEDIATE takes the write lock up front: a deferred transaction that read first would
    // fail with SQLITE_BUSY_SNAPSHOT when another writer commits in between.
    let mut tx = connection.begin_with(begin_write!()).await?;
    lock_walkthrough(&mut tx, write.walkthrough_id).await?;
    if let Some(interaction) = write.interaction_id {
        let seen: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM answers WHERE interaction_id = $1")
                .bind(interaction)
                .fetch_optional(&mut *tx)
                .await?;
        if seen.is_some() {
            return Ok(Recorded::Duplicate);
        }
    }
    match write_answer_in(&mut tx, write).await? {
        Recorded::Saved => {
            tx.commit().await?;
            Ok(Recorded::Saved)
        }
        other => Ok(other),
    }
}

/// The writes of one answer inside an open transaction: the compare-and-set on the step, the
/// answer row, the decision. The caller commits on `Saved`.
async fn write_answer_in(
    tx: &mut Transaction<'_, Db>,
    write: &AnswerWrite<'_>,
) -> Result<Recorded, StoreError> {
    let now = format_time(write.now);
    let finished = write.to.step == Step::Done;
    let moved = sqlx::query(
        "UPDATE walkthroughs SET current_step = $1, updated_at = $2, \
         status = CASE WHEN $3 THEN 'decided' ELSE status END, \
         closed_at = CASE WHEN $4 THEN $5 ELSE closed_at END \
         WHERE id = $6 AND current_step = $7 AND status = 'open'",
    )
    .bind(write.to.step.key())
    .bind(&now)
    .bind(finished)
    .bind(finished)
    .bind(&now)
    .bind(write.walkthrough_id)
    .bind(write.from_step.key())
    .execute(&mut **tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Ok(Recorded::Stale);
    }
    if let Some(answer) = write.answer {
        let (value, detail) = answer_to_db(answer);
        sqlx::query(
            "INSERT INTO answers (walkthrough_id, step, value, detail, answered_by_id, \
             answered_by_name, answered_at, interaction_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(write.walkthrough_id)
        .bind(answer.step().key())
        .bind(value)
        .bind(detail)
        .bind(&write.by.id)
        .bind(&write.by.name)
        .bind(&now)
        .bind(write.interaction_id)
        .execute(&mut **tx)
        .await?;
    }
    if let Some(decision) = write.decision {
        insert_decision(tx, write.walkthrough_id, decision).await?;
    }
    Ok(Recorded::Saved)
}

async fn insert_decision(
    tx: &mut Transaction<'_, Db>,
    walkthrough_id: WalkthroughId,
    d: &DecisionRecord,
) -> Result<(), StoreError> {
    let json = |v: &Vec<String>| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    let guild: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT guild_id FROM walkthroughs WHERE id = $1")
            .bind(walkthrough_id)
            .fetch_optional(&mut **tx)
            .await?;
    sqlx::query(
        "INSERT INTO decisions (walkthrough_id, guild_id, verdict, goal, goal_detail, g1, g2, \
         g3, g4, drivers, summary, reasons, next_steps, checklist_version, decided_at, \
         decided_month) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(walkthrough_id)
    .bind(guild.and_then(|g| g.0))
    .bind(d.verdict.key())
    .bind(d.goal.key())
    .bind(&d.goal_detail)
    .bind(d.gates[0].key())
    .bind(d.gates[1].key())
    .bind(d.gates[2].key())
    .bind(d.gates[3].key())
    .bind(model::driver_keys(&d.drivers))
    .bind(&d.summary)
    .bind(json(&d.reasons))
    .bind(json(&d.next_steps))
    .bind(&d.checklist_version)
    .bind(format_time(d.decided_at))
    .bind(d.decided_at.format("%Y-%m").to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// How an answer is stored: (value, detail).
fn answer_to_db(answer: &Answer) -> (String, Option<String>) {
    match answer {
        Answer::Goal(choice) => (choice.goal.key().to_string(), choice.detail.clone()),
        Answer::Gate(_, a) => (a.key().to_string(), None),
        Answer::Drivers(set) if set.is_empty() => ("none".to_string(), None),
        Answer::Drivers(set) => (model::driver_keys(set), None),
    }
}

fn answer_from_db(step: &str, value: &str, detail: Option<String>) -> Result<Answer, StoreError> {
    let bad = || StoreError::BadData(format!("answer {value:?} to step {step:?}"));
    match Step::from_key(step).ok_or_else(bad)? {
        Step::Goal => Ok(Answer::Goal(GoalChoice {
            goal: Goal::from_key(value).ok_or_else(bad)?,
            detail,
        })),
        Step::Gate(gate) => Ok(Answer::Gate(
            gate,
            GateAnswer::from_key(value).ok_or_else(bad)?,
        )),
        Step::Drivers => Ok(Answer::Drivers(
            model::parse_driver_keys(value).ok_or_else(bad)?,
        )),
        Step::Done => Err(bad()),
    }
}

pub(super) fn walkthrough_from_row(row: &DbRow) -> Result<WalkthroughRecord, StoreError> {
    let time = |name: &str| -> Result<DateTime<Utc>, StoreError> {
        parse_time(&row.try_get::<String, _>(name)?)
    };
    let optional_time = |name: &str| -> Result<Option<DateTime<Utc>>, StoreError> {
        row.try_get::<Option<String>, _>(name)?
            .map(|t| parse_time(&t))
            .transpose()
    };
    let step: String = row.try_get("current_step")?;
    Ok(WalkthroughRecord {
        id: row.try_get("id")?,
        source: Source::from_db(&row.try_get::<String, _>("source")?)?,
        status: Status::from_db(&row.try_get::<String, _>("status")?)?,
        step: Step::from_key(&step).ok_or_else(|| StoreError::BadData(format!("step {step:?}")))?,
        place: Place {
            server: id_from_db(row.try_get("guild_id")?),
            channel: id_from_db(row.try_get("channel_id")?),
            thread: id_from_db(row.try_get("thread_id")?),
            message: id_from_db(row.try_get("message_id")?),
        },
        requester: Person::new(
            row.try_get::<String, _>("requester_id")?,
            row.try_get::<String, _>("requester_name")?,
        ),
        trigger_text: row.try_get("trigger_text")?,
        checklist_version: row.try_get("checklist_version")?,
        revisit_of: row.try_get("revisit_of")?,
        created_at: time("created_at")?,
        updated_at: time("updated_at")?,
        reminded_at: optional_time("reminded_at")?,
        closed_at: optional_time("closed_at")?,
        lang: row.try_get("lang")?,
        answers: Answers::default(),
    })
}

/// The gate answers of a stored decision row.
pub(super) fn gates_from_row(row: &DbRow) -> Result<[GateAnswer; Gate::COUNT], StoreError> {
    let mut gates = [GateAnswer::NotSure; Gate::COUNT];
    for gate in Gate::ALL {
        let value: String = row.try_get(gate.key())?;
        gates[gate.index()] = GateAnswer::from_key(&value)
            .ok_or_else(|| StoreError::BadData(format!("gate answer {value:?}")))?;
    }
    Ok(gates)
}
