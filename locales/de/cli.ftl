# Das Terminal: `tunegate check` und die Audit-Ausgabe von `decisions show` und `decisions stats`
# (mit --lang oder der Sprache aus LANG). Fehler für den Betrieb bleiben Englisch.

## tunegate check
cli-topic-prompt = Was wird vorgeschlagen? (eine Zeile, Enter zum Überspringen):{" "}
cli-no-description = (keine Beschreibung)
cli-stopped-before = Vor der ersten Frage beendet; es wurde nichts gespeichert.
cli-question = Frage { $number } von { $total }: { $question }
cli-none-of-these = Nichts davon
cli-back-hint = , oder b für zurück
cli-answer-drivers = Nummern mit Kommas getrennt, oder 0 für nichts{ $back }:{" "}
cli-answer-goal = Antworte 1-6:{" "}
cli-answer-gate = Antworte 1-3 (y/n/?){ $back }:{" "}
cli-describe-goal = Beschreib das Ziel in ein paar Worten:{" "}
cli-not-a-choice = Sorry, { $text } gehört nicht zu den Auswahlmöglichkeiten.
cli-input-ended = Die Eingabe endete
cli-interrupted = Unterbrochen
cli-abandoned = { $why } vor der letzten Antwort. Checkliste #{ $id } bleibt als liegen geblieben mit den bisherigen Antworten gespeichert; es wurde keine Entscheidung gespeichert.
cli-verdict = Urteil für Checkliste #{ $id }: { $headline }
cli-why = Warum:
cli-next-steps = Nächste Schritte:
cli-checklist-version = (Checkliste { $version })
cli-savings = Geschätzte Ersparnis (mit der Entscheidung gespeichert):
cli-savings-does-not-pay = Mit diesen Zahlen rechnet sich Fine-Tuning nicht innerhalb von 12 Monaten, und das Volumen ist der einzige Grund, den dieses Urteil dafür nennt. Prüf die Zahlen; solange sie sich nicht ändern, ist Arbeit am Prompt des generischen Modells (oder ein günstigeres generisches Modell) die bessere Investition.

## tunegate decisions show
cli-walkthrough = Checkliste #{ $id }  ({ $status }, gestartet aus { $source })
cli-requester = Anfrage    { $name } ({ $id })
cli-started = Gestartet  { $when }
cli-closed = Beendet    { $when }
cli-where = Wo         Server { $guild }, Kanal { $channel }, Thread { $thread }
cli-revisits = Prüft neu  #{ $id }
cli-checklist = Checkliste { $version }
cli-proposal = Vorschlag:
cli-answers = Antworten in der gegebenen Reihenfolge (geänderte Antworten inbegriffen):
cli-none-yet = (noch keine)
cli-answer-by = (von { $name })
cli-verdict-line = Urteil: { $headline }  ({ $when })
cli-decided-with = Entschieden mit Checkliste { $version }
cli-no-verdict = Kein Urteil: Die Checkliste ist { $status }.
cli-reviews = Bewertungen:
cli-review = #{ $id } { $when } { $outcome } von { $name }
cli-revisit-on = Wiedervorlage am { $day }{ $reminded }
cli-reminder-posted = {" "}(Erinnerung gepostet { $when })
cli-outcomes = Ergebnisse:
cli-outcome = #{ $id } { $when } { $result } von { $name } ({ $how })
cli-estimate = Geschätzte Ersparnis (die neueste von { $count }, von { $name }, { $when }):
cli-estimate-generic = generisches Modell, pro Monat
cli-estimate-tuned = feinabgestimmtes Modell, pro Monat
cli-estimate-saving = Ersparnis pro Monat, nach Pflege
cli-estimate-break-even = Break-even, Monate
cli-estimate-net = netto nach 12 Monaten
cli-notes = Notizen:
cli-drivers-none = keine

## tunegate decisions stats
cli-stats-walkthroughs = Checklisten:  { $count } ({ $statuses })
cli-stats-none = keine
cli-stats-decisions = Entscheidungen: { $count }  (verfrüht { $premature }, noch nicht gerechtfertigt { $not_justified }, gerechtfertigt { $justified })
cli-stats-premature = Verfrüht:     { $share }
cli-stats-gate = Am häufigsten verfehlte Bedingung: { $gate } ({ $short }), in { $count } Entscheidungen nicht erfüllt
cli-stats-gate-none = Am häufigsten verfehlte Bedingung: keine
cli-stats-gate-failures = Verfehlte Bedingungen: { $list }
cli-stats-drivers = Genannte Treiber: { $list }
cli-stats-detections = Erkennungen im Chat: { $count }, als keine Anfrage verworfen: { $dismissed } ({ $rate })
cli-stats-detector = Der Detektor im Betrieb (gestartet / (gestartet + verworfen)):
cli-stats-outcomes = Ergebnisse:
cli-stats-by-month = Pro Monat:     verfrüht  noch-nicht-gerechtfertigt  gerechtfertigt
cli-stats-chart-title = Fine-Tuning-Entscheidungen
