//! Finds the fine-tuning terms in a tokenized message, whatever their spelling.
//!
//! Three families: fine-tuning itself ("fine-tune", "finetuning", "fine tunning", "fien-tune",
//! "FT", "SFT", "feintunen", "fine-tuner", "finetunear", "Feinabstimmung", "ajuste fino",
//! "afinar"), training a model ("train", "retrain", "entraîner", "nachtrainieren", "entrenar")
//! and adapters ("LoRA", "QLoRA", "PEFT", "adapter"). Each term carries its grammatical form,
//! because "we should fine-tune" proposes and "I fine-tuned it" reports.

use super::lexicon::PhraseIndex;
use super::normalize::Tokens;
use super::roles::Lang;
use super::words::{WordClass, classify};

/// Which kind of term it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    FineTune,
    Train,
    Adapter,
}

/// The grammatical form of the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Infinitive, imperative or present: "fine-tune", "feintunen", "entrenar".
    Base,
    /// "-ing" and its cousins: "fine-tuning" as a verb, "afinando".
    Gerund,
    /// Past tense or participle: "fine-tuned", "fine-tuné", "feingetunt", "afinado".
    Past,
    /// French imperfect, past unless hypothetical: "si on fine-tunait".
    Imperfect,
    /// A noun: "SFT", "LoRA", "Feinabstimmung", "ajuste fino".
    Noun,
}

/// One fine-tuning term: tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Term {
    pub start: usize,
    pub end: usize,
    pub family: Family,
    pub form: Form,
    /// The language the word belongs to, if only one ("feintunen" is German).
    pub lang: Option<Lang>,
    /// The word has everyday senses too ("afinar la guitarra", "train the team"): only a
    /// model or training data next to it makes it a fine-tuning term.
    pub strict: bool,
}

/// Every term in `tokens`, in order. Words of inactive languages are not terms.
pub(crate) fn find_terms(tokens: &Tokens, original: &str, index: &PhraseIndex) -> Vec<Term> {
    let mut terms = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens.is_word(i) {
            i += 1;
            continue;
        }
        let found =
            two_word_term(tokens, i, original).or_else(|| one_word_term(tokens, i, original));
        match found {
            Some(term) if term.lang.is_none_or(|l| index.has(l)) => {
                terms.push(term);
                i = term.end;
            }
            _ => i += 1,
        }
    }
    terms
}

fn term(start: usize, end: usize, family: Family, form: Form, lang: Option<Lang>) -> Term {
    Term {
        start,
        end,
        family,
        form,
        lang,
        strict: false,
    }
}

/// A French past participle keeps its accent in the original text: "fine-tuné", "entraînée".
fn french_participle(original: &str) -> bool {
    let lower = original.to_lowercase();
    ["é", "ée", "és", "ées"].iter().any(|e| lower.ends_with(e))
}

fn two_word_term(tokens: &Tokens, i: usize, original: &str) -> Option<Term> {
    let (first, second) = (tokens.word(i), tokens.word(i + 1));
    if !tokens.is_word(i + 1) {
        return None;
    }
    let orig_second = tokens.original(i + 1, original);
    let hyphen = tokens.toks[i + 1].hyphen_before;
    if fine_prefix(first) == Some(first.len()) {
        let rest = second.strip_prefix("ge").unwrap_or(second);
        if let Some(mut form) = tune_form(rest, orig_second) {
            // "fine tune in at 3" is tuning in; "fine-tune in" would still be fine-tuning.
            let tuning_in = !hyphen && matches!(tokens.word(i + 2), "in" | "into" | "out" | "up");
            if tuning_in {
                return None;
            }
            if rest.len() != second.len() {
                form = Form::Past;
            }
            return Some(term(i, i + 2, Family::FineTune, form, german(first)));
        }
        if first == "fein"
            && let Some(form) = abstimm_form(second)
        {
            return Some(term(i, i + 2, Family::FineTune, form, Some(Lang::De)));
        }
    }
    if first == "ajuste" && second == "fino" {
        return Some(term(i, i + 2, Family::FineTune, Form::Noun, Some(Lang::Es)));
    }
    if first == "re"
        && hyphen
        && let Some(t) = train_word(second, orig_second)
    {
        return Some(Term {
            start: i,
            end: i + 2,
            ..t
        });
    }
    None
}

fn one_word_term(tokens: &Tokens, i: usize, original: &str) -> Option<Term> {
    let word = tokens.word(i);
    let orig = tokens.original(i, original);
    if let Some(form) = one_word_fine_tune(word, orig) {
        return Some(term(i, i + 1, Family::FineTune, form, german(word)));
    }
    if let Some(rest) = word.strip_prefix("feinab") {
        let form = if rest.starts_with("gestimmt") {
            Some(Form::Past)
        } else {
            rest.strip_prefix("stimm")
                .and_then(|r| abstimm_form(&format!("abstimm{r}")))
        };
        if let Some(form) = form {
            return Some(term(i, i + 1, Family::FineTune, form, Some(Lang::De)));
        }
    }
    match word {
        "sft" => return Some(term(i, i + 1, Family::FineTune, Form::Noun, None)),
        "ft" if is_ft_abbreviation(tokens, i) => {
            return Some(term(i, i + 1, Family::FineTune, Form::Base, None));
        }
        "lora" | "qlora" | "peft" | "adapter" | "adapters" => {
            return Some(term(i, i + 1, Family::Adapter, Form::Noun, None));
        }
        "adaptateur" | "adaptateurs" => {
            return Some(term(i, i + 1, Family::Adapter, Form::Noun, Some(Lang::Fr)));
        }
        "adaptador" | "adaptadores" => {
            return Some(term(i, i + 1, Family::Adapter, Form::Noun, Some(Lang::Es)));
        }
        _ => {}
    }
    if let Some(form) = everyday_fine_tune(word, orig) {
        return Some(form(i));
    }
    train_word(word, orig).map(|t| Term {
        start: i,
        end: i + 1,
        ..t
    })
}

/// "fein-" spellings are German ("feintunen", "feingetunt"); the others are shared loanwords.
fn german(word: &str) -> Option<Lang> {
    word.starts_with("fein").then_some(Lang::De)
}

/// Length of a "fine" spelling at the start of `word`: "fine", "fin", "finne", "fien", "fein".
/// Keep in step with the "fin"/"fien"/"fein" stems of the prefilter.
fn fine_prefix(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let mut i = b.iter().take_while(|&&c| c == b'f').count();
    if i == 0 {
        return None;
    }
    if b[i..].starts_with(b"ei") || b[i..].starts_with(b"ie") {
        i += 2;
    } else if b.get(i) == Some(&b'i') {
        i += 1;
    } else {
        return None;
    }
    let ns = b[i..].iter().take_while(|&&c| c == b'n').count();
    if ns == 0 {
        return None;
    }
    i += ns;
    if b.get(i) == Some(&b'e') {
        i += 1;
    }
    Some(i)
}

/// The form of a "tune" spelling: "tune", "tuned", "tunning", "tuner", "tunen", "tunear"...
fn tune_form(word: &str, original: &str) -> Option<Form> {
    let b = word.as_bytes();
    let ts = b.iter().take_while(|&&c| c == b't').count();
    let us = b[ts..].iter().take_while(|&&c| c == b'u').count();
    let ns = b[ts + us..].iter().take_while(|&&c| c == b'n').count();
    if ts == 0 || us == 0 || ns == 0 {
        return None;
    }
    let form = match &word[ts + us + ns..] {
        "" | "e" | "es" | "er" | "en" | "ons" | "ez" | "ear" | "eamos" | "eo" | "ea" | "eas"
        | "ean" | "emos" => Form::Base,
        "ing" | "in" | "eando" => Form::Gerund,
        "ings" | "ung" => Form::Noun,
        "ed" | "d" | "ee" | "ees" | "eado" | "eada" | "eados" | "eadas" | "t" | "te" | "ten"
        | "tes" | "tem" | "ter" => Form::Past,
        "ait" | "aient" | "ions" | "iez" => Form::Imperfect,
        _ => return None,
    };
    if form == Form::Base && french_participle(original) {
        return Some(Form::Past);
    }
    Some(form)
}

fn one_word_fine_tune(word: &str, original: &str) -> Option<Form> {
    let (word, prefixed) = match word.strip_prefix("ge") {
        Some(rest) if fine_prefix(rest).is_some() => (rest, true),
        _ => (word, false),
    };
    let end = fine_prefix(word)?;
    let rest = &word[end..];
    // German participle "feingetunt" and zu-infinitive "feinzutunen".
    if let Some(r) = rest.strip_prefix("ge") {
        return tune_form(r, original).map(|_| Form::Past);
    }
    let rest = rest.strip_prefix("zu").unwrap_or(rest);
    let form = tune_form(rest, original)?;
    Some(if prefixed { Form::Past } else { form })
}

fn abstimm_form(word: &str) -> Option<Form> {
    match word.strip_prefix("abstimm")? {
        "ung" | "ungen" => Some(Form::Noun),
        "en" | "e" | "t" => Some(Form::Base),
        _ => None,
    }
}

/// "FT" only as a verb with an object: "can we FT a smaller model", not "6 ft", "ft. X",
/// "I work FT now".
fn is_ft_abbreviation(tokens: &Tokens, i: usize) -> bool {
    let before_ok = i == 0
        || !tokens.is_word(i - 1)
        || matches!(
            tokens.word(i - 1),
            "we" | "to"
                | "should"
                | "can"
                | "could"
                | "would"
                | "us"
                | "i"
                | "you"
                | "gonna"
                | "wanna"
                | "just"
                | "or"
                | "and"
                | "then"
                | "maybe"
                | "devrait"
                | "on"
                | "pourrait"
                | "sollten"
                | "wir"
                | "koennten"
                | "deberiamos"
                | "podemos"
                | "podriamos"
        );
    let next = tokens.word(i + 1);
    let after_ok = tokens.is_word(i + 1)
        && matches!(classify(next), WordClass::Model | WordClass::Function)
        && !matches!(
            next,
            "on" | "in" | "for" | "to" | "of" | "at" | "by" | "from"
        );
    before_ok && after_ok
}

type MakeTerm = fn(usize) -> Term;

/// Verbs that mean fine-tuning only next to a model: Spanish "afinar", French "affiner".
fn everyday_fine_tune(word: &str, original: &str) -> Option<MakeTerm> {
    fn es(form: Form) -> MakeTerm {
        match form {
            Form::Past => |i| strict(i, Form::Past, Lang::Es),
            Form::Gerund => |i| strict(i, Form::Gerund, Lang::Es),
            _ => |i| strict(i, Form::Base, Lang::Es),
        }
    }
    match word {
        "afinar" | "afinemos" | "afinamos" | "afina" | "afinen" => Some(es(Form::Base)),
        "afinado" | "afinada" | "afinados" | "afinadas" => Some(es(Form::Past)),
        "afinando" => Some(es(Form::Gerund)),
        "affiner" | "affinons" => Some(|i| strict(i, Form::Base, Lang::Fr)),
        "affine" if french_participle(original) => Some(|i| strict(i, Form::Past, Lang::Fr)),
        _ => None,
    }
}

fn strict(i: usize, form: Form, lang: Lang) -> Term {
    Term {
        start: i,
        end: i + 1,
        family: Family::FineTune,
        form,
        lang: Some(lang),
        strict: true,
    }
}

/// Training verbs and nouns.
fn train_word(word: &str, original: &str) -> Option<Term> {
    use Form::*;
    let (form, lang) = match word {
        "train" | "trains" | "retrain" | "retrains" => (Base, Some(Lang::En)),
        "trained" | "retrained" => (Past, Some(Lang::En)),
        "retraining" => (Gerund, Some(Lang::En)),
        "training" => (Gerund, None),
        "entrainer" | "entrainons" | "entrainez" | "reentrainer" | "reentrainons" => {
            (Base, Some(Lang::Fr))
        }
        "entraine" | "reentraine" if french_participle(original) => (Past, Some(Lang::Fr)),
        "entraine" | "reentraine" => (Base, Some(Lang::Fr)),
        "entrainee" | "entraines" | "entrainees" | "reentrainee" => (Past, Some(Lang::Fr)),
        "entrainait" | "reentrainait" => (Imperfect, Some(Lang::Fr)),
        "entrainement" | "reentrainement" => (Noun, Some(Lang::Fr)),
        "trainieren" | "trainiere" | "nachtrainieren" | "neutrainieren" => (Base, Some(Lang::De)),
        "trainiert" | "trainierte" | "trainierten" | "nachtrainiert" => (Past, Some(Lang::De)),
        "entrenar" | "entrenamos" | "entrenemos" | "entrena" | "entrenan" | "reentrenar"
        | "reentrenamos" | "reentrenemos" | "reentrena" => (Base, Some(Lang::Es)),
        "entrenado" | "entrenada" | "entrenados" | "reentrenado" | "reentrenada" => {
            (Past, Some(Lang::Es))
        }
        "entrenando" | "reentrenando" => (Gerund, Some(Lang::Es)),
        "entrenamiento" | "reentrenamiento" => (Noun, Some(Lang::Es)),
        _ => return None,
    };
    Some(Term {
        start: 0,
        end: 1,
        family: Family::Train,
        form,
        lang,
        // Retraining is about models; plain training is also for teams, dogs and runners.
        strict: !word.starts_with("re"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::markup::mask_markup;
    use crate::detect::normalize::tokenize;

    fn terms(text: &str) -> Vec<(Family, Form)> {
        let index = PhraseIndex::new(&Lang::ALL);
        let tokens = tokenize(&mask_markup(text));
        find_terms(&tokens, text, &index)
            .into_iter()
            .map(|t| (t.family, t.form))
            .collect()
    }

    #[test]
    fn fine_tune_spellings_are_one_term() {
        for text in [
            "fine-tune",
            "fine tune",
            "finetune",
            "fine - tune",
            "FINE-TUNE",
            "fien-tune",
            "fintune",
            "fine–tune",
            "fine-tuner",
            "feintunen",
            "fine-tunen",
            "finetunear",
        ] {
            assert_eq!(terms(text), [(Family::FineTune, Form::Base)], "{text}");
        }
        for text in ["fine-tuning", "fine tunning", "finetuning", "Fine Tuning"] {
            assert_eq!(terms(text), [(Family::FineTune, Form::Gerund)], "{text}");
        }
    }

    #[test]
    fn past_forms_are_recognised_in_every_language() {
        for text in [
            "fine-tuned",
            "finetuned",
            "fine-tuné",
            "feingetunt",
            "gefinetunt",
        ] {
            assert_eq!(terms(text), [(Family::FineTune, Form::Past)], "{text}");
        }
        assert_eq!(terms("afinado"), [(Family::FineTune, Form::Past)]);
        assert_eq!(terms("entraîné"), [(Family::Train, Form::Past)]);
        assert_eq!(terms("entraîne"), [(Family::Train, Form::Base)]);
    }

    #[test]
    fn other_words_that_look_alike_are_not_terms() {
        for text in [
            "fine-grained",
            "fine, tune in",
            "fine tune in at 3",
            "define",
            "finer",
            "tune",
            "6 ft long",
            "ft. jazz",
            "I work FT now",
            "it is fine. tuning",
            "constraint",
        ] {
            assert_eq!(terms(text), [], "{text}");
        }
    }

    #[test]
    fn ft_is_a_term_as_a_verb_with_an_object() {
        assert_eq!(
            terms("can we FT a smaller model"),
            [(Family::FineTune, Form::Base)]
        );
        assert_eq!(terms("let's ft llama"), [(Family::FineTune, Form::Base)]);
    }

    #[test]
    fn german_spanish_and_french_nouns_are_terms() {
        assert_eq!(terms("Feinabstimmung"), [(Family::FineTune, Form::Noun)]);
        assert_eq!(terms("ajuste fino"), [(Family::FineTune, Form::Noun)]);
        assert_eq!(terms("re-train"), [(Family::Train, Form::Base)]);
        assert_eq!(terms("LoRA-Adapter")[0], (Family::Adapter, Form::Noun));
    }

    #[test]
    fn inactive_languages_contribute_no_terms() {
        let index = PhraseIndex::new(&[Lang::En]);
        let text = "wir sollten feintunen und trainieren";
        let tokens = tokenize(text);
        assert_eq!(find_terms(&tokens, text, &index), []);
    }
}
