//! Word classes for the object check: is the thing being tuned a model, training data, a
//! person, or something else entirely ("fine-tune the CSS")?
//!
//! Words are folded (see [`super::normalize`]). Lists are looked up through one map built on
//! first use; a few shapes are recognised by code ("llama3", "7b", "supportdaten").

use std::sync::OnceLock;

use super::lexicon::FastMap;

/// What a word says about the thing being tuned or trained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// A model, a model family or a kind of model: "llama", "classifier", "7b", "modell".
    Model,
    /// Training data: "tickets", "data", "transcripts", "donnees", "supportdaten".
    Data,
    /// Something that is tuned but is not a model: "css", "cron", "prompt", "thresholds".
    Other,
    /// A person or group one trains: "team", "hires", "equipe".
    Person,
    /// Articles, pronouns, prepositions, small adjectives: skipped when looking for the object.
    Function,
    /// A word we know nothing about.
    Unknown,
}

#[rustfmt::skip]
const MODEL_WORDS: &[&str] = &[
    "model", "models", "modele", "modeles", "modell", "modelle", "modells", "modellen", "modelo",
    "modelos", "llm", "llms", "slm", "lm", "mistral", "mixtral", "qwen", "phi", "gemma", "bert",
    "roberta", "distilbert", "t5", "whisper", "falcon", "deepseek", "olmo", "classifier",
    "classifieur", "klassifikator", "clasificador", "extractor", "extracteur", "summarizer",
    "reranker", "router", "tagger", "encoder", "embedding", "embeddings", "checkpoint",
    "transformer", "lora", "qlora", "adapter", "adaptateur", "adaptador",
];

#[rustfmt::skip]
const DATA_WORDS: &[&str] = &[
    "data", "dataset", "datasets", "ticket", "tickets", "docs", "documents", "documentation",
    "logs", "transcripts", "chats", "conversations", "emails", "mails", "faq", "corpus",
    "examples", "labels", "annotations", "backlog", "history", "postmortems", "donnees", "daten",
    "datos", "etiquetas", "etiquettes", "correos", "conversaciones", "documentos", "dokumenten",
    "dokumente", "chatverlaeufe", "tickethistorie",
];

#[rustfmt::skip]
const OTHER_WORDS: &[&str] = &[
    "css", "html", "ui", "ux", "layout", "padding", "margin", "margins", "marges", "spacing",
    "abstaende", "font", "fonts", "color", "colors", "colour", "colours", "palette", "header",
    "footer", "navbar", "button", "buttons", "copy", "wording", "slides", "deck", "pitch",
    "roadmap", "process", "checklist", "query", "queries", "sql", "requete", "abfrage", "consulta",
    "index", "cron", "cronjob", "schedule", "alert", "alerts", "alerting", "alarmregeln", "rules",
    "regles", "reglas", "threshold", "thresholds", "seuils", "schwellwerte", "umbrales",
    "settings", "config", "configuration", "timeout", "timeouts", "retry", "backoff", "rate",
    "limiter", "limits", "cache", "heap", "jvm", "gc", "autoscaling", "workers", "budget",
    "prompt", "prompts", "regex", "filters", "search", "ranking", "dashboard", "metrics",
    "performance", "perf", "latency", "guitar", "guitarra", "gitarre", "piano", "guitare", "sound",
    "audio", "mix", "recipe", "onboarding", "formulaire", "formulario", "portada", "homepage",
    "accueil", "landing", "frontend", "endpoint", "alertes", "alertas",
];

#[rustfmt::skip]
const PERSON_WORDS: &[&str] = &[
    "team", "teams", "staff", "hires", "people", "folks", "newcomers", "colleagues", "interns",
    "users", "equipe", "nouveaux", "equipo", "nuevos", "kollegen", "mitarbeiter", "dog", "chien",
    "perro", "hund", "me", "se", "myself", "marathon", "maraton", "halbmarathon",
];

#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "our", "my", "your", "their", "this", "that", "these", "those", "some",
    "any", "it", "them", "one", "own", "small", "smaller", "tiny", "little", "big", "bigger",
    "custom", "new", "base", "just", "really", "also", "again", "first", "quickly", "with", "on",
    "in", "for", "to", "of", "at", "by", "from", "into", "using", "something", "like", "le", "la",
    "les", "un", "une", "des", "du", "de", "notre", "nos", "propre", "propres", "petit", "plus",
    "sur", "avec", "pour", "en", "au", "aux", "der", "die", "das", "den", "dem", "ein", "eine",
    "einen", "einem", "eines", "unser", "unsere", "unseren", "unserem", "eigenes", "eigene",
    "eigenen", "kleines", "kleine", "kleineres", "auf", "mit", "fuer", "mal", "noch", "el", "los",
    "las", "una", "unos", "nuestro", "nuestra", "nuestros", "nuestras", "propio", "propia",
    "pequeno", "mas", "con", "sobre", "del", "al", "para", "lo", "es", "er", "sie", "ce", "ca",
    "cela", "maison", "internal", "internes", "interne", "last", "all", "bit", "thing", "things",
    "stuff", "zu",
];

/// The word lists as one map, built on first use (earlier lists win a duplicate).
fn word_classes() -> &'static FastMap<&'static str, WordClass> {
    static CLASSES: OnceLock<FastMap<&'static str, WordClass>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map = FastMap::default();
        for (words, class) in [
            (MODEL_WORDS, WordClass::Model),
            (DATA_WORDS, WordClass::Data),
            (OTHER_WORDS, WordClass::Other),
            (PERSON_WORDS, WordClass::Person),
            (FUNCTION_WORDS, WordClass::Function),
        ] {
            for w in words {
                map.entry(*w).or_insert(class);
            }
        }
        map
    })
}

/// Classifies one folded word.
pub(crate) fn classify(word: &str) -> WordClass {
    if let Some(class) = word_classes().get(word) {
        *class
    } else if is_model_name(word) {
        WordClass::Model
    } else if word.len() > 6 && word.ends_with("daten") {
        WordClass::Data
    } else if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        WordClass::Function
    } else {
        WordClass::Unknown
    }
}

/// Model families and sizes: "gpt4o", "llama3", "7b", "1.5b" (as "5b").
fn is_model_name(word: &str) -> bool {
    const FAMILIES: [&str; 4] = ["gpt", "llama", "claude", "gemini"];
    if FAMILIES.iter().any(|f| word.starts_with(f)) {
        return true;
    }
    // `strip_suffix`, not a byte split: the word may end in a multi-byte letter.
    word.strip_suffix('b')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// Words that tell a message is about machine learning at all.
pub(crate) fn is_ml_context(word: &str) -> bool {
    matches!(classify(word), WordClass::Model | WordClass::Data)
        || matches!(
            word,
            "ai" | "ia"
                | "ki"
                | "prompt"
                | "prompts"
                | "rag"
                | "eval"
                | "evals"
                | "tokens"
                | "inference"
                | "hallucinations"
                | "hallucinates"
                | "hallucinating"
                | "accuracy"
                | "intents"
                | "jargon"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_classified_for_the_object_check() {
        assert_eq!(classify("llama3"), WordClass::Model);
        assert_eq!(classify("7b"), WordClass::Model);
        assert_eq!(classify("supportdaten"), WordClass::Data);
        assert_eq!(classify("css"), WordClass::Other);
        assert_eq!(classify("hires"), WordClass::Person);
        assert_eq!(classify("the"), WordClass::Function);
        assert_eq!(classify("pricing"), WordClass::Unknown);
    }
}
