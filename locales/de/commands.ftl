# Was Discord über die Befehle von tunegate zeigt: Beschreibungen, den Eintrag im Nachrichtenmenü,
# Optionen und ihre Auswahlen, auf Deutsch. Behalte jeden { $placeholder } und jede { Referenz }.

## Namen und Beschreibungen der Befehle, wie Discord sie zeigt.
cmd-finetune-description = Fine-Tuning-Checkliste: einen Vorschlag prüfen, bevor jemand feinabstimmt.
cmd-check-description = Die Fine-Tuning-Checkliste starten (in einem neuen Thread oder hier im Thread).
cmd-cancel-description = Die offene Checkliste dieses Threads abbrechen.
cmd-resume-description = Die aktuelle Frage der Checkliste dieses Threads noch einmal zeigen.
cmd-help-description = Wie tunegate funktioniert.
cmd-menu-name = Fine-Tuning-Checkliste starten
cmd-audit-description = Die Fine-Tuning-Entscheidungen dieses Servers prüfen.
cmd-audit-history-description = Vergangene Checklisten dieses Servers, 10 pro Seite (Server verwalten oder eine Audit-Rolle).
cmd-audit-show-description = Eine Checkliste dieses Servers vollständig: Antworten, Urteil, Notizen, Bewertungen.
cmd-audit-review-description = Die Sicht des Teams festhalten: einverstanden, überstimmt (mit Grund) oder später prüfen.
cmd-audit-outcome-description = Festhalten, wie eine Entscheidung ausging (vorschlagende Person, Antwortrollen, Audit).
cmd-audit-stats-description = Zahlen nach Urteil, Anteil verfrüht, verfehlte Bedingungen, Treiber und ein Diagramm.
cmd-audit-export-description = Die Checklisten und Entscheidungen dieses Servers als CSV- oder JSON-Datei.
cmd-audit-settings-description = Die Einstellungen dieses Servers und wer sie geändert hat; mit Optionen ändern (Server verwalten).
cmd-audit-help-description = Wer prüfen darf und was jeder Audit-Befehl macht.

## Die Optionen der Slash-Befehle, wie Discord sie beschreibt: `opt-<Befehl>-<Option>`.
## Optionsnamen bleiben Englisch wie die Befehlsnamen; Beschreibungen bis 100 Zeichen.
opt-finetune-check-topic = Was vorgeschlagen wird, in ein paar Worten
opt-finetune-audit-history-verdict = Nur dieses Urteil
opt-finetune-audit-history-status = Nur dieser Status
opt-finetune-audit-history-requester = Nur Vorschläge dieses Mitglieds
opt-finetune-audit-history-since = Gestartet an oder nach diesem Tag (JJJJ-MM-TT, UTC)
opt-finetune-audit-history-until = Gestartet an oder vor diesem Tag (JJJJ-MM-TT, UTC)
opt-finetune-audit-history-text = Wörter im Vorschlag
opt-finetune-audit-history-share = Die Antwort im Kanal zeigen (Standard: nur du siehst sie)
opt-finetune-audit-show-id = Die Nummer der Checkliste (beim Tippen erscheinen die letzten dieses Servers)
opt-finetune-audit-show-share = Die Antwort im Kanal zeigen (Standard: nur du siehst sie)
opt-finetune-audit-review-id = Die Nummer der Entscheidung (beim Tippen erscheinen die letzten dieses Servers)
opt-finetune-audit-review-outcome = Was das Team daraus schließt
opt-finetune-audit-review-note = Warum (Pflicht beim Überstimmen)
opt-finetune-audit-review-revisit = Ein Tag, um noch einmal draufzuschauen (JJJJ-MM-TT, UTC): ich erinnere im Thread daran
opt-finetune-audit-review-share = Die Antwort im Kanal zeigen (Standard: nur du siehst sie)
opt-finetune-audit-outcome-id = Die Nummer der Entscheidung (beim Tippen erscheinen die letzten dieses Servers)
opt-finetune-audit-outcome-result = Wie es ausgegangen ist
opt-finetune-audit-outcome-note = Was geklappt hat, was nicht (optional)
opt-finetune-audit-stats-period = Welcher Zeitraum (Standard: 90 Tage)
opt-finetune-audit-stats-share = Die Antwort im Kanal zeigen (Standard: nur du siehst sie)
opt-finetune-audit-export-format = Dateiformat (Standard: csv)
opt-finetune-audit-export-since = Nur Checklisten, gestartet an oder nach diesem Tag (JJJJ-MM-TT, UTC)
opt-finetune-audit-export-share = Die Datei im Kanal posten (Standard: nur du bekommst sie)
opt-finetune-audit-settings-detection = Den Chat dieses Servers nach Vorschlägen lesen
opt-finetune-audit-settings-watch = Vorschläge in diesem Kanal (und seinen Threads) lesen
opt-finetune-audit-settings-ignore = Diesen Kanal (und seine Threads) nie lesen
opt-finetune-audit-settings-unlist = Einen Kanal von der Liste der beobachteten und ignorierten Kanäle nehmen
opt-finetune-audit-settings-channel-cooldown-minutes = Minuten, bevor der Chat eines Kanals eine weitere Checkliste starten darf (0: keine Pause)
opt-finetune-audit-settings-user-cooldown-minutes = Minuten, bevor der Chat einer Person eine weitere Checkliste starten darf (0: keine Pause)
opt-finetune-audit-settings-add-answer-role = Mitglieder dieser Rolle dürfen jede Checkliste beantworten
opt-finetune-audit-settings-remove-answer-role = Diese Rolle beantwortet keine fremden Checklisten mehr
opt-finetune-audit-settings-language = Die Sprache der Checklisten auf diesem Server
opt-finetune-audit-settings-follow-up-days = Tage nach einem Urteil, bevor ich nachfrage, wie es ausgegangen ist
opt-finetune-audit-settings-log-channel = Jedes Urteil und jedes Ergebnis in diesem Kanal posten
opt-finetune-audit-settings-log-off = Keine Urteile mehr in einem Kanal für das Entscheidungsprotokoll posten
opt-finetune-audit-settings-reset = Eine Einstellung auf den Wert aus der Konfiguration des Hosts zurücksetzen

## Die Auswahlen dieser Optionen, wie Discord sie zeigt: `choice-<Option>-<Wert>`. Discord
## schickt die Position der Auswahl zurück, nie diese Wörter; bis 100 Zeichen.
choice-verdict-premature = verfrüht
choice-verdict-not-justified-yet = noch nicht gerechtfertigt
choice-verdict-justified = gerechtfertigt
choice-status-open = { status-open }
choice-status-decided = { status-decided }
choice-status-abandoned = { status-abandoned }
choice-status-cancelled = { status-cancelled }
choice-status-dismissed = { status-dismissed }
choice-outcome-agreed = einverstanden
choice-outcome-overruled = überstimmt (Grund in die Notiz)
choice-outcome-revisit-later = später prüfen
# Die Wörter der Nachfrage-Buttons.
choice-result-solved = { outcome-result-solved }
choice-result-partly = { outcome-result-partly }
choice-result-still-needed = { outcome-result-still_needed }
choice-result-not-tried = { outcome-result-not_tried }
choice-result-paid-off = { outcome-result-paid_off }
choice-result-no-gain = { outcome-result-no_gain }
choice-result-not-yet = { outcome-result-not_yet }
choice-result-dropped = { outcome-result-dropped }
choice-period-days30 = 30 Tage
choice-period-days90 = 90 Tage
choice-period-days365 = 365 Tage
choice-period-all = alles
choice-format-csv = csv
choice-format-json = json
# Jede Sprache unter ihrem eigenen Namen, in allen Sprachen.
choice-language-auto = die Discord-Sprache jeder Person
choice-language-en = English
choice-language-fr = Français
choice-language-de = Deutsch
choice-language-es = Español
choice-reset-detection = Erkennung
choice-reset-watch-channels = beobachtete Kanäle
choice-reset-ignore-channels = ignorierte Kanäle
choice-reset-channel-cooldown = Pause pro Kanal
choice-reset-user-cooldown = Pause pro Person
choice-reset-answer-roles = Antwortrollen
choice-reset-language = Sprache
choice-reset-follow-up-after = Wartezeit bis zur Nachfrage
choice-reset-log-channel = Kanal für das Entscheidungsprotokoll
