//! Decides, for one fine-tuning term, whether its clause proposes it.
//!
//! The checks run in this order, and the first that fires names the verdict:
//! 1. trouble: the sentence asks for help with an error ("OOM when fine-tuning");
//! 2. negated: a negation precedes the term in its clause ("no need to fine-tune"), unless it
//!    is a rhetorical question ("why don't we fine-tune", "sollten wir nicht ...?");
//!    Or it is a topic, not a plan ("someone asked if we could", "learn how fine-tuning works").
//! 3. rejected: a rejection follows it ("fine-tuning is premature", "won't fix this");
//! 4. past: it reports work done ("I fine-tuned it", "the training finished yesterday");
//! 5. other sense: its object is not a model ("fine-tune the CSS", "train the new hires");
//! 6. proposal: a cue proposes it ("we should", "maybe ... would help", "can we ...?"), or it
//!    stands alone in a question ("fine-tune?"), opens an imperative ("retrain the model"), or
//!    the message asks for opinions right after it ("a LoRA on our tickets, thoughts?").
//!
//! Otherwise the message only mentions fine-tuning. Clauses end at commas, sentence ends and
//! "but"; a comma before "that"/"dass"/"que" or an infinitive ("..., zu feintunen") does not
//! end one.

use super::lexicon::Hit;
use super::normalize::{Kind, Tokens};
use super::roles::{Lang, Role};
use super::terms::{Family, Form, Term};
use super::words::{WordClass, classify};

/// Why a term does not make the message a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    Trouble,
    Negated,
    Topic,
    Rejected,
    Past,
    OtherSense,
    NoCue,
}

/// The verdict on one term, with the token span that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// `None`: the term is proposed.
    pub why: Option<Why>,
    pub start: usize,
    pub end: usize,
    pub lang: Option<Lang>,
}

/// What the rules read: the words, the phrase hits in them, and whether the message talks
/// about machine learning anywhere.
pub(crate) struct Message<'a> {
    pub tokens: &'a Tokens,
    pub hits: &'a [Hit],
    pub ml_context: bool,
}

/// Words that split a clause in two: a negation before them does not reach after them.
#[rustfmt::skip]
const CONJUNCTIONS: &[&str] = &[
    "but", "however", "though", "although", "whereas", "mais", "cependant", "aber", "sondern",
    "pero", "sino",
];

/// Words after a comma that continue the clause before it.
const SUBORDINATORS: &[&str] = &["that", "dass", "que", "whether", "ob", "si"];

/// Words that mark an infinitive whose proposal cue sits in the clause before.
const INFINITIVE_MARKERS: &[&str] = &["to", "zu", "de"];

/// Articles and pronouns that introduce the object of a verb.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "our", "my", "this", "that", "it", "them", "these", "those", "some", "le",
    "la", "les", "un", "une", "notre", "nos", "ce", "cette", "das", "die", "den", "der", "ein",
    "eine", "einen", "unser", "unsere", "el", "los", "las", "una", "nuestro", "nuestra",
    "nuestros",
];

/// Nouns a term can qualify without being proposed: "fine-tuning results", "LoRA config".
#[rustfmt::skip]
const MENTION_HEADS: &[&str] = &[
    "results", "result", "logs", "log", "metrics", "loss", "curves", "numbers", "report", "costs",
    "cost", "budget", "docs", "paper", "papers", "article", "talk", "workshop", "course",
    "tutorial", "guide", "script", "code", "config", "api", "bill", "invoice", "resultats",
    "ergebnisse", "resultados", "kosten", "couts", "costes",
    "rank", "alpha", "dropout", "layers", "weights", "merge", "hyperparameters", "parameters",
];

/// Indefinite articles: "a fine-tuned model" is one we could have.
#[rustfmt::skip]
const INDEFINITE: &[&str] = &["a", "an", "un", "une", "ein", "eine", "einen", "einem", "una"];

/// Definite articles and possessives: "the fine-tuned model" is one we have.
#[rustfmt::skip]
const DEFINITE: &[&str] = &[
    "the", "our", "their", "this", "that", "these", "those", "your", "my", "le", "la", "les",
    "notre", "nos", "ce", "cette", "das", "der", "die", "den", "dem", "unser", "unsere",
    "unseren", "el", "los", "las", "nuestro", "nuestra",
];

/// Definite articles: a term right after one is a noun phrase.
const ARTICLES: &[&str] = &["the", "le", "la", "el", "das", "der", "die"];

/// Words that may stand next to a term in a one-word question ("so... fine-tune?").
#[rustfmt::skip]
const BARE_FILLERS: &[&str] = &[
    "so", "ok", "okay", "then", "hmm", "um", "well", "just", "or", "maybe", "alors", "donc", "bon",
    "on", "nous", "we", "also", "dann", "pues", "entonces", "y",
];

/// Words that may open an answer before its "no".
#[rustfmt::skip]
const ANSWER_FILLERS: &[&str] = &[
    "lol", "haha", "hmm", "well", "honestly", "tbh", "mdr", "ehrlich",
];

/// Words that may precede an imperative ("ok, just fine-tune it").
#[rustfmt::skip]
const IMPERATIVE_FILLERS: &[&str] = &[
    "just", "ok", "okay", "so", "then", "pls", "please", "and", "now",
];

/// Words that start an alternative to the term, ending its object.
const ALTERNATIVES: &[&str] = &["or", "o", "ou", "oder", "vs", "versus", "instead", "rather"];

/// Words that mark a LoRA radio rather than a LoRA adapter.
#[rustfmt::skip]
const RADIO_WORDS: &[&str] = &[
    "lorawan", "gateway", "gateways", "sensor", "sensors", "radio", "antenna", "mesh", "node",
    "nodes", "capteur", "capteurs", "sensoren", "sensores", "iot",
];

/// A proposal cue found for a term: token span and language.
#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    lang: Option<Lang>,
    /// The cue comes before the term (a post cue like "... would help" is weaker).
    before: bool,
}

struct Scope {
    clause: (usize, usize),
    sentence: (usize, usize),
    question: bool,
}

/// Judges one term of the message.
pub(crate) fn judge(msg: &Message, term: &Term) -> Verdict {
    let scope = scope_of(msg.tokens, term);
    let (cs, ce) = scope.clause;
    let cue = find_cue(msg, term, &scope);
    let ignored = |why, start: usize, end: usize, lang| Verdict {
        why: Some(why),
        start: start.min(term.start),
        end: end.max(term.end),
        lang,
    };

    if let Some(h) = trouble(msg, cs, ce) {
        return ignored(Why::Trouble, h.0, h.1, h.2);
    }
    let (ss, se) = scope.sentence;
    if cue.is_none()
        && let Some(h) = trouble(msg, ss, se)
    {
        return ignored(Why::Trouble, h.0, h.1, h.2);
    }
    let rhetorical = msg.hits.iter().any(|h| {
        h.start >= cs
            && h.start <= term.start
            && (h.role == Role::Rhetorical
                || (h.role == Role::RhetoricalQuestion && scope.question))
    });
    let negations = [Role::Negation, Role::NegationBefore];
    if !rhetorical && let Some(h) = hits_between(msg, cs, term.start, &negations).next() {
        return ignored(Why::Negated, h.start, h.end, Some(h.lang));
    }
    if let Some(h) = hits_between(msg, cs, term.start, &[Role::Topic]).next() {
        return ignored(Why::Topic, h.start, h.end, Some(h.lang));
    }
    if let Some(h) = hits_between(msg, term.end, ce, &[Role::Rejection]).next() {
        return ignored(Why::Rejected, h.start, h.end, Some(h.lang));
    }
    let cue_before = cue.is_some_and(|c| c.before);
    // A negation after the term negates it when nothing before proposes it ("fine-tuning
    // won't fix this"), or when the term is a noun with an article, the subject of what is
    // negated ("creo que el fine-tuning no es necesario").
    let with_article = term.start > 0 && ARTICLES.contains(&msg.tokens.word(term.start - 1));
    if (!cue_before || with_article)
        && !rhetorical
        && let Some(h) = hits_between(msg, term.end, ce, &[Role::Negation]).next()
    {
        return ignored(Why::Rejected, h.start, h.end, Some(h.lang));
    }
    if let Some(h) = rejected_answer(msg, term, &scope) {
        return ignored(Why::Rejected, h.start, h.end, Some(h.lang));
    }
    if let Some(v) = past(msg, term, cs, ce, cue_before) {
        return ignored(Why::Past, v.0, v.1, v.2);
    }
    let object_from = cue
        .filter(|c| c.before && c.end <= term.start)
        .map_or(cs, |c| c.end.max(cs));
    if let Some((start, end)) = other_sense(msg, term, object_from, ce) {
        return ignored(Why::OtherSense, start, end, term.lang);
    }
    // "the fine-tuning results", "a fine-tuning workshop": the clause is about something else.
    if MENTION_HEADS.contains(&msg.tokens.word(term.end)) {
        return ignored(Why::NoCue, term.start, term.end + 1, term.lang);
    }
    match cue {
        Some(c) => Verdict {
            why: None,
            start: c.start.min(term.start),
            end: c.end.max(term.end),
            lang: c.lang.or(term.lang),
        },
        None => ignored(Why::NoCue, term.start, term.end, term.lang),
    }
}

fn is_break(tokens: &Tokens, i: usize) -> bool {
    tokens.toks.get(i).is_some_and(|t| t.kind != Kind::Word)
}

fn scope_of(tokens: &Tokens, term: &Term) -> Scope {
    // "..., das Modell zu feintunen" and "..., das Modell feinzutunen" are infinitives.
    let infinitive = (term.start > 0 && INFINITIVE_MARKERS.contains(&tokens.word(term.start - 1)))
        || tokens.word(term.start).contains("zutun");
    // Clause start: walk back to a boundary that really ends the clause.
    let mut cs = term.start;
    while cs > 0 {
        let k = cs - 1;
        let t = &tokens.toks[k];
        if t.kind == Kind::Word {
            if CONJUNCTIONS.contains(&tokens.word(k)) {
                break;
            }
            cs = k;
            continue;
        }
        let continues = t.kind == Kind::Clause
            && (SUBORDINATORS.contains(&tokens.word(k + 1)) || (infinitive && k + 1 == cs));
        if !continues {
            break;
        }
        cs = k;
    }
    let mut ce = term.end;
    while ce < tokens.len() && !is_break(tokens, ce) && !CONJUNCTIONS.contains(&tokens.word(ce)) {
        ce += 1;
    }
    let mut ss = term.start;
    while ss > 0 && !matches!(tokens.toks[ss - 1].kind, Kind::Sentence | Kind::Question) {
        ss -= 1;
    }
    let mut se = term.end;
    while se < tokens.len() && !matches!(tokens.toks[se].kind, Kind::Sentence | Kind::Question) {
        se += 1;
    }
    let question = tokens
        .toks
        .get(se)
        .is_some_and(|t| t.kind == Kind::Question);
    Scope {
        clause: (cs, ce),
        sentence: (ss, se),
        question,
    }
}

/// Hits of `roles` lying entirely within tokens `from..to`, in order.
fn hits_between<'m>(
    msg: &'m Message,
    from: usize,
    to: usize,
    roles: &'m [Role],
) -> impl Iterator<Item = &'m Hit> + 'm {
    msg.hits
        .iter()
        .filter(move |h| h.start >= from && h.end <= to && roles.contains(&h.role))
}

/// A trouble phrase, or a word like "KeyError", in tokens `from..to`.
fn trouble(msg: &Message, from: usize, to: usize) -> Option<(usize, usize, Option<Lang>)> {
    if let Some(h) = hits_between(msg, from, to, &[Role::Trouble]).next() {
        return Some((h.start, h.end, Some(h.lang)));
    }
    (from..to)
        .find(|&i| {
            let w = msg.tokens.word(i);
            w.len() > 5 && (w.ends_with("error") || w.ends_with("exception"))
        })
        .map(|i| (i, i + 1, None))
}

fn find_cue(msg: &Message, term: &Term, scope: &Scope) -> Option<Cue> {
    let (cs, ce) = scope.clause;
    let tokens = msg.tokens;
    let cue = |h: &Hit, before| Cue {
        start: h.start,
        end: h.end,
        lang: Some(h.lang),
        before,
    };
    // Before the term (nearest first); a cue may be the term itself ("entrenemos").
    let before = msg
        .hits
        .iter()
        .filter(|h| h.start >= cs && h.start <= term.start && h.end <= ce.max(term.end))
        .filter(|h| term.start.saturating_sub(h.end) <= 12)
        .rfind(|h| match h.role {
            Role::Proposal | Role::ProposalBefore | Role::Rhetorical => true,
            Role::RhetoricalQuestion => scope.question,
            Role::QuestionLead => {
                scope.question
                    && h.end <= term.start
                    && (h.end..term.start).all(|i| classify(tokens.word(i)) == WordClass::Function)
            }
            _ => false,
        });
    if let Some(h) = before {
        return Some(cue(h, true));
    }
    let after = hits_between(msg, term.end, ce, &[Role::Proposal, Role::ProposalAfter])
        .find(|h| h.start - term.end <= 10);
    if let Some(h) = after {
        return Some(cue(h, false));
    }
    // "..., thoughts?" in the same sentence, or "Thoughts?" opening the next one.
    let (_, se) = scope.sentence;
    let solicit = msg.hits.iter().find(|h| {
        h.role == Role::Solicit && h.start >= term.end && (h.end <= se || h.start == se + 1)
    });
    if let Some(h) = solicit {
        return Some(cue(h, false));
    }
    let (ss, se) = scope.sentence;
    let bare = scope.question
        && (ss..se)
            .filter(|&i| (i < term.start || i >= term.end) && tokens.is_word(i))
            .all(|i| BARE_FILLERS.contains(&tokens.word(i)));
    let opens_clause = (cs..term.start).all(|i| IMPERATIVE_FILLERS.contains(&tokens.word(i)));
    let imperative = term.form == Form::Base
        && term.family != Family::Adapter
        && opens_clause
        && tokens.is_word(term.end)
        && (DETERMINERS.contains(&tokens.word(term.end))
            || classify(tokens.word(term.end)) == WordClass::Model);
    (bare || imperative).then_some(Cue {
        start: term.start,
        end: term.end,
        lang: term.lang,
        before: true,
    })
}

/// "Fine-tuning? Nah, not yet": a one-word question answered no in the next sentence.
fn rejected_answer<'m>(msg: &'m Message, term: &Term, scope: &Scope) -> Option<&'m Hit> {
    let (ss, se) = scope.sentence;
    let bare = scope.question
        && (ss..se)
            .filter(|&i| (i < term.start || i >= term.end) && msg.tokens.is_word(i))
            .all(|i| BARE_FILLERS.contains(&msg.tokens.word(i)));
    if !bare {
        return None;
    }
    // The answer may open with a filler or two: "Fine-tuning? Lol, no."
    msg.hits.iter().find(|h| {
        h.start > se
            && h.start <= se + 3
            && (se + 1..h.start)
                .all(|i| !msg.tokens.is_word(i) || ANSWER_FILLERS.contains(&msg.tokens.word(i)))
            && matches!(
                h.role,
                Role::Negation | Role::NegationBefore | Role::Rejection
            )
    })
}

/// A past form that is not hypothetical or adjectival, or a past marker when nothing before
/// the term proposes it.
fn past(
    msg: &Message,
    term: &Term,
    cs: usize,
    ce: usize,
    cue_before: bool,
) -> Option<(usize, usize, Option<Lang>)> {
    let tokens = msg.tokens;
    let next_is_model = classify(tokens.word(term.end)) == WordClass::Model;
    let previous_is_model =
        term.start > 0 && classify(tokens.word(term.start - 1)) == WordClass::Model;
    let adjectival = term.form == Form::Past && (next_is_model || previous_is_model);
    // "a fine-tuned model would nail this" imagines one; "the fine-tuned model is overfit" and
    // a bare "fine-tuned models should be versioned" talk about existing ones.
    let noun_phrase_start = if previous_is_model {
        term.start - 1
    } else {
        term.start
    };
    let det = noun_phrase_start
        .checked_sub(1)
        .map_or("", |i| tokens.word(i));
    let imagined = INDEFINITE.contains(&det) || (cue_before && !DEFINITE.contains(&det));
    let verbal_past =
        matches!(term.form, Form::Past | Form::Imperfect) && !(adjectival && imagined);
    if verbal_past
        && hits_between(msg, cs, term.start, &[Role::Hypothetical])
            .next()
            .is_none()
    {
        return Some((term.start, term.end, term.lang));
    }
    if cue_before {
        return None;
    }
    hits_between(msg, cs, ce, &[Role::Past])
        .next()
        .map(|h| (h.start, h.end, Some(h.lang)))
}

/// Whether the thing tuned or trained is something other than a model; returns the span that
/// shows it. Looks after the term first, then back to the cue (German puts the object first:
/// "wir sollten das CSS feintunen").
fn other_sense(msg: &Message, term: &Term, from: usize, ce: usize) -> Option<(usize, usize)> {
    let tokens = msg.tokens;
    let covered = |i: usize| msg.hits.iter().any(|h| h.start <= i && i < h.end);
    // The object ends where an alternative starts: "fine-tuning or a better prompt?".
    let object_end = (term.end..ce.min(term.end + 7))
        .find(|&i| ALTERNATIVES.contains(&tokens.word(i)))
        .unwrap_or(ce.min(term.end + 7));
    let after = (term.end..object_end).filter(|&i| tokens.is_word(i));
    let before = (from..term.start)
        .rev()
        .take(5)
        .filter(|&i| tokens.is_word(i));
    let region: Vec<usize> = after.chain(before).filter(|&i| !covered(i)).collect();
    let in_clause = |f: &dyn Fn(&str) -> bool| {
        (from.min(term.start)..ce).any(|i| (i < term.start || i >= term.end) && f(tokens.word(i)))
    };

    if term.family == Family::Adapter {
        let word = tokens.word(term.start);
        if matches!(word, "lora" | "qlora" | "peft") {
            let radio = in_clause(&|w| RADIO_WORDS.contains(&w));
            return radio.then_some((term.start, term.end));
        }
        let ml = in_clause(&|w| matches!(classify(w), WordClass::Model | WordClass::Data));
        return (!ml).then_some((term.start, term.end));
    }

    for &i in &region {
        match classify(tokens.word(i)) {
            WordClass::Model | WordClass::Data => return None,
            WordClass::Other => return Some((i, i + 1)),
            WordClass::Person if term.strict || term.family == Family::Train => {
                return Some((i, i + 1));
            }
            _ => {}
        }
    }
    if term.strict {
        return Some((term.start, term.end));
    }
    // "let's fine-tune the onboarding flow": an object we do not know, in a message that says
    // nothing about models, is not a model.
    let unknown_object = term.form == Form::Base
        && !matches!(tokens.word(term.end), "it" | "them" | "this" | "that")
        && DETERMINERS.contains(&tokens.word(term.end))
        && tokens.is_word(term.end + 1)
        && !covered(term.end + 1)
        && classify(tokens.word(term.end + 1)) == WordClass::Unknown;
    (unknown_object && !msg.ml_context).then_some((term.start, term.end + 2))
}
