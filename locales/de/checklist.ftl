# Die Checkliste: Einleitung, Fragen und Antworten, Urteile, Gründe und Ratschläge.
# Platzhalter: { $min_examples }, { $specialised_examples }, { $monthly_requests } und
# { $cost_factor } sind die Schwellen aus config/checklist.toml; { $gate } ist der Kurztext einer
# Bedingung, { $driver } der Name eines Treibers.

checklist-intro = Fine-Tuning kommt oft auf, wenn die Ergebnisse enttäuschen. Es ist teuer, braucht Zeit zum Aufsetzen und hinterlässt eine Trainings-Pipeline, die gepflegt werden will. Meistens (in etwa 8 von 10 Fällen) lösen ein schärferer System-Prompt, ein paar gut gewählte Beispiele oder besser strukturierte Eingaben das Problem für viel weniger Geld. Sechs kurze Fragen zeigen, ob euer Fall die Ausnahme ist.
checklist-goal-question = Was möchtest du am Verhalten des Modells ändern?

checklist-goal-output_format-label = Ausgabeformat
checklist-goal-output_format-example = z. B. immer gültiges JSON mit genauer Struktur
checklist-goal-output_format-advice = Gib das genaue Ausgabeschema im System-Prompt an und zeig zwei oder drei vollständige, gültige Beispiele. Nutze den Structured-Output- oder JSON-Modus des Anbieters, falls es einen gibt, und prüfe jede Antwort.

checklist-goal-tone_style-label = Ton und Stil
checklist-goal-tone_style-example = z. B. nach unserer Marke klingen
checklist-goal-tone_style-advice = Beschreib die Stimme in ein paar konkreten Regeln (Satzlänge, Wörter, die rein- und rausgehören) und füg drei bis fünf kurze Beispielantworten hinzu, so geschrieben, wie du sie haben willst.

checklist-goal-business_rules-label = Geschäftsregeln
checklist-goal-business_rules-example = z. B. unsere fachlichen Regeln anwenden
checklist-goal-business_rules-advice = Schreib die Regeln ausdrücklich als nummerierte Liste in den Prompt, mit einem Beispiel für jeden kniffligen Fall. Gib die Fakten, die eine Regel braucht, als strukturierte Eingabe mit, statt zu hoffen, dass das Modell sie kennt.

checklist-goal-edge_cases-label = Verhalten in Grenzfällen
checklist-goal-edge_cases-example = z. B. „Ich weiß es nicht“ sagen statt etwas zu erfinden
checklist-goal-edge_cases-advice = Sag dem Modell genau, was es tun soll, wenn es unsicher ist (mit welchen Worten es antwortet, wann es zurückfragt), und nimm ein Beispiel für eine Frage auf, die es ablehnen muss.

checklist-goal-cost_latency_privacy-label = Kosten, Latenz, Datenschutz oder eine sehr spezielle Aufgabe
checklist-goal-cost_latency_privacy-example = die Fälle, in denen sich Fine-Tuning lohnen kann
checklist-goal-cost_latency_privacy-advice = Erst messen: heutige Anfragen und Rechnung pro Monat, die Latenz, die ihr braucht, gegenüber der, die ihr bekommt, und wohin die Daten dürfen und wohin nicht. Diese Zahlen entscheiden, ob ein kleineres feinabgestimmtes Modell seinen Pflegeaufwand wert ist.

checklist-goal-other-label = Etwas anderes
checklist-goal-other-example = beschreib es in ein paar Worten
checklist-goal-other-advice = Schreib zwei oder drei echte Eingaben auf, bei denen das Modell danebenliegt, und was es hätte antworten sollen. Diese Fälle werden deine ersten Few-Shot-Beispiele und der Anfang eines Evaluationssets.

checklist-gate-g1-question = Habt ihr mindestens { $min_examples } hochwertige Ein-/Ausgabe-Beispiele zum Trainieren?
checklist-gate-g1-short = { $min_examples }+ hochwertige Beispiele
checklist-gate-g1-next-step = Sammelt und bereinigt mindestens { $min_examples } echte Ein-/Ausgabe-Paare; eine Stichprobe von Hand durchzusehen zeigt, wie gut sie wirklich sind.

checklist-gate-g2-question = Gibt es ein Team, das eine Fine-Tuning-Pipeline dauerhaft pflegen kann (Daten, Training, Evaluation, erneutes Deployment)?
checklist-gate-g2-short = ein Team, das die Pipeline pflegt
checklist-gate-g2-next-step = Benennt eine verantwortliche Person für die Trainings-Pipeline und klärt, wer neu trainiert, evaluiert und neu ausrollt, wenn sich Basismodell oder Daten ändern.

checklist-gate-g3-question = Habt ihr zuerst versucht, den Prompt zu verbessern, mit Few-Shot-Beispielen?
checklist-gate-g3-short = Prompt und Few-Shot-Beispiele zuerst ausprobiert
checklist-gate-g3-next-step = Nehmt euch einen Tag für den System-Prompt: klare Anweisungen, drei bis fünf Few-Shot-Beispiele, strukturierte Eingaben. Vergleicht vorher und nachher an denselben Fällen.

checklist-gate-g4-question = Habt ihr an euren echten Fällen gemessen, dass das generische Modell nicht reicht?
checklist-gate-g4-short = generisches Modell als unzureichend gemessen
checklist-gate-g4-next-step = Baut ein Evaluationsset aus echten Fällen (fangt mit 50 bis 100 an), bewertet das generische Modell darauf und schreibt die Lücke auf, die ihr schließen müsst.

checklist-answer-yes = Ja
checklist-answer-no = Nein
checklist-answer-not-sure = Nicht sicher

checklist-drivers-question = Was davon trifft zu? Wähl alles, was passt, oder nichts.
checklist-driver-d1-label = Sehr hohes Aufrufvolumen
checklist-driver-d1-description = Ein kleineres feinabgestimmtes Modell kann ein großes generisches bei einer wiederkehrenden Aufgabe zu etwa { $cost_factor }-mal geringeren Inferenzkosten ersetzen; ab rund { $monthly_requests } Anfragen im Monat ist die Ersparnis groß.
checklist-driver-d2-label = Hochspezialisierte Aufgabe
checklist-driver-d2-description = Ein enges Fachgebiet mit { $specialised_examples }+ hochwertigen Beispielen.
checklist-driver-d3-label = Kritische Latenz
checklist-driver-d3-description = Echtzeitbetrieb, in dem ein kleineres feinabgestimmtes Modell schnell genug antwortet und ein großes nicht.
checklist-driver-d4-label = Datenschutz
checklist-driver-d4-description = Ein selbst gehostetes feinabgestimmtes Modell hält Produktionsdaten im Unternehmen.

checklist-premature-title = Verfrüht: erst die Grundlagen
checklist-premature-summary = Fine-Tuning ist verfrüht: Nicht jede Bedingung ist mit Ja beantwortet.
checklist-premature-failing-gate = Noch nicht: { $gate }.
checklist-not-justified-title = Noch nicht gerechtfertigt
checklist-not-justified-summary = Die Vorarbeit ist gemacht, aber nichts hier braucht ein feinabgestimmtes Modell: Ein generisches Modell mit besserem Prompt ist wahrscheinlich die bessere Investition.
checklist-not-justified-revisit = Schaut wieder drauf, wenn eines davon eintritt: Das Volumen nähert sich { $monthly_requests } Anfragen im Monat, die Latenz wird kritisch, die Daten müssen im Haus bleiben, oder ihr habt { $specialised_examples }+ Beispiele einer eng umrissenen Aufgabe.
checklist-justified-title = Gerechtfertigt: Fine-Tuning kann sich lohnen
checklist-justified-summary = Jede Bedingung ist mit Ja beantwortet und mindestens ein Treiber trifft zu.
checklist-justified-carried-by = Getragen von: { $driver }.
checklist-justified-next-step-1 = Legt eine Baseline fest: Bewertet den heutigen Prompt mit dem generischen Modell auf dem Evaluationsset, damit das feinabgestimmte Modell etwas zu schlagen hat.
checklist-justified-next-step-2 = Benennt, wer für die Trainings-Pipeline und den Plan für das erneute Training verantwortlich ist.
checklist-justified-next-step-3 = Schätzt die Kosten: Datenaufbereitung, Trainingsläufe, Hosting oder Token-Preise und die monatliche Pflege, verglichen mit der heutigen Rechnung.
