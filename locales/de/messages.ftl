# Was tunegate sagt, wenn es etwas ablehnt oder über das Audit berichtet; die Oberflächen zeigen
# es so, wie es ist. { $requester } und { $roles } werden, wo möglich, zu Erwähnungen.

walkthrough-missing = Diese Checkliste gibt es nicht mehr. Starte eine neue mit `/finetune check`.
wrong-place = Dieser Button gehört zu keiner Checkliste in diesem Kanal.
may-not-answer = Nur die Person, die das vorgeschlagen hat ({ $requester }){ $roles }, kann diese Checkliste beantworten. Es wurde nichts gespeichert.
may-not-answer-roles = {" "}oder Mitglieder von { $roles }
may-not-audit = Vergangene Entscheidungen sind für Mitglieder mit der Berechtigung **Server verwalten**{ $roles } offen. Frag die Server-Admins, wenn du Zugriff brauchst.
may-not-audit-roles = {" "}oder für Mitglieder von { $roles }
may-not-revisit = Nur die Person, die Entscheidung #{ $id } vorgeschlagen hat, oder Mitglieder, die Entscheidungen prüfen dürfen, können sie erneut durchlaufen.
closed-decided = Diese Checkliste ist abgeschlossen; ihr Urteil ist gespeichert.
closed = Diese Checkliste ist { $status } und nimmt keine Antworten mehr an. Starte eine neue mit `/finetune check`.
already-closed = Diese Checkliste war schon geschlossen.
stale-step = Diese Frage wurde schon beantwortet. Die Checkliste ist jetzt bei Frage { $current } von { $total }; nimm die Buttons der neuesten Nachricht.
no-open-walkthrough = In diesem Thread gibt es keine offene Checkliste.
not-in-this-server = Auf diesem Server gibt es keine Checkliste #{ $id }. `/finetune-audit history` listet sie auf.
outcome-result-solved = Ohne Fine-Tuning gelöst
outcome-result-partly = Teilweise
outcome-result-still_needed = Fine-Tuning weiter nötig
outcome-result-not_tried = Noch nicht ausprobiert
outcome-result-paid_off = Ja, und es hat sich gelohnt
outcome-result-no_gain = Ja, ohne klaren Gewinn
outcome-result-not_yet = Noch nicht
outcome-result-dropped = Verworfen
outcome-recorded = Ergebnis #{ $outcome } für Entscheidung #{ $id } gespeichert: { $result }.
outcome-already-recorded = Nichts Neues gespeichert: Diese Anfrage ist schon als Ergebnis #{ $outcome } von Entscheidung #{ $id } gespeichert: { $result }.
outcome-by-hand = von Hand
outcome-follow-up-round = Nachfrage { $round }
outcome-none-yet = Noch keins. `/finetune-audit outcome id:{ $id }` hält fest, wie es ausgegangen ist.
outcome-estimate-never = nie
stats-outcomes-premature = VERFRÜHT-Entscheidungen mit Ergebnis: { $count }. Ohne Fine-Tuning gelöst: { $solved } ({ $share }; die Checkliste nimmt { $assumed } an). Teilweise: { $partly }. Fine-Tuning weiter nötig: { $still_needed }.
stats-outcomes-justified = GERECHTFERTIGT-Entscheidungen mit Ergebnis: { $count }. Gelohnt: { $paid_off } ({ $share }). Ohne klaren Gewinn: { $no_gain }. Verworfen: { $dropped }.
stats-outcomes-awaiting = Entscheidungen, die noch auf ein Ergebnis warten: { $awaiting }.
stats-outcomes-assumed = { $percent }, { $in_ten } von 10
review-gone = Die Bewertung zu dieser Erinnerung gibt es hier nicht mehr.
revisit-running = Checkliste #{ $open } prüft Entscheidung #{ $id } schon erneut; antworte in ihrem Thread.
review-refused = Ich habe die Bewertung nicht gespeichert: { $reason }.
could-not-record = Ich konnte das nicht speichern{ $reason }. Es wurde nichts gesichert; versuch es bitte noch einmal.
fault-busy = : Die Datenbank ist beschäftigt
fault-full = : Die Festplatte der Datenbank ist voll
fault-read-only = : Die Datenbank ist schreibgeschützt
fault-write-failed = : In die Datenbank konnte nicht geschrieben werden
checklist-stale = Diese Frage ist schon beantwortet oder nicht mehr aktuell; nimm bitte die Buttons der neuesten Frage.
checklist-finished = Diese Checkliste ist schon abgeschlossen; ihr Urteil ist gespeichert.
checklist-nothing-back = Das ist die erste Frage; davor gibt es nichts.
checklist-missing-detail = Beschreib das Ziel bitte in ein paar Worten.
checklist-detail-too-long = Die Beschreibung ist zu lang ({ $chars } Zeichen); bleib bitte unter { $max }.
review-not-found = hier gibt es keine Entscheidung #{ $id }; `/finetune-audit history` (oder `tunegate decisions list`) zeigt die Nummern
review-not-decided = Checkliste #{ $id } hat noch kein Urteil (sie ist { $status }); nur eine entschiedene Checkliste kann bewertet werden
review-note-required = ein überstimmtes Urteil braucht eine Notiz mit dem Grund; füg eine hinzu und versuch es noch einmal
review-note-too-long = die Notiz ist länger als { $max } Zeichen; kürz sie und versuch es noch einmal
review-revisit-past = das Wiedervorlagedatum { $day } ist schon vorbei; wähl heute oder einen späteren Tag
audit-help-commands =
    `/finetune-audit history`: vergangene Checklisten mit Filtern, 10 pro Seite
    `/finetune-audit show id:`: eine Checkliste vollständig
    `/finetune-audit review id: outcome:`: die Sicht des Teams festhalten, auf Wunsch mit Wiedervorlage
    `/finetune-audit outcome id: result: [note]`: festhalten, wie eine Entscheidung ausgegangen ist
    `/finetune-audit stats [period]`: Zahlen und ein Diagramm
    `/finetune-audit export`: eine CSV- oder JSON-Datei mit den Entscheidungen dieses Servers
    `/finetune-audit settings`: die Einstellungen dieses Servers und wer sie geändert hat; mit Optionen ändern (Server verwalten)
    `/finetune-audit help`: diese Liste und wer sie benutzen darf
audit-help-who = Mitglieder mit **Server verwalten** sehen `/finetune-audit`; Server-Admins können es unter Servereinstellungen → Integrationen → tunegate für andere Rollen oder Kanäle freigeben. Ich prüfe trotzdem jede Nutzung: Server verwalten{ $roles }. Wer eine Entscheidung vorgeschlagen hat und die Antwortrollen können ihr Ergebnis festhalten (hier, wenn der Befehl für sie freigegeben ist, oder mit den Nachfrage-Buttons in ihrem Thread).
audit-help-roles = {" "}oder eine der auf meinem Host eingestellten Audit-Rollen
outcome-not-found = Hier gibt es keine Entscheidung #{ $id }. `/finetune-audit history` (oder `tunegate decisions list`) zeigt die Nummern.
outcome-not-decided = Checkliste #{ $id } hat noch kein Urteil; nur eine Entscheidung hat ein Ergebnis.
outcome-wrong-question = „{ $result }“ passt nicht zu einer { $verdict }-Entscheidung; nimm eins von: { $allowed }.
outcome-note-too-long = Die Notiz ist länger als { $max } Zeichen; kürz sie und versuch es noch einmal. Es wurde nichts gespeichert.
may-not-record-outcome = Nur die Person, die Entscheidung #{ $id } vorgeschlagen hat, Mitglieder der Antwortrollen oder Mitglieder, die Entscheidungen prüfen dürfen, können festhalten, wie sie ausgegangen ist.
estimate-not-decided = Hier gibt es keine Entscheidung #{ $id }, für die sich die Ersparnis schätzen ließe.
cost-not-a-number = { $field } muss eine Zahl sein, nicht „{ $value }“. Es wurde nichts gespeichert.
cost-negative = { $field } darf nicht negativ sein (du hast { $value } angegeben). Es wurde nichts gespeichert.
cost-zero = { $field } muss größer als null sein. Es wurde nichts gespeichert.
cost-too-large = { $field } ist { $value }, mehr als die { $max }, die diese Schätzung annimmt; prüf die Zahl. Es wurde nichts gespeichert.
suggestion-gone = Dieser Vorschlag ist nicht mehr da. Starte die Checkliste mit `/finetune check`.
stats-detection-thread = Vom Detektor geöffnete Threads: { $started } gestartet, { $dismissed } als keine Anfrage verworfen (Präzision { $precision }).
stats-detection-suggest = Vorgeschlagene Checklisten: { $started } gestartet, { $dismissed } als kein Vorschlag verworfen (Präzision { $precision }); { $expired } unbeantwortet abgelaufen.
# Der Status einer Checkliste, wie ihn die Sätze oben nennen.
status-open = offen
status-decided = entschieden
status-abandoned = liegen geblieben
status-cancelled = abgebrochen
status-dismissed = verworfen
# Die Namen der Urteile, in jeder Nachricht und jeder Ansicht.
verdict-headline-premature = VERFRÜHT
verdict-headline-not-justified-yet = NOCH NICHT GERECHTFERTIGT
verdict-headline-justified = GERECHTFERTIGT

## Einstellungen pro Server: `/finetune-audit settings` und `tunegate guild settings`
may-not-change-settings = Nur Mitglieder mit der Berechtigung **Server verwalten** können die Einstellungen dieses Servers ändern. Es wurde nichts geändert.
setting-out-of-range = Die Einstellung „{ $setting }“ muss zwischen { $min } und { $max } liegen. Es wurde nichts geändert.
setting-unknown-language = „{ $language }“ spreche ich noch nicht; wähl eine von { $languages }. Es wurde nichts geändert.
setting-detection-off-on-host = Dieser Bot läuft, ohne den Chat zu lesen (sein Host setzt `detect.enabled = false`, also schickt Discord ihm keinen Nachrichtentext); frag die Person, die ihn betreibt. `/finetune check` und das Nachrichtenmenü funktionieren weiterhin. Es wurde nichts geändert.
setting-list-full = Eine Liste von Kanälen oder Rollen hat höchstens { $max } Einträge; nimm zuerst welche heraus. Es wurde nichts geändert.
setting-name-channel-cooldown = Pause pro Kanal
setting-name-user-cooldown = Pause pro Person
setting-name-follow-up = Wartezeit bis zur Nachfrage
settings-title = tunegate-Einstellungen für diesen Server
settings-intro = Geändert wird mit den Optionen von `/finetune-audit settings` (Server verwalten). Alles, was hier nicht geändert wurde, kommt aus der Konfiguration auf dem Host des Bots.
settings-label-detection = Chat nach Vorschlägen lesen
settings-label-watch_channels = Beobachtete Kanäle
settings-label-ignore_channels = Ignorierte Kanäle
settings-label-channel_cooldown = Pause pro Kanal
settings-label-user_cooldown = Pause pro Person
settings-label-answer_roles = Rollen, die jede Checkliste beantworten dürfen
settings-label-language = Sprache
settings-label-follow_up_after = Nachfrage nach einem Urteil
settings-label-log_channel = Kanal für das Entscheidungsprotokoll
settings-on = an
settings-off = aus (Slash-Befehle funktionieren weiterhin)
settings-every-channel = alle Kanäle
settings-none = keine
settings-no-log = keiner (Urteile bleiben in ihren Threads)
settings-language-auto = die Discord-Sprache jeder Person (ein Vorschlag im Chat: die Sprache, in der er geschrieben ist)
settings-no-cooldown = keine
settings-from-host = Konfiguration des Hosts
settings-from-server = gesetzt von { $by } { $when }
settings-gone = { $value } (gibt es hier nicht mehr; wird ignoriert)
settings-history-title = Letzte Änderungen
settings-history-reset = zurück zum Wert des Hosts
settings-changed = Einstellungen geändert. Dieser Server hat jetzt:
settings-unchanged = Das waren schon die Einstellungen; es wurde nichts geändert.

## Der Kanal für das Entscheidungsprotokoll: ein kompaktes Embed pro Urteil und pro Ergebnis
log-verdict-title = Entscheidung #{ $id }: { $verdict }
log-outcome-title = Entscheidung #{ $id }: Ergebnis festgehalten
log-field-requester = Vorgeschlagen von
log-field-goal = Ziel
log-field-result = Ergebnis
log-field-recorded-by = Festgehalten von
log-open-thread = Thread öffnen
log-no-thread = kein Thread
