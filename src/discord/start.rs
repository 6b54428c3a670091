//! Starting a walkthrough from Discord: record it, open its thread (or fall back to the
//! channel), post the opening message with the first question.
//!
//! Chat detections, `/finetune check` and the message context menu all come through
//! [`begin`]. The walkthrough is recorded before anything is posted, so a crash in between
//! leaves an open walkthrough that `/finetune resume` can pick up, and a MESSAGE_CREATE that
//! Discord delivers twice finds the existing walkthrough instead of opening a second thread.

use serenity::all::{ChannelId, CreateMessage, MessageId, MessageReference, UserId};

use super::rest::RestError;
use super::{Bot, render};
use crate::app::words::say_in;
use crate::app::{
    AppError, Lang, Person, Place, PostId, ServerId, Source, Start, WalkthroughId,
    WalkthroughRecord,
};
use crate::checklist::Step;

/// Where a walkthrough starts.
#[derive(Debug, Clone, Copy)]
pub enum Anchor {
    /// Open a thread on this message (chat detection, context menu).
    Message(MessageId),
    /// Open a thread in the channel without a starting message (slash command).
    NewThread,
    /// Run in this channel, which is already a thread (slash command inside a thread).
    InPlace,
}

/// What [`begin`] did.
#[derive(Debug)]
pub struct Begun {
    pub record: WalkthroughRecord,
    /// `false` when the walkthrough already existed (a replayed chat message).
    pub created: bool,
    /// The channel or thread where its questions are.
    pub home: Option<ChannelId>,
    /// Set when the thread could not be opened and the channel is used instead.
    pub thread_refused: bool,
}

/// Why a walkthrough could not be started or shown.
#[derive(Debug, thiserror::Error)]
pub enum BeginError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error("Discord refused the first message ({0})")]
    Post(RestError),
}

/// Starts a walkthrough for `requester` in `channel` of `guild`, speaking `lang` (see
/// [`Lang::choose`]; stored with it for every later message).
#[allow(clippy::too_many_arguments)]
pub async fn begin(
    bot: &Bot,
    lang: Lang,
    source: Source,
    guild: ServerId,
    channel: ChannelId,
    anchor: Anchor,
    requester: (UserId, String),
    trigger_text: String,
) -> Result<Begun, BeginError> {
    begin_revisit(
        bot,
        lang,
        source,
        guild,
        channel,
        anchor,
        requester,
        trigger_text,
        None,
    )
    .await
}

/// [`begin`], for a walkthrough that revisits the decision `revisit_of` (when set).
#[allow(clippy::too_many_arguments)]
pub async fn begin_revisit(
    bot: &Bot,
    lang: Lang,
    source: Source,
    guild: ServerId,
    channel: ChannelId,
    anchor: Anchor,
    requester: (UserId, String),
    trigger_text: String,
    revisit_of: Option<WalkthroughId>,
) -> Result<Begun, BeginError> {
    let (requester_id, requester_name) = requester;
    let message_id = match anchor {
        Anchor::Message(m) => Some(PostId::from(m)),
        _ => None,
    };
    let in_place = matches!(anchor, Anchor::InPlace);
    let (record, created) = bot
        .app
        .start_in(
            Start {
                source,
                place: Place {
                    server: Some(guild),
                    channel: Some(channel.into()),
                    thread: in_place.then(|| channel.into()),
                    message: message_id,
                },
                requester: Person::new(requester_id.get().to_string(), requester_name),
                trigger_text: trigger_text.clone(),
                revisit_of,
            },
            lang,
            bot.now(),
        )
        .await?;
    if !created {
        return Ok(Begun {
            home: record.place.thread.map(ChannelId::from),
            record,
            created,
            thread_refused: false,
        });
    }
    metrics::counter!(crate::http::names::WALKTHROUGHS_STARTED, "source" => source.key())
        .increment(1);
    // A replayed chat message keeps the language its walkthrough was started in.
    let lang = record.language();
    let name = render::thread_name(lang, &trigger_text, record.id);
    let thread = match anchor {
        Anchor::InPlace => Ok(channel),
        Anchor::Message(m) => bot
            .rest
            .thread_on_message(channel, m, &name)
            .await
            .map(|t| t.id),
        Anchor::NewThread => bot
            .rest
            .thread_in_channel(channel, &name)
            .await
            .map(|t| t.id),
    };
    let (home, thread_refused) = match thread {
        Ok(thread) => {
            if !in_place {
                bot.app.set_thread(record.id, thread.into()).await?;
            }
            (thread, false)
        }
        Err(e) => {
            tracing::warn!(
                walkthrough_id = %record.id,
                error = %e,
                "could not open a thread; continuing in the channel"
            );
            (channel, true)
        }
    };
    let content = bot.app.content_in(lang);
    let mut opening = render::opening(lang, content, requester_id, &trigger_text);
    if thread_refused {
        opening.push_str("\n\n");
        opening.push_str(&say_in(lang, "no-thread-notice", &[]));
    }
    let (text, rows) = render::question(lang, content, record.id, Step::Goal, Some(opening));
    let mut message = CreateMessage::new()
        .content(text)
        .components(rows)
        .allowed_mentions(render::only_user(requester_id));
    if let (true, Anchor::Message(m)) = (thread_refused, anchor) {
        message = message.reference_message(MessageReference::from((channel, m)));
    }
    bot.rest
        .post_message(home, &message)
        .await
        .map_err(BeginError::Post)?;
    tracing::info!(
        walkthrough_id = %record.id,
        guild_id = %guild,
        source = source.key(),
        lang = lang.code(),
        "walkthrough started"
    );
    Ok(Begun {
        record,
        created,
        home: Some(home),
        thread_refused,
    })
}
