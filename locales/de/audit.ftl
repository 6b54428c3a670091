# Die Audit-Ansichten in Discord (/finetune-audit history, show, review, stats, export) und die
# Wiedervorlage-Erinnerung. Lass das Markdown und jeden { $placeholder } stehen.

## Verlauf
audit-history-title = Fine-Tuning-Entscheidungen auf diesem Server
audit-filters = Filter: { $filters }
audit-filter-verdict = Urteil { $verdict }
audit-filter-status = Status { $status }
audit-filter-requester = vorgeschlagen von { $requester }
audit-filter-since = seit { $day }
audit-filter-until = bis { $day }
audit-filter-text = Text „{ $text }“
audit-filter-none = alle Checklisten
audit-history-empty = Keine Checkliste auf diesem Server passt zu diesen Filtern.
audit-history-past-end = Auf dieser Seite sind keine Checklisten mehr; geh mit Zurück zurück.
audit-link-thread = Thread
audit-link-channel = Kanal
audit-no-thread = kein Thread
audit-page = Seite { $page }
audit-page-entries = Seite { $page } · Einträge { $first }–{ $last } · /finetune-audit show id: für einen vollständig
audit-previous = Zurück
audit-next = Weiter

## Eine Entscheidung vollständig
audit-cut = {" "}… (gekürzt, damit es in Discord passt)
audit-question-goal = F1 · { $question }
audit-question-gate = F{ $number } · { $gate } { $short }
audit-question-drivers = F{ $number } · Treiber
audit-review-name = Bewertung #{ $id } · { $outcome }
audit-review-outcome-agreed = EINVERSTANDEN
audit-review-outcome-overruled = ÜBERSTIMMT
audit-review-outcome-revisit-later = SPÄTER PRÜFEN
audit-by-on = von { $by } am { $when }
audit-revisit-on = Wiedervorlage am { $day } (UTC): ab { $start }
audit-reminder-posted = {" "}(Erinnerung gepostet { $when })
audit-outcome-name = Ergebnis #{ $id } · { $result }
audit-outcome-by = von { $by } am { $when } · { $how }
audit-estimate-lines =
    Generisches Modell: { $generic } pro Monat
    Feinabgestimmtes Modell: { $tuned } pro Monat
    Ersparnis nach Pflege: { $saving } pro Monat
    Break-even: { $break_even }
    Netto nach 12 Monaten: { $net }
    _von { $by } am { $when }_
audit-estimate-months = { $months } Monate
audit-estimate-name = Geschätzte Ersparnis
audit-estimate-name-of = Geschätzte Ersparnis (die neueste von { $count })
audit-requested-by = Vorgeschlagen von { $requester } · gestartet { $when } · { $status } · aus { $source }
audit-source-chat = dem Chat
audit-source-slash = einem Slash-Befehl
audit-source-context_menu = dem Nachrichtenmenü
audit-source-cli = dem Terminal
audit-discussion = Diskussion: { $link }
audit-revisits = Prüft Entscheidung #{ $id } erneut
audit-proposal = **Vorschlag**
audit-no-text = (kein Text)
audit-answer-by = von { $by } · { $when }
audit-changed-later = {" "}· _später geändert_
audit-answers = Antworten
audit-none-yet = Noch keine.
audit-verdict-name = Urteil: { $verdict }
audit-decided = _entschieden { $when }_
audit-why = Warum
audit-next-steps = Nächste Schritte
audit-verdict = Urteil
audit-no-verdict = Keins: Diese Checkliste ist { $status }.
audit-note-by = Notiz von { $name }
audit-evidence = Links zu Belegen
audit-reviews = Bewertungen
audit-reviews-none = Noch keine. `/finetune-audit review id:{ $id }` hält die Sicht des Teams fest.
audit-outcome = Ergebnis
audit-detail-footer = Checkliste #{ $id } · Checklistenversion { $version }
audit-detail-title = Checkliste #{ $id }
audit-continued = { $title } (Fortsetzung, { $part }/{ $parts })
audit-not-shown = Nicht angezeigt
audit-not-shown-text = { $hidden } weitere Einträge passten nicht in Discord. Auf dem Host des Bots zeigt `tunegate decisions show { $id }` alles.

## Statistik
audit-stats-title = Fine-Tuning-Entscheidungen: { $period }
audit-stats-chart-title = Fine-Tuning-Entscheidungen, { $period }
audit-period-days = die letzten { $days } Tage
audit-period-all = gesamter Zeitraum
audit-stats-decisions = Entscheidungen
audit-stats-decisions-value =
    { $all } insgesamt
    { $premature_name } { $premature }
    { $not_justified_name } { $not_justified }
    { $justified_name } { $justified }
audit-stats-share = Anteil verfrüht
audit-stats-gate = Am häufigsten verfehlte Bedingung
audit-stats-gate-value = { $gate } { $short }: in { $count } Entscheidungen nicht erfüllt
audit-stats-none = keine
audit-stats-drivers = Genannte Treiber
audit-stats-detections = Erkennungen im Chat
audit-stats-detections-value = { $detected } erkannt, { $dismissed } als keine Anfrage verworfen ({ $rate })
audit-stats-months = Letzte Monate
audit-stats-month = `{ $month }` { $premature } verfrüht · { $not_justified } noch nicht · { $justified } gerechtfertigt
audit-stats-detector = Der Detektor im Betrieb
audit-stats-outcomes = Ergebnisse

## Bewertungen, Ergebnisse, Export
audit-bad-day = `{ $option }` muss ein Datum wie 2026-11-29 sein (Jahr-Monat-Tag), nicht „{ $text }“.
audit-since-after-until = `since` darf nicht nach `until` liegen; sonst passt nichts.
audit-text-too-long = `text` darf höchstens { $max } Zeichen haben; nimm weniger Wörter.
audit-review-recorded = Bewertung #{ $review } für Entscheidung #{ $id } gespeichert: **{ $outcome }**.
audit-note = Notiz: { $note }
audit-revisit-when = { $day } (UTC, ab { $start }, { $relative })
audit-revisit-in-thread = Am { $on } poste ich eine Erinnerung in { $home } mit einem Button, um die Checkliste erneut durchzugehen.
audit-revisit-in-channel = Am { $on } poste ich eine Erinnerung in { $home }.
audit-revisit-logged = Diese Entscheidung hat keinen Thread und `discord.audit_channel_id` ist nicht gesetzt, darum wird die Erinnerung am { $on } nur protokolliert.
audit-export-too-many = { $rows } Checklisten passen, mehr als die { $max }, die ich über Discord exportiere. Grenz es mit `since:` ein oder führ `tunegate decisions export --guild { $guild }` auf dem Host des Bots aus.
audit-export-could-not-attach = Ich konnte den Export nicht anhängen: { $error }.
audit-export-too-large = der Export ist selbst komprimiert { $size } groß, mehr als { $parts } Anhänge zu { $limit }; grenz ihn mit `since:` ein oder führ `tunegate decisions export` auf dem Host des Bots aus
audit-export = Export von { $count } Checklisten dieses Servers ({ $format }{ $since }).
audit-export-since = , gestartet seit { $day }
audit-export-part = Teil { $part } von { $parts }.
audit-size-mb = { $size } MB
audit-size-kb = { $size } KB
audit-size-bytes = { $size } Byte

## Die Wiedervorlage-Erinnerung
revisit-due = { $mention }Entscheidung #{ $id } ({ $verdict }) steht heute zur erneuten Prüfung an, wie Bewertung #{ $review } es wollte{ $thread }.
revisit-due-thread = {" "}(ihr Thread: { $link })
revisit-no-verdict = kein Urteil
revisit-review-note = Notiz der Bewertung: { $note }
revisit-run-again-text = Geh die Checkliste noch einmal durch, um zu sehen, ob das Urteil noch gilt.
revisit-run-again = Checkliste erneut durchgehen

## Das Statistik-Diagramm (kurz: es wird in ein Bild gezeichnet)
chart-gates = Bedingungen ohne Ja
chart-drivers = Genannte Treiber
chart-outcomes = Ergebnisse
chart-no-outcome = Noch kein Ergebnis festgehalten.
chart-awaiting = { $count } Entscheidungen warten darauf.
chart-bar-solved = gelöst
chart-bar-partly = teilweise
chart-bar-still = weiter
chart-bar-paid = gelohnt
chart-bar-no-gain = kein Gewinn
chart-bar-dropped = verworfen
chart-outcomes-caption = Ergebnisse: gelöst { $solved } (angenommen { $assumed })
chart-no-decisions = Keine Entscheidungen in diesem Zeitraum.
chart-by-month = Entscheidungen pro Monat
chart-by-month-last = Entscheidungen pro Monat (letzte { $months } Monate)
chart-decisions-axis = Entscheidungen
chart-premature = verfrüht
chart-not-justified = noch nicht gerechtfertigt
chart-justified = gerechtfertigt
