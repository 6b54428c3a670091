//! The vocabulary of the phrase tables: the languages the detector knows phrasings for, and
//! the role a phrase plays for a fine-tuning term in its clause. Shared by the tables
//! ([`super::phrases`]) and the index that finds them ([`super::lexicon`]).

/// A language the detector knows phrasings for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
    De,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::De, Lang::Es];

    /// The code used in the configuration and in reasons: "en", "fr", "de", "es".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// What a phrase does to a fine-tuning term in the same clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Proposes, before or after the term: "should", "maybe", "would help".
    Proposal,
    /// Proposes only before the term: "let's", "why not", "how about".
    ProposalBefore,
    /// Proposes only after the term: "... is the way to go".
    ProposalAfter,
    /// Proposes in a question when the term follows it directly: "do we fine-tune?".
    QuestionLead,
    /// A negated phrase that still proposes: "why don't we". Cancels the clause's negations.
    Rhetorical,
    /// The same, only in a question: "shouldn't we ...?", "sollten wir nicht ...?".
    RhetoricalQuestion,
    /// Negates a term that follows it in the clause, or that it follows when nothing before the
    /// term proposes it: "not", "no need to"; "fine-tuning won't help".
    Negation,
    /// Negates only a term that follows it: "instead of", "rather than", "without", "before"
    /// ("fine-tune it instead of prompting" still proposes).
    NegationBefore,
    /// Makes the term a topic rather than a plan: "someone asked if we could", "learn how".
    Topic,
    /// Asks the others what they think, after the term: "..., thoughts?", "ça vous dit ?".
    Solicit,
    /// Rejects a term that precedes it in the clause: "... is premature", "... is overkill".
    Rejection,
    /// Reports work already done: "yesterday", "is live", "already".
    Past,
    /// Makes a past form hypothetical: "what if we fine-tuned".
    Hypothetical,
    /// Asks for help with a problem: "error", "OOM", "how do I".
    Trouble,
}
