//! Serenity's ids to the app's platform ids and back: Discord calls a server a guild and a
//! thread a channel; the app names places the same way for every platform.

use serenity::all::{ChannelId, GuildId, MessageId};

use crate::app::{PostId, RoomId, ServerId};

impl From<GuildId> for ServerId {
    fn from(id: GuildId) -> ServerId {
        ServerId(id.get())
    }
}

impl From<ChannelId> for RoomId {
    fn from(id: ChannelId) -> RoomId {
        RoomId(id.get())
    }
}

impl From<MessageId> for PostId {
    fn from(id: MessageId) -> PostId {
        PostId(id.get())
    }
}

impl From<RoomId> for ChannelId {
    fn from(id: RoomId) -> ChannelId {
        ChannelId::new(id.0)
    }
}

impl From<ServerId> for GuildId {
    fn from(id: ServerId) -> GuildId {
        GuildId::new(id.0)
    }
}

impl From<PostId> for MessageId {
    fn from(id: PostId) -> MessageId {
        MessageId::new(id.0)
    }
}
