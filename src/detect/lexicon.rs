//! The phrase tables, per language: what proposes, negates, rejects, reports or asks for help.
//!
//! Every entry is written the way [`super::normalize`] folds text: lowercase, no accents
//! ("wäre" is "waere", "peut-être" is "peut etre"), contractions expanded ("don't" is "do not",
//! "qu'on" is "que on"). A phrase matches consecutive words of one clause. `*` matches any one
//! word. A unit test checks that every entry is already folded.
//!
//! Adding a phrasing is adding a line here, plus a corpus line in `tests/data/` that needs it.

use std::collections::HashMap;

use super::normalize::{Kind, Tokens};

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
    /// Negates a term that follows it in the clause: "not", "no need to", "instead of".
    Negation,
    /// Rejects a term that precedes it in the clause: "... is premature", "... is overkill".
    Rejection,
    /// Reports work already done: "yesterday", "is live", "already".
    Past,
    /// Makes a past form hypothetical: "what if we fine-tuned".
    Hypothetical,
    /// Asks for help with a problem: "error", "OOM", "how do I".
    Trouble,
}

type Entries = &'static [(Role, &'static [&'static str])];

const EN: Entries = &[
    (
        Role::Proposal,
        &[
            "should", "shoud", "shud", "shld", "shall", "ought to", "could", "might", "would",
            "maybe", "perhaps", "probably", "worth", "need to", "we need", "time to",
        ],
    ),
    (
        Role::ProposalBefore,
        &[
            "can we",
            "can you",
            "let us",
            "why not",
            "how about",
            "what about",
            "what if",
            "i suggest",
            "we suggest",
            "suggest we",
            "suggestion",
            "i propose",
            "propose we",
            "proposal",
            "idea",
            "i think we",
            "think we",
            "thinking about",
            "thinking of",
            "consider",
            "considering",
            "considered",
            "in favour of",
            "in favor of",
            "i vote",
            "vote for",
            "+1",
            "go for",
            "try",
            "want to",
            "wanna",
            "going to",
            "gonna",
            "plan",
            "hear me out",
            "better off",
            "would it make sense",
            "it is time",
            "ok to",
            "okay to",
            "do we want",
            "are we going to",
            "i would",
            "we would",
            "let me",
            "i will",
            "we will",
            "i can",
            "happy to",
            "can someone",
            "could someone",
            "someone should",
            "who wants to",
            "wants to",
            "anyone want to",
            "what do you think about",
            "thoughts on",
            "thoughts about",
            "opinions on",
            "how do we feel about",
            "time for",
        ],
    ),
    (
        Role::ProposalAfter,
        &[
            "way to go",
            "next step",
            "makes sense",
            "would help",
            "would fix",
            "worth a try",
            "worth it",
            "sounds like",
            "right call",
            "good idea",
            "is the answer",
            "the way forward",
        ],
    ),
    (Role::QuestionLead, &["do we", "are we", "we"]),
    (
        Role::Rhetorical,
        &[
            "why do not we",
            "why did not we",
            "why not",
            "any reason not to",
            "anyone against",
            "any objections to",
            "any objection to",
        ],
    ),
    (
        Role::RhetoricalQuestion,
        &[
            "should not we",
            "can not we",
            "could not we",
            "would not it",
            "would not we",
            "do not you think",
            "is not it time",
            "is not it worth",
        ],
    ),
    (
        Role::Negation,
        &[
            "not",
            "no",
            "never",
            "without",
            "instead",
            "rather than",
            "than",
            "against",
            "nah",
            "nope",
            "stop",
            "avoid",
            "before",
            "skip",
            "forget",
            "hold off",
            "decided against",
            "no need",
            "no reason",
            "no point",
        ],
    ),
    (
        Role::Rejection,
        &[
            "premature",
            "overkill",
            "bad idea",
            "waste",
            "not worth",
            "unnecessary",
            "too early",
            "too soon",
            "pointless",
            "useless",
            "dead end",
            "not the answer",
            "not needed",
            "overengineering",
            "over engineering",
            "nah",
            "nope",
            "overrated",
            "overhyped",
        ],
    ),
    (
        Role::Past,
        &[
            "already",
            "yesterday",
            "last week",
            "last night",
            "last month",
            "last year",
            "last quarter",
            "last sprint",
            "last time",
            "ago",
            "earlier",
            "finished",
            "is live",
            "went live",
            "in prod",
            "in production",
            "deployed",
            "shipped",
            "is done",
            "was done",
            "took",
            "tried",
            "was trained",
            "were trained",
            "over the weekend",
            "is merged",
            "merged",
        ],
    ),
    (
        Role::Hypothetical,
        &["what if", "if we", "if i", "suppose", "imagine"],
    ),
    (
        Role::Trouble,
        &[
            "error",
            "exception",
            "traceback",
            "oom",
            "out of memory",
            "crash",
            "crashes",
            "crashed",
            "crashing",
            "fails",
            "failing",
            "failed",
            "fail",
            "stuck",
            "hangs",
            "hanging",
            "nan",
            "diverges",
            "diverging",
            "overfitting",
            "overfits",
            "how do i",
            "how can i",
            "how to",
            "any tips",
            "any ideas",
            "any idea",
            "throws",
            "returned",
            "invalid",
            "mismatch",
            "bug",
            "segfault",
        ],
    ),
];

const FR: Entries = &[
    (
        Role::Proposal,
        &[
            "devrait",
            "devrions",
            "devriez",
            "faudrait",
            "pourrait",
            "pourrions",
            "pourriez",
            "il faut",
            "peut etre",
            "vaut le coup",
            "vaudrait",
            "aiderait",
            "serait",
        ],
    ),
    (
        Role::ProposalBefore,
        &[
            "faut il",
            "doit on",
            "on doit",
            "peut on",
            "est ce que on",
            "et si",
            "si on",
            "pourquoi pas",
            "je propose",
            "on propose",
            "proposition",
            "propose de",
            "il est temps",
            "temps de",
            "tenter",
            "essayer",
            "essayons",
            "tentons",
            "faisons",
            "je suis pour",
            "je pense que on",
            "je pense que il",
            "je pense que nous",
            "qui veut",
            "quelqu un veut",
            "on veut",
            "je veux",
            "tu veux",
            "vous voulez",
            "envie de",
        ],
    ),
    (Role::QuestionLead, &["on", "nous", "est ce que on"]),
    (
        Role::Rhetorical,
        &[
            "pourquoi ne pas",
            "pourquoi on ne",
            "pourquoi ne",
            "pourquoi est ce que on ne",
        ],
    ),
    (
        Role::RhetoricalQuestion,
        &[
            "ne devrait on",
            "ne faudrait il",
            "ne pourrait on",
            "ne devrions nous",
        ],
    ),
    (
        Role::Negation,
        &[
            "ne",
            "pas",
            "jamais",
            "sans",
            "plutot",
            "au lieu de",
            "inutile",
            "pas besoin",
            "avant de",
            "contre",
            "aucun",
            "aucune",
            "non",
            "eviter",
        ],
    ),
    (
        Role::Rejection,
        &[
            "premature",
            "prematuree",
            "excessif",
            "excessive",
            "inutile",
            "mauvaise idee",
            "perte de temps",
            "trop tot",
            "pas la solution",
            "superflu",
            "surestime",
        ],
    ),
    (
        Role::Past,
        &[
            "deja",
            "hier",
            "semaine derniere",
            "mois dernier",
            "an dernier",
            "annee derniere",
            "termine",
            "terminee",
            "en ligne",
            "en production",
            "en prod",
            "a ete",
            "ont ete",
            "fini",
            "deploye",
        ],
    ),
    (Role::Hypothetical, &["et si", "si on", "si nous"]),
    (
        Role::Trouble,
        &[
            "erreur",
            "plante",
            "plantage",
            "crash",
            "bloque",
            "bloquee",
            "des idees",
            "comment faire",
            "comment reprendre",
            "comment corriger",
            "comment on",
            "oom",
            "nan",
            "echoue",
            "bug",
        ],
    ),
];

const DE: Entries = &[
    (
        Role::Proposal,
        &[
            "sollten",
            "sollen",
            "sollte",
            "solltet",
            "koennten",
            "koennte",
            "muessen",
            "muessten",
            "vielleicht",
            "waere",
            "wuerde",
            "wuerden",
            "sinnvoll",
            "lohnt",
            "lohnen",
            "hilft",
        ],
    ),
    (
        Role::ProposalBefore,
        &[
            "koennen wir",
            "lass uns",
            "lasst uns",
            "wie waere es",
            "vorschlag",
            "schlage vor",
            "zeit fuer",
            "ich bin fuer",
            "man koennte",
            "brauchen wir",
            "fande",
            "faende",
            "probieren",
            "versuchen",
        ],
    ),
    (Role::QuestionLead, &["machen wir", "wir"]),
    (Role::Rhetorical, &["warum nicht"]),
    (
        Role::RhetoricalQuestion,
        &[
            "sollten wir",
            "sollen wir",
            "koennten wir",
            "koennen wir",
            "waere es",
            "warum",
            "brauchen wir",
            "muessten wir",
        ],
    ),
    (
        Role::Negation,
        &[
            "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "statt",
            "anstatt", "ohne", "bevor", "gegen", "nein",
        ],
    ),
    (
        Role::Rejection,
        &[
            "verfrueht",
            "uebertrieben",
            "unnoetig",
            "zu frueh",
            "schlechte idee",
            "verschwendung",
            "overkill",
            "keine loesung",
            "ueberbewertet",
        ],
    ),
    (
        Role::Past,
        &[
            "gestern",
            "bereits",
            "letzte woche",
            "letzten",
            "fertig",
            "live",
            "wurde",
            "wurden",
            "seit",
            "im maerz",
        ],
    ),
    (
        Role::Hypothetical,
        &["wenn wir", "falls wir", "was waere wenn"],
    ),
    (
        Role::Trouble,
        &[
            "fehler",
            "absturz",
            "stuerzt",
            "bricht",
            "abbruch",
            "haengt",
            "eine idee",
            "weiss jemand",
            "hat jemand",
            "wie setze",
            "wie kann ich",
            "wie mache ich",
            "oom",
            "nan",
        ],
    ),
];

const ES: Entries = &[
    (
        Role::Proposal,
        &[
            "deberiamos",
            "deberia",
            "debemos",
            "podriamos",
            "podria",
            "habria que",
            "hay que",
            "tendriamos que",
            "tenemos que",
            "quizas",
            "quiza",
            "tal vez",
            "vale la pena",
            "seria",
            "ayudaria",
            "conviene",
            "convendria",
        ],
    ),
    (
        Role::ProposalBefore,
        &[
            "y si",
            "que tal",
            "propongo",
            "propuesta",
            "creo que",
            "yo haria",
            "haria",
            "hagamos",
            "entrenemos",
            "reentrenemos",
            "afinemos",
            "probemos",
            "intentemos",
            "estoy a favor",
            "a favor de",
        ],
    ),
    (
        Role::QuestionLead,
        &["hacemos", "podemos", "entrenamos", "reentrenamos", "hago"],
    ),
    (Role::Rhetorical, &["por que no"]),
    (
        Role::RhetoricalQuestion,
        &["no deberiamos", "no podriamos", "no seria", "no convendria"],
    ),
    (
        Role::Negation,
        &[
            "no",
            "nunca",
            "sin",
            "en vez de",
            "en lugar de",
            "antes de",
            "ni",
            "contra",
            "evitar",
        ],
    ),
    (
        Role::Rejection,
        &[
            "prematuro",
            "prematura",
            "excesivo",
            "excesiva",
            "innecesario",
            "demasiado pronto",
            "mala idea",
            "perdida de tiempo",
            "sobrevalorado",
        ],
    ),
    (
        Role::Past,
        &[
            "ya",
            "ayer",
            "semana pasada",
            "ano pasado",
            "mes pasado",
            "termino",
            "en produccion",
            "hice",
            "hicimos",
            "hizo",
            "fue",
            "fueron",
        ],
    ),
    (Role::Hypothetical, &["y si", "si hacemos", "si entrenamos"]),
    (
        Role::Trouble,
        &[
            "error",
            "falla",
            "fallo",
            "atascado",
            "alguna idea",
            "alguien sabe",
            "como retomo",
            "como hago",
            "como puedo",
            "como arreglo",
            "bloqueado",
            "oom",
            "nan",
        ],
    ),
];

fn entries(lang: Lang) -> Entries {
    match lang {
        Lang::En => EN,
        Lang::Fr => FR,
        Lang::De => DE,
        Lang::Es => ES,
    }
}

/// One phrase of the active languages, split into words.
#[derive(Debug)]
struct Phrase {
    words: Vec<&'static str>,
    role: Role,
    lang: Lang,
}

/// Where a phrase matched: token indexes `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub role: Role,
    pub lang: Lang,
    pub start: usize,
    pub end: usize,
}

/// The phrases of the active languages, indexed by first word so a scan costs one hash lookup
/// per word.
#[derive(Debug)]
pub(crate) struct PhraseIndex {
    by_first: HashMap<&'static str, Vec<Phrase>>,
    langs: Vec<Lang>,
}

impl PhraseIndex {
    pub fn new(langs: &[Lang]) -> PhraseIndex {
        let mut by_first: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        for &lang in langs {
            for (role, phrases) in entries(lang) {
                for phrase in *phrases {
                    let words: Vec<&'static str> = phrase.split(' ').collect();
                    by_first.entry(words[0]).or_default().push(Phrase {
                        words,
                        role: *role,
                        lang,
                    });
                }
            }
        }
        PhraseIndex {
            by_first,
            langs: langs.to_vec(),
        }
    }

    pub fn has(&self, lang: Lang) -> bool {
        self.langs.contains(&lang)
    }

    /// Every phrase occurrence in `tokens`, in order of start. `original` is the message the
    /// tokens point into (accents there tell a Spanish conditional "ayudaría" from a noun).
    pub fn scan(&self, tokens: &Tokens, original: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for i in 0..tokens.len() {
            if !tokens.is_word(i) {
                continue;
            }
            let word = tokens.word(i);
            if let Some(phrases) = self.by_first.get(word) {
                for p in phrases {
                    if let Some(end) = match_at(tokens, i, &p.words) {
                        hits.push(Hit {
                            role: p.role,
                            lang: p.lang,
                            start: i,
                            end,
                        });
                    }
                }
            }
            if let Some(lang) = self.conditional(word, &original[tokens.toks[i].orig.clone()]) {
                hits.push(Hit {
                    role: Role::Proposal,
                    lang,
                    start: i,
                    end: i + 1,
                });
            }
        }
        hits
    }

    /// French and Spanish conditionals propose on their own: "un LoRA réglerait ça",
    /// "un adaptador lo arreglaría".
    fn conditional(&self, word: &str, original: &str) -> Option<Lang> {
        const FR_ENDINGS: [&str; 4] = ["rait", "raient", "rions", "riez"];
        let fr = self.has(Lang::Fr)
            && word.len() >= 7
            && FR_ENDINGS.iter().any(|e| word.ends_with(e))
            && !word.contains("trait");
        if fr {
            return Some(Lang::Fr);
        }
        const ES_ENDINGS: [&str; 4] = ["ría", "rían", "ríamos", "rías"];
        const ES_NOUNS: [&str; 12] = [
            "categoria",
            "bateria",
            "libreria",
            "galeria",
            "loteria",
            "cafeteria",
            "ingenieria",
            "mayoria",
            "minoria",
            "teoria",
            "auditoria",
            "consultoria",
        ];
        let lower = original.to_lowercase();
        let es = self.has(Lang::Es)
            && word.len() >= 6
            && ES_ENDINGS.iter().any(|e| lower.ends_with(e))
            && !ES_NOUNS.iter().any(|n| word.starts_with(n));
        es.then_some(Lang::Es)
    }
}

fn match_at(tokens: &Tokens, start: usize, words: &[&str]) -> Option<usize> {
    for (k, w) in words.iter().enumerate() {
        let i = start + k;
        if tokens.toks.get(i).is_none_or(|t| t.kind != Kind::Word) {
            return None;
        }
        if *w != "*" && tokens.word(i) != *w {
            return None;
        }
    }
    Some(start + words.len())
}

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

const MODEL_WORDS: &[&str] = &[
    "model",
    "models",
    "modele",
    "modeles",
    "modell",
    "modelle",
    "modells",
    "modellen",
    "modelo",
    "modelos",
    "llm",
    "llms",
    "slm",
    "lm",
    "mistral",
    "mixtral",
    "qwen",
    "phi",
    "gemma",
    "bert",
    "roberta",
    "distilbert",
    "t5",
    "whisper",
    "falcon",
    "deepseek",
    "olmo",
    "classifier",
    "classifieur",
    "klassifikator",
    "clasificador",
    "extractor",
    "extracteur",
    "summarizer",
    "reranker",
    "router",
    "tagger",
    "encoder",
    "embedding",
    "embeddings",
    "checkpoint",
    "transformer",
    "lora",
    "qlora",
    "adapter",
    "adaptateur",
    "adaptador",
];

const DATA_WORDS: &[&str] = &[
    "data",
    "dataset",
    "datasets",
    "ticket",
    "tickets",
    "docs",
    "documents",
    "documentation",
    "logs",
    "transcripts",
    "chats",
    "conversations",
    "emails",
    "mails",
    "faq",
    "corpus",
    "examples",
    "labels",
    "annotations",
    "backlog",
    "history",
    "postmortems",
    "donnees",
    "daten",
    "datos",
    "etiquetas",
    "etiquettes",
    "correos",
    "conversaciones",
    "documentos",
    "dokumenten",
    "dokumente",
    "chatverlaeufe",
    "tickethistorie",
];

const OTHER_WORDS: &[&str] = &[
    "css",
    "html",
    "ui",
    "ux",
    "layout",
    "padding",
    "margin",
    "margins",
    "marges",
    "spacing",
    "abstaende",
    "font",
    "fonts",
    "color",
    "colors",
    "colour",
    "colours",
    "palette",
    "header",
    "footer",
    "navbar",
    "button",
    "buttons",
    "copy",
    "wording",
    "slides",
    "deck",
    "pitch",
    "roadmap",
    "process",
    "checklist",
    "query",
    "queries",
    "sql",
    "requete",
    "abfrage",
    "consulta",
    "index",
    "cron",
    "cronjob",
    "schedule",
    "alert",
    "alerts",
    "alerting",
    "alarmregeln",
    "rules",
    "regles",
    "reglas",
    "threshold",
    "thresholds",
    "seuils",
    "schwellwerte",
    "umbrales",
    "settings",
    "config",
    "configuration",
    "timeout",
    "timeouts",
    "retry",
    "backoff",
    "rate",
    "limiter",
    "limits",
    "cache",
    "heap",
    "jvm",
    "gc",
    "autoscaling",
    "workers",
    "budget",
    "prompt",
    "prompts",
    "regex",
    "filters",
    "search",
    "ranking",
    "dashboard",
    "metrics",
    "performance",
    "perf",
    "latency",
    "guitar",
    "guitarra",
    "gitarre",
    "piano",
    "guitare",
    "sound",
    "audio",
    "mix",
    "recipe",
    "onboarding",
    "formulaire",
    "formulario",
    "portada",
    "homepage",
    "accueil",
    "landing",
    "frontend",
    "endpoint",
    "alertes",
    "alertas",
];

const PERSON_WORDS: &[&str] = &[
    "team",
    "teams",
    "staff",
    "hires",
    "people",
    "folks",
    "newcomers",
    "colleagues",
    "interns",
    "users",
    "equipe",
    "nouveaux",
    "equipo",
    "nuevos",
    "kollegen",
    "mitarbeiter",
    "dog",
    "chien",
    "perro",
    "hund",
    "me",
    "se",
    "myself",
    "marathon",
    "maraton",
    "halbmarathon",
];

const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "our",
    "my",
    "your",
    "their",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "it",
    "them",
    "one",
    "own",
    "small",
    "smaller",
    "tiny",
    "little",
    "big",
    "bigger",
    "custom",
    "new",
    "base",
    "just",
    "really",
    "also",
    "again",
    "first",
    "quickly",
    "with",
    "on",
    "in",
    "for",
    "to",
    "of",
    "at",
    "by",
    "from",
    "into",
    "using",
    "something",
    "like",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "notre",
    "nos",
    "propre",
    "propres",
    "petit",
    "plus",
    "sur",
    "avec",
    "pour",
    "en",
    "au",
    "aux",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "ein",
    "eine",
    "einen",
    "einem",
    "eines",
    "unser",
    "unsere",
    "unseren",
    "unserem",
    "eigenes",
    "eigene",
    "eigenen",
    "kleines",
    "kleine",
    "kleineres",
    "auf",
    "mit",
    "fuer",
    "mal",
    "noch",
    "el",
    "los",
    "las",
    "una",
    "unos",
    "nuestro",
    "nuestra",
    "nuestros",
    "nuestras",
    "propio",
    "propia",
    "pequeno",
    "mas",
    "con",
    "sobre",
    "del",
    "al",
    "para",
    "lo",
    "es",
    "er",
    "sie",
    "ce",
    "ca",
    "cela",
    "maison",
    "internal",
    "internes",
    "interne",
    "last",
    "all",
    "bit",
    "thing",
    "things",
    "stuff",
    "zu",
];

/// Classifies one folded word.
pub(crate) fn classify(word: &str) -> WordClass {
    if MODEL_WORDS.contains(&word) || is_model_name(word) {
        WordClass::Model
    } else if DATA_WORDS.contains(&word) || (word.len() > 6 && word.ends_with("daten")) {
        WordClass::Data
    } else if OTHER_WORDS.contains(&word) {
        WordClass::Other
    } else if PERSON_WORDS.contains(&word) {
        WordClass::Person
    } else if FUNCTION_WORDS.contains(&word) || word.chars().all(|c| c.is_ascii_digit()) {
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
    let (digits, unit) = word.split_at(word.len().saturating_sub(1));
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && unit == "b"
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
    use crate::detect::normalize::fold_text;

    #[test]
    fn every_phrase_is_written_folded_and_single_spaced() {
        for lang in Lang::ALL {
            for (role, phrases) in entries(lang) {
                for phrase in *phrases {
                    let folded = fold_text(phrase);
                    assert_eq!(&folded, phrase, "{lang:?} {role:?}: write it folded");
                    assert!(
                        !phrase.contains("  ") && phrase.trim() == *phrase,
                        "{phrase:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("pt"), None);
    }

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
