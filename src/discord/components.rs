//! A click (button, select) or a modal submission, from the gateway event and back: decode
//! the custom id and the input, call `app.answer` (which checks the click belongs here and the
//! person may answer, decides and records), then answer Discord.
//!
//! The answer is recorded before Discord is told anything, and Discord is answered within its
//! 3 seconds by editing the clicked message (the question shows its answer and loses its
//! buttons). The next question or the verdict is then posted as a new message.

use std::time::Duration;

use serenity::all::{
    ActionRowComponent, ChannelId, ComponentInteraction, ComponentInteractionDataKind, Context,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    CreateMessage, EditInteractionResponse, ModalInteraction, UserId,
};

use super::custom_id::{Action, ComponentId};
use super::reply::{ephemeral, person_lang, words_in};
use super::{Bot, access, render};
use crate::app::words::say_in;
use crate::app::{Actor, Advanced, Click, Here, Lang, ServerId, WalkthroughId};
use crate::checklist::{Answer, Driver, DriverSet, Goal, GoalChoice, Input, Step};

/// Who clicked, where, in the application's terms.
struct Clicker {
    user: UserId,
    actor: Actor,
    here: Here,
    interaction_id: String,
    /// The clicker's language, for what only they see.
    lang: Lang,
}

/// Handles a button or select click.
pub async fn on_component(ctx: &Context, bot: &Bot, ci: &ComponentInteraction) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = ci.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer an interaction");
        }
    };
    let lang = person_lang(&ci.locale, ci.guild_locale.as_deref());
    let say = |key: &str| say_in(lang, key, &[]);
    let Some(id) = ComponentId::decode(&ci.data.custom_id) else {
        respond(ephemeral(say("unknown-button"))).await;
        return;
    };
    let who = Clicker {
        user: ci.user.id,
        actor: access::actor(&ci.user, access::roles_of(ci.member.as_ref())),
        here: Here {
            server: ci.guild_id.map(ServerId::from),
            room: ci.channel_id.into(),
        },
        interaction_id: ci.id.get().to_string(),
        lang,
    };
    let walkthrough_id = id.walkthrough_id;
    // A form opens only for someone who may fill it in.
    let authorized = || bot.app.authorize(walkthrough_id, &who.actor, who.here);
    let input = match (id.action, &ci.data.kind) {
        (Action::AddNote, _) => {
            if let Err(e) = authorized().await {
                return respond(ephemeral(words_in(lang, &e))).await;
            }
            let modal =
                CreateInteractionResponse::Modal(render::note_modal(lang, walkthrough_id, id.step));
            return respond(modal).await;
        }
        (Action::Dismiss, _) => return dismiss(ctx, bot, ci, walkthrough_id, &who).await,
        (Action::PickGoal, ComponentInteractionDataKind::StringSelect { values }) => {
            match values.first().and_then(|v| Goal::from_key(v)) {
                Some(Goal::Other) => {
                    if let Err(e) = authorized().await {
                        return respond(ephemeral(words_in(lang, &e))).await;
                    }
                    let modal = render::describe_goal_modal(lang, walkthrough_id);
                    return respond(CreateInteractionResponse::Modal(modal)).await;
                }
                Some(goal) => Input::Answer(Answer::Goal(GoalChoice { goal, detail: None })),
                None => return respond(ephemeral(say("pick-listed-goal"))).await,
            }
        }
        (Action::Gate(answer), _) => match id.step {
            Step::Gate(gate) => Input::Answer(Answer::Gate(gate, answer)),
            _ => return respond(ephemeral(say("button-out-of-date"))).await,
        },
        (Action::PickDrivers, ComponentInteractionDataKind::StringSelect { values }) => {
            let set: Option<DriverSet> = values.iter().map(|v| Driver::from_key(v)).collect();
            match set {
                Some(set) => Input::Answer(Answer::Drivers(set)),
                None => return respond(ephemeral(say("pick-listed-drivers"))).await,
            }
        }
        (Action::NoDrivers, _) => Input::Answer(Answer::Drivers(DriverSet::new())),
        (Action::Back, _) => Input::Back,
        _ => return respond(ephemeral(say("control-out-of-date"))).await,
    };
    answer_click(
        ctx,
        bot,
        Clicked::Component(ci),
        walkthrough_id,
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
    walkthrough_id: WalkthroughId,
    at: Step,
    input: Input,
    who: &Clicker,
) {
    let received = std::time::Instant::now();
    let work = advance(bot, walkthrough_id, at, input, who);
    tokio::pin!(work);
    let (outcome, deferred) = tokio::select! {
        outcome = &mut work => (outcome, false),
        () = tokio::time::sleep(DEFER_AFTER) => {
            tracing::warn!(%walkthrough_id, "slow database: acknowledging first");
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
            if !post_follow_up(bot, clicked.channel(), walkthrough_id, follow_up).await {
                clicked.tell(ctx, &say_in(who.lang, "lost-post", &[])).await;
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

/// Handles a modal submission (goal description or note).
pub async fn on_modal(ctx: &Context, bot: &Bot, mi: &ModalInteraction) {
    let respond = |response: CreateInteractionResponse| async move {
        if let Err(e) = mi.create_response(&ctx.http, response).await {
            tracing::warn!(interaction_id = %mi.id, error = %e, "could not answer a modal");
        }
    };
    let lang = person_lang(&mi.locale, mi.guild_locale.as_deref());
    let Some(id) = ComponentId::decode(&mi.data.custom_id) else {
        return respond(ephemeral(say_in(lang, "unknown-form", &[]))).await;
    };
    let who = Clicker {
        user: mi.user.id,
        actor: access::actor(&mi.user, access::roles_of(mi.member.as_ref())),
        here: Here {
            server: mi.guild_id.map(ServerId::from),
            room: mi.channel_id.into(),
        },
        interaction_id: mi.id.get().to_string(),
        lang,
    };
    let walkthrough_id = id.walkthrough_id;
    let text = first_text_input(mi).unwrap_or_default();
    match id.action {
        Action::SubmitNote => {
            let saved = bot
                .app
                .note_from(walkthrough_id, &who.actor, who.here, &text, bot.now())
                .await;
            let reply = match saved {
                Ok(_) => say_in(lang, "note-saved", &[("id", &walkthrough_id.to_string())]),
                Err(e) => words_in(lang, &e),
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
                walkthrough_id,
                Step::Goal,
                input,
                &who,
            )
            .await;
        }
        _ => respond(ephemeral(say_in(lang, "form-out-of-date", &[]))).await,
    }
}

pub(super) fn first_text_input(mi: &ModalInteraction) -> Option<String> {
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
    Question(Lang, Step),
    Verdict(Box<CreateMessage>),
}

/// Records the input; returns the clicked message's new text and what to post next, `None`
/// for a replayed interaction, or the sentence to show the clicker.
async fn advance(
    bot: &Bot,
    walkthrough_id: WalkthroughId,
    at: Step,
    input: Input,
    who: &Clicker,
) -> Result<Option<(String, FollowUp)>, String> {
    // The clicked question is edited in the walkthrough's language, once it is known.
    let edited = |lang: Lang, input: &Input| {
        let content = bot.app.content_in(lang);
        match input {
            Input::Answer(answer) => {
                let answer_text = match answer {
                    Answer::Goal(g) => render::goal_words(content, g.goal, g.detail.as_deref()),
                    Answer::Gate(_, a) => content.answer_label(*a).to_string(),
                    Answer::Drivers(set) => render::driver_words(
                        lang,
                        content,
                        &set.iter().copied().collect::<Vec<_>>(),
                    ),
                };
                render::answered(lang, content, at, &answer_text, who.user)
            }
            Input::Back => render::went_back(lang, content, at, who.user),
        }
    };
    let given = input.clone();
    let click = Click {
        walkthrough_id,
        at,
        input,
        actor: who.actor.clone(),
        here: who.here,
        interaction_id: who.interaction_id.clone(),
    };
    match bot.app.answer(click, bot.now()).await {
        Ok(Advanced::Moved { record: next, .. }) => {
            tracing::info!(%walkthrough_id, step = %next.step, "answer recorded");
            let lang = next.language();
            Ok(Some((
                edited(lang, &given),
                FollowUp::Question(lang, next.step),
            )))
        }
        Ok(Advanced::Finished { decision, record }) => {
            let lang = record.language();
            metrics::counter!(crate::http::names::DECISIONS, "verdict" => decision.verdict.key())
                .increment(1);
            tracing::info!(%walkthrough_id, verdict = %decision.verdict, "decision recorded");
            let content = bot.app.content_in(lang);
            Ok(Some((
                edited(lang, &given),
                FollowUp::Verdict(Box::new(render::verdict(lang, content, &decision))),
            )))
        }
        Ok(Advanced::Duplicate { .. }) => Ok(None),
        Err(e) => Err(words_in(who.lang, &e)),
    }
}

/// Posts the next question or the verdict; `false` when Discord refused it even after the
/// retries (the answer is already recorded, `/finetune resume` shows the question again).
async fn post_follow_up(
    bot: &Bot,
    channel: ChannelId,
    walkthrough_id: WalkthroughId,
    follow_up: FollowUp,
) -> bool {
    let message = match follow_up {
        FollowUp::Question(lang, step) => {
            let content = bot.app.content_in(lang);
            let (text, rows) = render::question(lang, content, walkthrough_id, step, None);
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
                %walkthrough_id,
                error = %e,
                "answer recorded, but the next message could not be posted"
            );
            false
        }
    }
}

/// "Not a fine-tune request": close politely, record the dismissal.
async fn dismiss(
    ctx: &Context,
    bot: &Bot,
    ci: &ComponentInteraction,
    walkthrough_id: WalkthroughId,
    who: &Clicker,
) {
    let dismissed = bot
        .app
        .dismiss(walkthrough_id, &who.actor, who.here, bot.now())
        .await;
    let response = match &dismissed {
        Ok(record) => {
            metrics::counter!(crate::http::names::DISMISSALS).increment(1);
            let by = format!("<@{}>", ci.user.id);
            CreateInteractionResponse::UpdateMessage(
                CreateInteractionResponseMessage::new()
                    .content(say_in(record.language(), "dismissed", &[("by", &by)]))
                    .components(Vec::new())
                    .allowed_mentions(render::no_mentions()),
            )
        }
        Err(e) => ephemeral(words_in(who.lang, e)),
    };
    if let Err(e) = ci.create_response(&ctx.http, response).await {
        tracing::warn!(interaction_id = %ci.id, error = %e, "could not answer a dismissal");
    }
    let Ok(record) = dismissed else {
        return;
    };
    let thread = record
        .place
        .thread
        .filter(|t| Some(*t) != record.place.channel);
    if let Some(thread) = thread
        && let Err(e) = bot.rest.archive_thread(ChannelId::from(thread)).await
    {
        tracing::warn!(%walkthrough_id, error = %e, "could not archive the thread");
    }
}
