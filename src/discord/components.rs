//! A click (button, select) or a modal submission, from the gateway event to the database and
//! back: decode the custom id, load the walkthrough, check the click belongs here and the
//! person may answer, let `flow` decide and record, then answer Discord.
//!
//! The answer is recorded before Discord is told anything, and Discord is answered within its
//! 3 seconds by editing the clicked message (the question shows its answer and loses its
//! buttons). The next question or the verdict is then posted as a new message.

use std::time::Duration;

use serenity::all::{
    ActionRowComponent, ChannelId, ComponentInteraction, ComponentInteractionDataKind, Context,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    CreateMessage, EditInteractionResponse, ModalInteraction, RoleId, UserId,
};

use super::custom_id::{Action, ComponentId};
use super::{Bot, access, render};
use crate::checklist::{Answer, Driver, DriverSet, Goal, GoalChoice, Input, Step, UserError};
use crate::flow::{Advanced, FlowError};
use crate::store::{Status, StoreError, WalkthroughRecord};

/// Says something only the clicker sees.
fn ephemeral(text: impl Into<String>) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(render::no_mentions()),
    )
}

/// The message shown when the database could not record something.
fn could_not_record(error: &StoreError) -> String {
    crate::http::count_database_error(error);
    format!("I could not record that: {error}. Nothing was saved; please try again.")
}

/// Where a click came from.
struct Clicker<'a> {
    user: UserId,
    name: String,
    roles: &'a [RoleId],
    guild: Option<u64>,
    channel: ChannelId,
    interaction_id: String,
}

/// Loads the walkthrough a custom id names and checks the click may touch it.
async fn authorize(
    bot: &Bot,
    id: &ComponentId,
    who: &Clicker<'_>,
) -> Result<WalkthroughRecord, String> {
    let record = match bot.flow.store.walkthrough(id.walkthrough_id).await {
        Ok(r) => r,
        Err(StoreError::NotFound(_)) => {
            return Err(
                "This checklist no longer exists. Start a new one with `/finetune check`.".into(),
            );
        }
        Err(e) => return Err(could_not_record(&e)),
    };
    let here = who.channel.get();
    // Its buttons live in its thread; only a walkthrough without one (the thread was refused,
    // or the bot stopped before opening it) runs in the channel it started in.
    let home = record.place.thread_id.or(record.place.channel_id);
    let belongs = record.place.guild_id == who.guild && home == Some(here);
    if !belongs {
        tracing::warn!(
            walkthrough_id = record.id,
            channel_id = here,
            "refused a component that names a walkthrough of another channel"
        );
        return Err("This button does not belong to a checklist in this channel.".into());
    }
    if !access::may_answer(&bot.settings.discord, &record, who.user, who.roles) {
        return Err(access::refusal(&bot.settings.discord, &record));
    }
    Ok(record)
}

/// Handles a button or select click.
pub async fn on_component(ctx: &Context, bot: &Bot, ci: &ComponentInteraction) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = ci.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer an interaction");
        }
    };
    let Some(id) = ComponentId::decode(&ci.data.custom_id) else {
        respond(ephemeral(
            "This button is not one of tunegate's current buttons. Start a new checklist with `/finetune check`.",
        ))
        .await;
        return;
    };
    let roles: &[RoleId] = ci
        .member
        .as_ref()
        .map(|m| m.roles.as_slice())
        .unwrap_or(&[]);
    let who = Clicker {
        user: ci.user.id,
        name: ci.user.name.clone(),
        roles,
        guild: ci.guild_id.map(|g| g.get()),
        channel: ci.channel_id,
        interaction_id: ci.id.get().to_string(),
    };
    let record = match authorize(bot, &id, &who).await {
        Ok(r) => r,
        Err(text) => return respond(ephemeral(text)).await,
    };
    let input = match (id.action, &ci.data.kind) {
        (Action::AddNote, _) => {
            let modal = CreateInteractionResponse::Modal(render::note_modal(record.id, id.step));
            return respond(modal).await;
        }
        (Action::Dismiss, _) => return dismiss(ctx, bot, ci, &record).await,
        (Action::PickGoal, ComponentInteractionDataKind::StringSelect { values }) => {
            match values.first().and_then(|v| Goal::from_key(v)) {
                Some(Goal::Other) => {
                    let modal = render::describe_goal_modal(record.id);
                    return respond(CreateInteractionResponse::Modal(modal)).await;
                }
                Some(goal) => Input::Answer(Answer::Goal(GoalChoice { goal, detail: None })),
                None => return respond(ephemeral("Please pick one of the listed goals.")).await,
            }
        }
        (Action::Gate(answer), _) => match id.step {
            Step::Gate(gate) => Input::Answer(Answer::Gate(gate, answer)),
            _ => return respond(ephemeral("This button is out of date.")).await,
        },
        (Action::PickDrivers, ComponentInteractionDataKind::StringSelect { values }) => {
            let set: Option<DriverSet> = values.iter().map(|v| Driver::from_key(v)).collect();
            match set {
                Some(set) => Input::Answer(Answer::Drivers(set)),
                None => return respond(ephemeral("Please pick from the listed drivers.")).await,
            }
        }
        (Action::NoDrivers, _) => Input::Answer(Answer::Drivers(DriverSet::new())),
        (Action::Back, _) => Input::Back,
        _ => return respond(ephemeral("This control is out of date.")).await,
    };
    answer_click(
        ctx,
        bot,
        Clicked::Component(ci),
        &record,
        id.step,
        input,
        &who,
    )
    .await;
}

/// After this long without the database's answer, the click is acknowledged first (Discord
/// wants an answer within 3 seconds) and the message is edited once the answer is recorded.
const DEFER_AFTER: Duration = Duration::from_secs(2);

/// A click or a form submission: both are answered the same way.
#[derive(Clone, Copy)]
enum Clicked<'a> {
    Component(&'a ComponentInteraction),
    Modal(&'a ModalInteraction),
}

impl Clicked<'_> {
    fn id(self) -> String {
        match self {
            Clicked::Component(ci) => ci.id.to_string(),
            Clicked::Modal(mi) => mi.id.to_string(),
        }
    }

    fn channel(self) -> ChannelId {
        match self {
            Clicked::Component(ci) => ci.channel_id,
            Clicked::Modal(mi) => mi.channel_id,
        }
    }

    async fn respond(self, ctx: &Context, response: CreateInteractionResponse) {
        let sent = match self {
            Clicked::Component(ci) => ci.create_response(&ctx.http, response).await,
            Clicked::Modal(mi) => mi.create_response(&ctx.http, response).await,
        };
        if let Err(e) = sent {
            tracing::warn!(interaction_id = %self.id(), error = %e, "could not answer an interaction");
        }
    }

    async fn edit(self, ctx: &Context, edit: EditInteractionResponse) {
        let sent = match self {
            Clicked::Component(ci) => ci.edit_response(&ctx.http, edit).await,
            Clicked::Modal(mi) => mi.edit_response(&ctx.http, edit).await,
        };
        if let Err(e) = sent {
            tracing::warn!(interaction_id = %self.id(), error = %e, "could not edit the answered question");
        }
    }

    async fn tell(self, ctx: &Context, text: &str) {
        let note = CreateInteractionResponseFollowup::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(render::no_mentions());
        let sent = match self {
            Clicked::Component(ci) => ci.create_followup(&ctx.http, note).await,
            Clicked::Modal(mi) => mi.create_followup(&ctx.http, note).await,
        };
        if let Err(e) = sent {
            tracing::warn!(interaction_id = %self.id(), error = %e, "could not send a follow-up");
        }
    }
}

/// Records an input and answers the click: the question edited to show its answer, then the
/// next question or the verdict posted; or a private explanation.
async fn answer_click(
    ctx: &Context,
    bot: &Bot,
    clicked: Clicked<'_>,
    record: &WalkthroughRecord,
    at: Step,
    input: Input,
    who: &Clicker<'_>,
) {
    let received = std::time::Instant::now();
    let work = advance(bot, record, at, input, who);
    tokio::pin!(work);
    let (outcome, deferred) = tokio::select! {
        outcome = &mut work => (outcome, false),
        () = tokio::time::sleep(DEFER_AFTER) => {
            tracing::warn!(walkthrough_id = record.id, "slow database: acknowledging first");
            clicked.respond(ctx, CreateInteractionResponse::Acknowledge).await;
            (work.await, true)
        }
    };
    let answered = |received: std::time::Instant| {
        metrics::histogram!(crate::http::names::INTERACTION_SECONDS)
            .record(received.elapsed().as_secs_f64());
    };
    match outcome {
        Ok(Some((edited, follow_up))) => {
            if deferred {
                let edit = EditInteractionResponse::new()
                    .content(edited)
                    .components(Vec::new())
                    .allowed_mentions(render::no_mentions());
                clicked.edit(ctx, edit).await;
            } else {
                let response = CreateInteractionResponse::UpdateMessage(
                    CreateInteractionResponseMessage::new()
                        .content(edited)
                        .components(Vec::new())
                        .allowed_mentions(render::no_mentions()),
                );
                clicked.respond(ctx, response).await;
            }
            answered(received);
            if !post_follow_up(bot, clicked.channel(), record.id, follow_up).await {
                clicked.tell(ctx, LOST_POST).await;
            }
        }
        Ok(None) if deferred => {}
        Ok(None) => {
            clicked
                .respond(ctx, CreateInteractionResponse::Acknowledge)
                .await
        }
        Err(text) if deferred => clicked.tell(ctx, &text).await,
        Err(text) => clicked.respond(ctx, ephemeral(text)).await,
    }
}

/// Told to the clicker when the answer is recorded but the next message could not be posted.
const LOST_POST: &str = "Your answer is recorded, but Discord did not let me post the next \
     message. Use `/finetune resume` in a moment to see the current question.";

/// Handles a modal submission (goal description or note).
pub async fn on_modal(ctx: &Context, bot: &Bot, mi: &ModalInteraction) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = mi.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %mi.id, error = %e, "could not answer a modal");
        }
    };
    let Some(id) = ComponentId::decode(&mi.data.custom_id) else {
        return respond(ephemeral(
            "This form is not one of tunegate's current forms.",
        ))
        .await;
    };
    let roles: &[RoleId] = mi
        .member
        .as_ref()
        .map(|m| m.roles.as_slice())
        .unwrap_or(&[]);
    let who = Clicker {
        user: mi.user.id,
        name: mi.user.name.clone(),
        roles,
        guild: mi.guild_id.map(|g| g.get()),
        channel: mi.channel_id,
        interaction_id: mi.id.get().to_string(),
    };
    let record = match authorize(bot, &id, &who).await {
        Ok(r) => r,
        Err(text) => return respond(ephemeral(text)).await,
    };
    let text = first_text_input(mi).unwrap_or_default();
    match id.action {
        Action::SubmitNote => {
            let author =
                crate::store::Person::new(mi.user.id.get().to_string(), mi.user.name.clone());
            let reply = match bot
                .flow
                .store
                .add_note(record.id, &author, &text, bot.now())
                .await
            {
                Ok(_) => format!("Your note is saved with checklist #{}.", record.id),
                Err(e) => {
                    tracing::error!(walkthrough_id = record.id, error = %e, "could not save a note");
                    could_not_record(&e)
                }
            };
            respond(ephemeral(reply)).await;
        }
        Action::DescribeGoal => {
            let input = Input::Answer(Answer::Goal(GoalChoice {
                goal: Goal::Other,
                detail: Some(text),
            }));
            answer_click(
                ctx,
                bot,
                Clicked::Modal(mi),
                &record,
                Step::Goal,
                input,
                &who,
            )
            .await;
        }
        _ => respond(ephemeral("This form is out of date.")).await,
    }
}

fn first_text_input(mi: &ModalInteraction) -> Option<String> {
    mi.data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            ActionRowComponent::InputText(input) => input.value.clone(),
            _ => None,
        })
}

/// What to post after the clicked message is updated.
enum FollowUp {
    Question(Step),
    Verdict(Box<CreateMessage>),
}

/// Records the input; returns the clicked message's new text and what to post next, `None`
/// for a replayed interaction, or the sentence to show the clicker.
async fn advance(
    bot: &Bot,
    record: &WalkthroughRecord,
    at: Step,
    input: Input,
    who: &Clicker<'_>,
) -> Result<Option<(String, FollowUp)>, String> {
    let content = &bot.flow.content;
    let answer_text = match &input {
        Input::Answer(Answer::Goal(g)) => render::goal_words(content, g.goal, g.detail.as_deref()),
        Input::Answer(Answer::Gate(_, a)) => content.answer_label(*a).to_string(),
        Input::Answer(Answer::Drivers(set)) => {
            render::driver_words(content, &set.iter().copied().collect::<Vec<_>>())
        }
        Input::Back => String::new(),
    };
    let going_back = matches!(input, Input::Back);
    let by = crate::store::Person::new(who.user.get().to_string(), who.name.clone());
    let result = bot
        .flow
        .advance(
            record.id,
            at,
            input,
            &by,
            Some(&who.interaction_id),
            bot.now(),
        )
        .await;
    let edited = if going_back {
        render::went_back(content, at, who.user)
    } else {
        render::answered(content, at, &answer_text, who.user)
    };
    match result {
        Ok(Advanced::Moved { record: next, .. }) => {
            tracing::info!(walkthrough_id = record.id, step = %next.step, "answer recorded");
            Ok(Some((edited, FollowUp::Question(next.step))))
        }
        Ok(Advanced::Finished { decision, .. }) => {
            metrics::counter!(crate::http::names::DECISIONS, "verdict" => decision.verdict.key())
                .increment(1);
            tracing::info!(walkthrough_id = record.id, verdict = %decision.verdict, "decision recorded");
            Ok(Some((
                edited,
                FollowUp::Verdict(Box::new(render::verdict(content, &decision))),
            )))
        }
        Ok(Advanced::Duplicate { .. }) => Ok(None),
        Err(FlowError::User(UserError::StaleStep { current, .. })) => Err(format!(
            "That question was already answered. The checklist is now at question {} of {}; \
             use the buttons on the latest message.",
            current.number().min(Step::QUESTIONS),
            Step::QUESTIONS
        )),
        Err(FlowError::User(e)) => Err(e.to_string()),
        Err(FlowError::Closed(status)) => Err(closed_text(status)),
        Err(FlowError::Store(e)) => {
            tracing::error!(walkthrough_id = record.id, error = %e, "could not record an answer");
            Err(could_not_record(&e))
        }
    }
}

fn closed_text(status: Status) -> String {
    match status {
        Status::Decided => "This checklist is finished; its verdict is recorded.".into(),
        other => format!(
            "This checklist is {} and takes no more answers. Start a new one with `/finetune check`.",
            other.key()
        ),
    }
}

/// Posts the next question or the verdict; `false` when Discord refused it even after the
/// retries (the answer is already recorded, `/finetune resume` shows the question again).
async fn post_follow_up(
    bot: &Bot,
    channel: ChannelId,
    walkthrough_id: i64,
    follow_up: FollowUp,
) -> bool {
    let message = match follow_up {
        FollowUp::Question(step) => {
            let (text, rows) = render::question(&bot.flow.content, walkthrough_id, step, None);
            CreateMessage::new()
                .content(text)
                .components(rows)
                .allowed_mentions(render::no_mentions())
        }
        FollowUp::Verdict(message) => *message,
    };
    match bot.rest.post_message(channel, &message).await {
        Ok(_) => true,
        Err(e) => {
            tracing::error!(
                walkthrough_id,
                error = %e,
                "answer recorded, but the next message could not be posted"
            );
            false
        }
    }
}

/// "Not a fine-tune request": close politely, record the dismissal.
async fn dismiss(ctx: &Context, bot: &Bot, ci: &ComponentInteraction, record: &WalkthroughRecord) {
    let response = match bot
        .flow
        .store
        .close_walkthrough(record.id, Status::Dismissed, bot.now())
        .await
    {
        Ok(true) => {
            metrics::counter!(crate::http::names::DISMISSALS).increment(1);
            tracing::info!(
                walkthrough_id = record.id,
                "dismissed as not a fine-tune request"
            );
            CreateInteractionResponse::UpdateMessage(
                CreateInteractionResponseMessage::new()
                    .content(format!(
                        "Closed: <@{}> marked this as not a fine-tune request. Thanks, and sorry for the noise.",
                        ci.user.id
                    ))
                    .components(Vec::new())
                    .allowed_mentions(render::no_mentions()),
            )
        }
        Ok(false) => ephemeral(closed_text(record.status)),
        Err(e) => ephemeral(could_not_record(&e)),
    };
    let closed = matches!(response, CreateInteractionResponse::UpdateMessage(_));
    if let Err(e) = ci.create_response(&ctx.http, response).await {
        tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer a dismissal");
    }
    let thread = record
        .place
        .thread_id
        .filter(|t| Some(*t) != record.place.channel_id);
    if closed
        && let Some(thread) = thread
        && let Err(e) = bot.rest.archive_thread(ChannelId::new(thread)).await
    {
        tracing::warn!(walkthrough_id = record.id, error = %e, "could not archive the thread");
    }
}
