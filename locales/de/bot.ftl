# Was der Bot in Discord rund um eine Checkliste sagt: der Rahmen der Fragen, Buttons, Menüs,
# Formulare, das Urteil, Hinweise, Erinnerungen, Vorschläge und /finetune.
# Lass das Markdown (**fett**, `Code`) und jeden { $placeholder } stehen.

## Die Checkliste
thread-name = Fine-Tuning-Check: { $words }
thread-name-empty = Fine-Tuning-Check #{ $id }
question-header = **Frage { $number } von { $total }**: { $question }
opening = { $requester } schlägt Fine-Tuning vor:{ $quote }
no-thread-notice = (Ich konnte hier keinen Thread öffnen: Server-Admins können mir die Berechtigungen **Öffentliche Threads erstellen** und **Nachrichten in Threads senden** geben. Machen wir in diesem Kanal weiter.)
answered = > { $answer } (beantwortet von { $by })
went-back = > { $by } ist zurückgegangen, um die vorige Antwort zu ändern.
button-add-note = Notiz hinzufügen
button-back = Zurück
button-dismiss = Keine Fine-Tuning-Anfrage
button-no-drivers = Nichts davon
select-goal = Wähl das Ziel
select-drivers = Wähl alles, was zutrifft
no-drivers = Nichts davon
modal-goal-title = Beschreib das Ziel
modal-goal-label = Was soll das Modell besser machen?
modal-note-title = Notiz hinzufügen
modal-note-label = Notiz oder Links zu Belegen
dismissed = Geschlossen: { $by } hat markiert, dass das keine Fine-Tuning-Anfrage ist. Danke, und sorry für die Störung.
note-saved = Deine Notiz ist bei Checkliste #{ $id } gespeichert.
lost-post = Deine Antwort ist gespeichert, aber Discord hat mich die nächste Nachricht nicht posten lassen. Mit `/finetune resume` siehst du gleich die aktuelle Frage wieder.
unknown-button = Dieser Button gehört nicht zu den aktuellen Buttons von tunegate. Starte eine neue Checkliste mit `/finetune check`.
unknown-form = Dieses Formular gehört nicht zu den aktuellen Formularen von tunegate.
pick-listed-goal = Wähl bitte eines der aufgeführten Ziele.
pick-listed-drivers = Wähl bitte aus den aufgeführten Treibern.
button-out-of-date = Dieser Button ist nicht mehr aktuell.
control-out-of-date = Dieses Element ist nicht mehr aktuell.
form-out-of-date = Dieses Formular ist nicht mehr aktuell.

## Das Urteil
verdict-message = Urteil für Checkliste #{ $id }
verdict-title = { $headline }: { $title }
verdict-why = Warum
verdict-next-steps = Nächste Schritte
verdict-footer = Entscheidung #{ $id } · Checkliste { $version }
verdict-savings = Geschätzte Ersparnis
button-estimate = Ersparnis schätzen
button-estimate-again = Neu schätzen
savings-months = { $months } Monate
savings-never = nie (nach Abzug der Pflege wird nichts gespart)
savings-lines =
    Generisches Modell: { $generic } pro Monat
    Feinabgestimmtes Modell: { $tuned } pro Monat
    Ersparnis nach Pflege: { $saving } pro Monat
    Break-even: { $break_even }
    Netto nach 12 Monaten: { $net }
savings-does-not-pay = **Mit diesen Zahlen rechnet sich Fine-Tuning nicht innerhalb von 12 Monaten**, und das Volumen ist der einzige Grund, den dieses Urteil dafür nennt. Prüf die Zahlen; solange sie sich nicht ändern, ist Arbeit am Prompt des generischen Modells (oder ein günstigeres generisches Modell) die bessere Investition.

## Erinnerungen und Aufräumen
abandoned-notice = Auf diese Checkliste kam eine Weile keine Antwort, also habe ich sie geschlossen (#{ $id }). Mit `/finetune check` fängst du neu an.
reminder = { $mention }diese Checkliste, gestartet { $started }, wartet noch auf eine Antwort auf Frage { $number } von { $total }. Wenn Fine-Tuning vom Tisch ist: Die erste Frage hat einen Button „Keine Fine-Tuning-Anfrage“; `/finetune resume` zeigt die aktuelle Frage noch einmal.

## Vorschläge (der sanftere erste Schritt)
suggest-text = Denkst du über Fine-Tuning nach? Die Checkliste dauert zwei Minuten und findet oft zuerst eine günstigere Lösung.
suggest-start = Fine-Tuning-Checkliste starten
suggest-dismiss = Kein Vorschlag
suggest-unknown-button = Dieser Button gehört nicht zu den aktuellen Buttons von tunegate. Es wurde nichts gespeichert.

## /finetune und das Nachrichtenmenü
use-in-server = Nutz das in einem Kanal auf einem Server.
could-not-start = Ich konnte die Checkliste nicht starten: { $error }.
default-topic = Fine-Tuning-Vorschlag
no-text-message = (eine Nachricht ohne Text)
started-in = Checkliste #{ $id } in { $home } gestartet.
started = Checkliste #{ $id } gestartet.
started-no-thread = {" "}Ich konnte keinen Thread öffnen: Server-Admins können mir in diesem Kanal **Öffentliche Threads erstellen** und **Nachrichten in Threads senden** erlauben.
already-has-checklist = Diese Nachricht hat schon Checkliste #{ $id }.
cancelled-notice = Checkliste #{ $id } wurde von { $by } abgebrochen. Es wurde keine Entscheidung gespeichert.
cancelled = Checkliste #{ $id } abgebrochen.
could-not-post-question = Ich konnte die Frage nicht posten: { $error }.
current-question = Hier ist die aktuelle Frage von Checkliste #{ $id }.
command-failed = Bei mir ist etwas schiefgelaufen; nichts ist verloren. Versuch es bitte gleich noch einmal.
help-commands-heading = **Befehle**
help-commands =
    `/finetune check [topic]`: die Checkliste in einem neuen Thread starten (oder hier, in einem Thread)
    `/finetune cancel`: die Checkliste dieses Threads abbrechen
    `/finetune resume`: die aktuelle Frage noch einmal zeigen
    Nachrichtenmenü → Apps → **Fine-Tuning-Checkliste starten**: auf einer beliebigen Nachricht starten
help-auditing-heading = **Audit**
help-notice = Ich bemerke auch Nachrichten, die Fine-Tuning vorschlagen, und biete die Checkliste in einem Thread an; „Keine Fine-Tuning-Anfrage“ schließt sie. Nur die vorschlagende Person{ $reviewers } kann antworten.
help-reviewers = {" "}(und die eingestellten Prüfrollen)

## Nachfragen: wie eine Entscheidung ausgegangen ist
follow-up-prompt-work = Hat die Arbeit am Prompt das Problem gelöst?
follow-up-fine-tune = Habt ihr feinabgestimmt?
follow-up-again = {" "}(ich frage noch einmal)
follow-up =
    { $mention }Checkliste #{ $id } endete mit **{ $verdict }** für „{ $proposal }“. { $question }{ $again }
    Deine Antwort fließt in die Aufzeichnung des Teams ein, wie seine Entscheidungen ausgegangen sind.
follow-up-note-label = Gibt es etwas, das das Team wissen sollte? (optional)
follow-up-recorded = **{ $result }**, festgehalten von { $by } { $when }
follow-up-already = Diese Nachfrage ist schon beantwortet: { $recorded }. Es wurde nichts Neues gespeichert.
follow-up-thanks-head = Checkliste #{ $id }: So ist es ausgegangen. { $recorded }
follow-up-ask-again = Ich frage in { $delay } noch einmal nach.
follow-up-thanks = Danke: So lernt das Team, welche Ratschläge sich bewähren.
note-to-copy = Deine Notiz zum Kopieren:
duration-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tagen
}
duration-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
duration-minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
duration-seconds = { $count ->
    [one] { $count } Sekunde
   *[other] { $count } Sekunden
}

## Das Formular für die geschätzte Ersparnis
estimate-requests = Anfragen pro Monat
estimate-requests-example = 10.000.000
estimate-tokens = Durchschnittliche Tokens pro Anfrage: Eingabe / Ausgabe
estimate-tokens-example = 1000 / 200
estimate-prices = Aktuelles Modell, pro 1 Mio. Tokens: Eingabe / Ausgabe
estimate-prices-example = 2.50 / 10.00
estimate-fine-tuned = Feinabgestimmt: Preis Eingabe / Ausgabe oder Kostenfaktor
estimate-fine-tuned-example = 10 (zehnmal günstiger) oder 0.30 / 1.20
estimate-costs = Einmalige Trainingskosten / monatliche Pflege
estimate-costs-example = 20.000 / 5.000
estimate-needs-pair = „{ $label }“ braucht zwei Zahlen mit Schrägstrich dazwischen, etwa 1000 / 200.
estimate-typed = Es wurde nichts gespeichert. Was du eingegeben hast, zum Kopieren:

## Wiedervorlagen und Exportdateien
revisit-trigger = Wiedervorlage von Entscheidung #{ $id }: { $text }
revisit-started = { $by } hat Checkliste #{ $id } gestartet, um sie erneut zu prüfen.
revisit-could-not-start = Ich konnte die Checkliste nicht starten: { $error }. Versuch es stattdessen mit `/finetune check`.
audit-unknown-button = Dieser Button gehört nicht zu den aktuellen Buttons von tunegate. Führ den Befehl noch einmal aus.
export-compressed = Sie war { $size } groß (mehr als die { $limit }, die Discord mich hier anhängen lässt), darum ist sie mit gzip auf { $compressed } komprimiert: Öffne sie mit einem beliebigen Entpackprogramm oder mit `gunzip { $name }`.
export-split = Sie war { $size } groß ({ $compressed } komprimiert), mehr als die { $limit }, die Discord mich hier anhängen lässt, darum ist die komprimierte Datei in { $parts } Teile aufgeteilt, einen pro Nachricht. Füg sie mit `cat { $name }.part* > { $name }` (in der Reihenfolge) zusammen, dann `gunzip { $name }`.
