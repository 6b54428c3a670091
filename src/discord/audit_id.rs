//! The `custom_id` codec of the audit buttons, separate from the walkthrough codec
//! ([`super::custom_id`], prefix `tg1`): everything a click needs is in the id, so any bot
//! process can answer it, before or after a restart, with nothing kept in memory.
//!
//! - `tga:h:<page>:<verdict><status>:<requester>:<since>:<until>:<text>`: a page of
//!   `/finetune-audit history`, with its filters. Verdict is `p`, `n`, `j` or `-`; status `o`, `d`,
//!   `a`, `c`, `x` or `-`; requester a user id or empty; dates `YYYYMMDD` or empty; the text
//!   filter comes last (it may contain `:`) and is at most [`TEXT_MAX_CHARS`] characters, so
//!   an id never exceeds Discord's 100 characters.
//! - `tga:rv:<review id>`: "Run the checklist again" on a revisit reminder.
//!
//! The guild is never in the id: a click is always answered from the guild it comes from.

use chrono::NaiveDate;

use crate::app::{ReviewId, Status};
use crate::checklist::VerdictKind;

/// The version prefix of every audit custom id.
pub const PREFIX: &str = "tga";
/// Discord's limit for a `custom_id`, in characters.
pub const MAX_LEN: usize = 100;
/// The longest text filter `/finetune-audit history` takes, so its page ids fit.
pub const TEXT_MAX_CHARS: usize = 40;
/// The highest page number an id carries.
pub const MAX_PAGE: u32 = 99_999;

/// The filters of `/finetune-audit history` and the page shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryQuery {
    /// From 0.
    pub page: u32,
    pub verdict: Option<VerdictKind>,
    pub status: Option<Status>,
    pub requester: Option<u64>,
    /// Started on or after this day (UTC).
    pub since: Option<NaiveDate>,
    /// Started on or before this day (UTC), the whole day included.
    pub until: Option<NaiveDate>,
    pub text: Option<String>,
}

/// What an audit button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditId {
    /// Show this page of a history listing.
    Page(HistoryQuery),
    /// Start a new checklist that revisits the decision this review is about.
    Revisit { review_id: ReviewId },
}

/// Whether a custom id belongs to the audit buttons.
pub fn is_audit(custom_id: &str) -> bool {
    custom_id.starts_with("tga:")
}

fn verdict_code(v: Option<VerdictKind>) -> char {
    match v {
        None => '-',
        Some(VerdictKind::Premature) => 'p',
        Some(VerdictKind::NotJustifiedYet) => 'n',
        Some(VerdictKind::Justified) => 'j',
    }
}

fn verdict_from(c: char) -> Option<Option<VerdictKind>> {
    Some(match c {
        '-' => None,
        'p' => Some(VerdictKind::Premature),
        'n' => Some(VerdictKind::NotJustifiedYet),
        'j' => Some(VerdictKind::Justified),
        _ => return None,
    })
}

fn status_code(s: Option<Status>) -> char {
    match s {
        None => '-',
        Some(Status::Open) => 'o',
        Some(Status::Decided) => 'd',
        Some(Status::Abandoned) => 'a',
        Some(Status::Cancelled) => 'c',
        Some(Status::Dismissed) => 'x',
    }
}

fn status_from(c: char) -> Option<Option<Status>> {
    Some(match c {
        '-' => None,
        'o' => Some(Status::Open),
        'd' => Some(Status::Decided),
        'a' => Some(Status::Abandoned),
        'c' => Some(Status::Cancelled),
        'x' => Some(Status::Dismissed),
        _ => return None,
    })
}

fn date_code(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y%m%d").to_string())
        .unwrap_or_default()
}

/// Empty, or a date as `YYYYMMDD`; `None` for anything else.
fn date_from(text: &str) -> Option<Option<NaiveDate>> {
    if text.is_empty() {
        return Some(None);
    }
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y%m%d").ok().map(Some)
}

/// Empty, or a positive number made of digits only; `None` for anything else.
fn number_from<T: std::str::FromStr + Default + PartialOrd>(text: &str) -> Option<Option<T>> {
    if text.is_empty() {
        return Some(None);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) || text.starts_with('0') {
        return None;
    }
    text.parse::<T>()
        .ok()
        .filter(|v| *v > T::default())
        .map(Some)
}

impl AuditId {
    /// The id as Discord carries it; `None` when it would not fit (a page past
    /// [`MAX_PAGE`], a text filter longer than [`TEXT_MAX_CHARS`]).
    pub fn encode(&self) -> Option<String> {
        let text = match self {
            AuditId::Page(q) => {
                let filter_text = q.text.as_deref().unwrap_or_default();
                if q.page > MAX_PAGE || filter_text.chars().count() > TEXT_MAX_CHARS {
                    return None;
                }
                format!(
                    "{PREFIX}:h:{}:{}{}:{}:{}:{}:{filter_text}",
                    q.page,
                    verdict_code(q.verdict),
                    status_code(q.status),
                    q.requester.map(|r| r.to_string()).unwrap_or_default(),
                    date_code(q.since),
                    date_code(q.until),
                )
            }
            AuditId::Revisit { review_id } => format!("{PREFIX}:rv:{review_id}"),
        };
        (text.chars().count() <= MAX_LEN).then_some(text)
    }

    /// Decodes an audit id; `None` for anything this bot did not write.
    pub fn decode(text: &str) -> Option<AuditId> {
        if text.chars().count() > MAX_LEN {
            return None;
        }
        let rest = text.strip_prefix("tga:")?;
        if let Some(id) = rest.strip_prefix("rv:") {
            let review_id = ReviewId(number_from::<i64>(id)??);
            return Some(AuditId::Revisit { review_id });
        }
        let rest = rest.strip_prefix("h:")?;
        let mut parts = rest.splitn(6, ':');
        let page_text = parts.next()?;
        let page = if page_text == "0" {
            0
        } else {
            number_from::<u32>(page_text)??
        };
        let codes: Vec<char> = parts.next()?.chars().collect();
        let [v, s] = codes.as_slice() else {
            return None;
        };
        let requester = number_from::<u64>(parts.next()?)?;
        let since = date_from(parts.next()?)?;
        let until = date_from(parts.next()?)?;
        let filter_text = parts.next()?;
        if page > MAX_PAGE || filter_text.chars().count() > TEXT_MAX_CHARS {
            return None;
        }
        Some(AuditId::Page(HistoryQuery {
            page,
            verdict: verdict_from(*v)?,
            status: status_from(*s)?,
            requester,
            since,
            until,
            text: (!filter_text.is_empty()).then(|| filter_text.to_string()),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fullest() -> HistoryQuery {
        HistoryQuery {
            page: MAX_PAGE,
            verdict: Some(VerdictKind::NotJustifiedYet),
            status: Some(Status::Dismissed),
            requester: Some(u64::MAX),
            since: NaiveDate::from_ymd_opt(2026, 1, 31),
            until: NaiveDate::from_ymd_opt(2026, 12, 1),
            text: Some("ü:".repeat(TEXT_MAX_CHARS / 2)),
        }
    }

    #[test]
    fn every_page_id_round_trips_within_discords_limit() {
        let queries = [
            HistoryQuery::default(),
            HistoryQuery {
                page: 3,
                text: Some("a:b:c".into()),
                ..HistoryQuery::default()
            },
            fullest(),
        ];
        for q in queries {
            let id = AuditId::Page(q.clone()).encode().unwrap();
            assert!(id.chars().count() <= MAX_LEN, "{id}");
            assert!(is_audit(&id));
            assert_eq!(AuditId::decode(&id), Some(AuditId::Page(q)), "{id}");
        }
        let rv = AuditId::Revisit {
            review_id: ReviewId(i64::MAX),
        };
        assert_eq!(AuditId::decode(&rv.encode().unwrap()), Some(rv));
    }

    #[test]
    fn a_query_that_cannot_fit_has_no_id() {
        let mut q = fullest();
        q.text = Some("x".repeat(TEXT_MAX_CHARS + 1));
        assert_eq!(AuditId::Page(q).encode(), None);
        let q = HistoryQuery {
            page: MAX_PAGE + 1,
            ..HistoryQuery::default()
        };
        assert_eq!(AuditId::Page(q).encode(), None);
    }

    #[test]
    fn forged_audit_ids_are_refused() {
        for bad in [
            "",
            "tga",
            "tga:",
            "tga:h",
            "tga:h:0",
            "tga:h:0:--:::",
            "tga:h:-1:--::::",
            "tga:h:01:--::::",
            "tga:h:0:zz::::",
            "tga:h:0:---::::",
            "tga:h:0:--:abc:::",
            "tga:h:0:--:0:::",
            "tga:h:0:--::2026-01-01::",
            "tga:h:0:--::20261341::",
            "tga:h:100000:--::::",
            "tga:rv:",
            "tga:rv:0",
            "tga:rv:-3",
            "tga:rv:99999999999999999999",
            "tg1:42:g1:yes",
            "TGA:h:0:--::::",
        ] {
            assert_eq!(AuditId::decode(bad), None, "{bad:?}");
        }
        assert!(AuditId::decode("tga:h:0:--::::").is_some());
        let long = format!("tga:h:0:--::::{}", "x".repeat(200));
        assert_eq!(AuditId::decode(&long), None);
    }
}
