//! The built-in phrase tables, per language: what proposes, negates, rejects, reports or asks.
//!
//! Every entry is written the way [`super::normalize`] folds text: lowercase, no accents
//! ("wäre" is "waere", "peut-être" is "peut etre"), contractions expanded ("don't" is "do not",
//! "qu'on" is "que on"). A phrase matches consecutive words of one clause; `*` matches any one
//! word. What each role does is documented on [`Role`]. A unit test checks the spelling.
//!
//! Adding a phrasing is adding it here, plus a line in `tests/data/detect_corpus.tsv` that needs it.

use super::roles::{Lang, Role};

pub(crate) type Entries = &'static [(Role, &'static [&'static str])];

#[rustfmt::skip]
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
            "can we", "can you", "let us", "why not", "how about", "what about", "what if",
            "i suggest", "we suggest", "suggest we", "suggestion", "i propose", "propose we",
            "proposal", "idea", "i think we", "think we", "thinking about", "thinking of",
            "consider", "considering", "considered", "in favour of", "in favor of", "i vote",
            "vote for", "+1", "go for", "try", "want to", "wanna", "going to", "gonna", "plan",
            "hear me out", "better off", "would it make sense", "it is time", "ok to", "okay to",
            "do we want", "are we going to", "i would", "we would", "let me", "i will", "we will",
            "i can", "happy to", "can someone", "could someone", "someone should", "who wants to",
            "wants to", "anyone want to", "what do you think about", "thoughts on",
            "thoughts about", "opinions on", "how do we feel about", "time for", "pitching",
            "fix is to", "solution is to", "answer is to", "best bet is", "plan is to",
        ],
    ),
    (
        Role::ProposalAfter,
        &[
            "way to go", "next step", "makes sense", "would help", "would fix", "worth a try",
            "worth it", "sounds like", "right call", "good idea", "is the answer", "an option",
            "feels like", "right tool", "right approach",
            "the way forward",
        ],
    ),
    (Role::QuestionLead, &["do we", "are we", "we"]),
    (
        Role::Rhetorical,
        &[
            "why do not we", "why did not we", "why not", "any reason not to", "anyone against",
            "any objections to", "any objection to",
        ],
    ),
    (
        Role::RhetoricalQuestion,
        &[
            "should not we", "can not we", "could not we", "would not it", "would not we",
            "do not you think", "is not it time", "is not it worth",
        ],
    ),
    (
        Role::Negation,
        &[
            "not", "no", "never", "against", "nah", "nope", "stop", "avoid", "skip", "forget",
            "hold off", "decided against", "no need", "no reason", "no point",
        ],
    ),
    (Role::NegationBefore, &["without", "instead", "rather than", "than", "before"]),
    (
        Role::Topic,
        &[
            "asked if", "asked whether", "asks if", "asks whether", "asking if", "asking whether",
            "learn how", "learn about", "read about", "reading about", "understand how",
            "how does", "explain",
        ],
    ),
    (
        Role::Solicit,
        &["thoughts", "any thoughts", "what do you think", "wdyt", "opinions", "objections"],
    ),
    (
        Role::Rejection,
        &[
            "premature", "overkill", "bad idea", "waste", "not worth", "unnecessary", "too early",
            "too soon", "pointless", "useless", "dead end", "not the answer", "not needed",
            "overengineering", "over engineering", "nah", "nope", "overrated", "overhyped",
            "is dead",
        ],
    ),
    (
        Role::Past,
        &[
            "already", "yesterday", "last week", "last night", "last month", "last year",
            "last quarter", "last sprint", "last time", "ago", "earlier", "finished", "is live",
            "went live", "in prod", "in production", "deployed", "shipped", "is done", "was done",
            "took", "tried", "was trained", "were trained", "over the weekend", "is merged",
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
            "error", "exception", "traceback", "oom", "out of memory", "crash", "crashes",
            "crashed", "crashing", "fails", "failing", "failed", "fail", "stuck", "hangs",
            "hanging", "nan", "diverges", "diverging", "overfitting", "overfits", "how do i",
            "how can i", "how to", "any tips", "any ideas", "any idea", "throws", "returned",
            "invalid", "mismatch", "bug", "segfault",
        ],
    ),
];

#[rustfmt::skip]
const FR: Entries = &[
    (
        Role::Proposal,
        &[
            "devrait", "devrions", "devriez", "faudrait", "pourrait", "pourrions", "pourriez",
            "il faut", "peut etre", "vaut le coup", "vaudrait", "aiderait", "serait",
        ],
    ),
    (
        Role::ProposalBefore,
        &[
            "faut il", "doit on", "on doit", "peut on", "est ce que on", "et si", "si on",
            "je propose", "on propose", "proposition", "propose de",
            "il est temps", "temps de", "tenter", "essayer", "essayons", "tentons", "faisons",
            "je suis pour", "je pense que on", "je pense que il", "je pense que nous", "qui veut",
            "quelqu un veut", "on veut", "je veux", "tu veux", "vous voulez", "envie de",
            "que pensez vous de", "vous pensez quoi de",
        ],
    ),
    (Role::ProposalAfter, &["une option", "une piste", "la solution"]),
    (Role::QuestionLead, &["on", "nous", "est ce que on"]),
    (
        Role::Rhetorical,
        &[
            "pourquoi ne pas", "pourquoi on ne", "pourquoi ne", "pourquoi est ce que on ne",
            "pourquoi pas",
        ],
    ),
    (
        Role::RhetoricalQuestion,
        &[
            "ne devrait on", "ne faudrait il", "ne pourrait on", "ne devrions nous",
        ],
    ),
    (
        Role::Negation,
        &[
            "ne", "pas", "jamais", "inutile", "pas besoin", "contre", "aucun", "aucune", "non",
            "eviter",
        ],
    ),
    (Role::NegationBefore, &["sans", "plutot", "au lieu de", "avant de"]),
    (Role::Topic, &["a demande si", "demande si", "demandait si", "apprendre comment"]),
    (
        Role::Solicit,
        &["ca vous dit", "que en pensez vous", "vous en pensez quoi", "des avis", "votre avis"],
    ),
    (
        Role::Rejection,
        &[
            "premature", "prematuree", "excessif", "excessive", "inutile", "mauvaise idee",
            "perte de temps", "trop tot", "pas la solution", "superflu", "surestime",
        ],
    ),
    (
        Role::Past,
        &[
            "deja", "hier", "semaine derniere", "mois dernier", "an dernier", "annee derniere",
            "termine", "terminee", "en ligne", "en production", "en prod", "a ete", "ont ete",
            "fini", "deploye",
        ],
    ),
    (Role::Hypothetical, &["et si", "si on", "si nous"]),
    (
        Role::Trouble,
        &[
            "erreur", "plante", "plantage", "crash", "bloque", "bloquee", "des idees",
            "comment faire", "comment reprendre", "comment corriger", "comment on", "oom", "nan",
            "echoue", "bug",
        ],
    ),
];

#[rustfmt::skip]
const DE: Entries = &[
    (
        Role::Proposal,
        &[
            "sollten", "sollen", "sollte", "solltet", "koennten", "koennte", "muessen", "muessten",
            "vielleicht", "waere", "wuerde", "wuerden", "sinnvoll", "lohnt", "lohnen", "hilft",
        ],
    ),
    (
        Role::ProposalBefore,
        &[
            "koennen wir", "lass uns", "lasst uns", "wie waere es", "vorschlag", "schlage vor",
            "zeit fuer", "ich bin fuer", "man koennte", "brauchen wir", "fande", "faende",
            "probieren", "versuchen", "was haltet ihr von", "was meint ihr zu", "lust",
        ],
    ),
    (Role::ProposalAfter, &["eine option", "die loesung"]),
    (Role::QuestionLead, &["machen wir", "wir"]),
    (Role::Rhetorical, &["warum nicht"]),
    (
        Role::RhetoricalQuestion,
        &[
            "sollten wir", "sollen wir", "koennten wir", "koennen wir", "waere es", "warum",
            "brauchen wir", "muessten wir",
        ],
    ),
    (
        Role::Negation,
        &[
            "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "gegen",
            "nein",
        ],
    ),
    (Role::NegationBefore, &["statt", "anstatt", "ohne", "bevor"]),
    (Role::Topic, &["hat gefragt ob", "fragt ob", "fragte ob"]),
    (Role::Solicit, &["was meint ihr", "was haltet ihr davon", "meinungen", "einwaende"]),
    (
        Role::Rejection,
        &[
            "verfrueht", "uebertrieben", "unnoetig", "zu frueh", "schlechte idee", "verschwendung",
            "overkill", "keine loesung", "ueberbewertet",
        ],
    ),
    (
        Role::Past,
        &[
            "gestern", "bereits", "letzte woche", "letzten", "fertig", "live", "wurde", "wurden",
            "seit", "im maerz",
        ],
    ),
    (
        Role::Hypothetical,
        &["wenn wir", "falls wir", "was waere wenn"],
    ),
    (
        Role::Trouble,
        &[
            "fehler", "absturz", "stuerzt", "bricht", "abbruch", "haengt", "eine idee",
            "weiss jemand", "hat jemand eine idee", "wie setze", "wie kann ich", "wie mache ich", "oom",
            "nan",
        ],
    ),
];

#[rustfmt::skip]
const ES: Entries = &[
    (
        Role::Proposal,
        &[
            "deberiamos", "deberia", "debemos", "podriamos", "podria", "habria que", "hay que",
            "tendriamos que", "tenemos que", "quizas", "quiza", "tal vez", "vale la pena", "seria",
            "ayudaria", "conviene", "convendria",
        ],
    ),
    (
        Role::ProposalBefore,
        &[
            "y si", "que tal", "que os parece", "que opinais de", "propongo", "propuesta", "creo que", "yo haria", "haria", "hagamos",
            "entrenemos", "reentrenemos", "afinemos", "probemos", "intentemos", "estoy a favor",
            "a favor de",
        ],
    ),
    (Role::ProposalAfter, &["una opcion", "la solucion"]),
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
            "no", "nunca", "ni", "contra", "evitar",
        ],
    ),
    (Role::NegationBefore, &["sin", "en vez de", "en lugar de", "antes de"]),
    (Role::Topic, &["pregunto si", "pregunta si", "preguntaba si"]),
    (Role::Solicit, &["que opinais", "que os parece", "que pensais", "opiniones"]),
    (
        Role::Rejection,
        &[
            "prematuro", "prematura", "excesivo", "excesiva", "innecesario", "demasiado pronto",
            "mala idea", "perdida de tiempo", "sobrevalorado",
        ],
    ),
    (
        Role::Past,
        &[
            "ya", "ayer", "semana pasada", "ano pasado", "mes pasado", "termino", "en produccion",
            "hice", "hicimos", "hizo", "fue", "fueron",
        ],
    ),
    (Role::Hypothetical, &["y si", "si hacemos", "si entrenamos"]),
    (
        Role::Trouble,
        &[
            "error", "falla", "fallo", "atascado", "alguna idea", "alguien sabe", "como retomo",
            "como hago", "como puedo", "como arreglo", "bloqueado", "oom", "nan",
        ],
    ),
];

pub(crate) fn entries(lang: Lang) -> Entries {
    match lang {
        Lang::En => EN,
        Lang::Fr => FR,
        Lang::De => DE,
        Lang::Es => ES,
    }
}
