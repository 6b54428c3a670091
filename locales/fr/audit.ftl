# Les vues d'audit dans Discord (/finetune-audit history, show, review, stats, export) et le
# rappel de réexamen. Garde le markdown et chaque { $placeholder }.

## Historique
audit-history-title = Décisions de fine-tuning de ce serveur
audit-filters = Filtres : { $filters }
audit-filter-verdict = verdict { $verdict }
audit-filter-status = statut { $status }
audit-filter-requester = proposé par { $requester }
audit-filter-since = depuis le { $day }
audit-filter-until = jusqu'au { $day }
audit-filter-text = texte « { $text } »
audit-filter-none = toutes les checklists
audit-history-empty = Aucune checklist de ce serveur ne correspond à ces filtres.
audit-history-past-end = Plus de checklist sur cette page ; reviens en arrière avec Précédent.
audit-link-thread = fil
audit-link-channel = salon
audit-no-thread = pas de fil
audit-page = Page { $page }
audit-page-entries = Page { $page } · entrées { $first }–{ $last } · /finetune-audit show id: pour en voir une en entier
audit-previous = Précédent
audit-next = Suivant

## Une décision en entier
audit-cut = {" "}… (coupé pour tenir dans Discord)
audit-question-goal = Q1 · { $question }
audit-question-gate = Q{ $number } · { $gate } { $short }
audit-question-drivers = Q{ $number } · Moteurs
audit-review-name = Revue #{ $id } · { $outcome }
audit-review-outcome-agreed = D'ACCORD
audit-review-outcome-overruled = CONTREDIT
audit-review-outcome-revisit-later = À REVOIR PLUS TARD
audit-by-on = par { $by } le { $when }
audit-revisit-on = À réexaminer le { $day } (UTC) : à partir de { $start }
audit-reminder-posted = {" "}(rappel posté { $when })
audit-outcome-name = Résultat #{ $id } · { $result }
audit-outcome-by = par { $by } le { $when } · { $how }
audit-estimate-lines =
    Modèle générique : { $generic } par mois
    Modèle affiné : { $tuned } par mois
    Économie après entretien : { $saving } par mois
    Seuil de rentabilité : { $break_even }
    Net après 12 mois : { $net }
    _par { $by } le { $when }_
audit-estimate-months = { $months } mois
audit-estimate-name = Estimation des économies
audit-estimate-name-of = Estimation des économies (la dernière sur { $count })
audit-requested-by = Proposé par { $requester } · lancé { $when } · { $status } · depuis { $source }
audit-source-chat = le chat
audit-source-slash = une commande slash
audit-source-context_menu = le menu d'un message
audit-source-cli = le terminal
audit-discussion = Discussion : { $link }
audit-revisits = Réexamine la décision #{ $id }
audit-proposal = **Proposition**
audit-no-text = (pas de texte)
audit-answer-by = par { $by } · { $when }
audit-changed-later = {" "}· _modifiée ensuite_
audit-answers = Réponses
audit-none-yet = Aucune pour l'instant.
audit-verdict-name = Verdict : { $verdict }
audit-decided = _décidé { $when }_
audit-why = Pourquoi
audit-next-steps = Prochaines étapes
audit-verdict = Verdict
audit-no-verdict = Aucun : cette checklist est { $status }.
audit-note-by = Note de { $name }
audit-evidence = Liens vers des preuves
audit-reviews = Revues
audit-reviews-none = Aucune pour l'instant. `/finetune-audit review id:{ $id }` enregistre l'avis de l'équipe.
audit-outcome = Résultat
audit-detail-footer = Checklist #{ $id } · version de la checklist { $version }
audit-detail-title = Checklist #{ $id }
audit-continued = { $title } (suite, { $part }/{ $parts })
audit-not-shown = Non affiché
audit-not-shown-text = { $hidden } entrées de plus ne tenaient pas dans Discord. Sur l'hôte du bot, `tunegate decisions show { $id }` affiche tout.

## Statistiques
audit-stats-title = Décisions de fine-tuning : { $period }
audit-stats-chart-title = Décisions de fine-tuning, { $period }
audit-period-days = les { $days } derniers jours
audit-period-all = depuis le début
audit-stats-decisions = Décisions
audit-stats-decisions-value =
    { $all } en tout
    { $premature_name } { $premature }
    { $not_justified_name } { $not_justified }
    { $justified_name } { $justified }
audit-stats-share = Part de prématurés
audit-stats-gate = Condition la plus souvent ratée
audit-stats-gate-value = { $gate } { $short } : non remplie dans { $count } décisions
audit-stats-none = aucun
audit-stats-drivers = Moteurs cités
audit-stats-detections = Détections dans le chat
audit-stats-detections-value = { $detected } détectées, { $dismissed } écartées comme n'étant pas une demande ({ $rate })
audit-stats-months = Derniers mois
audit-stats-month = `{ $month }` { $premature } prématurés · { $not_justified } pas encore · { $justified } justifiés
audit-stats-detector = Le détecteur en production
audit-stats-outcomes = Résultats

## Revues, résultats, export
audit-bad-day = `{ $option }` doit être une date comme 2026-11-29 (année-mois-jour), pas « { $text } ».
audit-since-after-until = `since` ne doit pas être après `until` ; rien ne pourrait correspondre.
audit-text-too-long = `text` peut faire au plus { $max } caractères ; utilise moins de mots.
audit-review-recorded = Revue #{ $review } enregistrée pour la décision #{ $id } : **{ $outcome }**.
audit-note = Note : { $note }
audit-revisit-when = { $day } (UTC, à partir de { $start }, { $relative })
audit-revisit-in-thread = Le { $on }, je posterai un rappel dans { $home } avec un bouton pour relancer la checklist.
audit-revisit-in-channel = Le { $on }, je posterai un rappel dans { $home }.
audit-revisit-logged = Cette décision n'a pas de fil et aucun `discord.audit_channel_id` n'est configuré, donc le rappel du { $on } sera seulement journalisé.
audit-export-too-many = { $rows } checklists correspondent, plus que les { $max } que j'exporte via Discord. Affine avec `since:`, ou lance `tunegate decisions export --guild { $guild }` sur l'hôte du bot.
audit-export-could-not-attach = Je n'ai pas pu joindre l'export : { $error }.
audit-export-too-large = l'export fait { $size } même compressé, plus que { $parts } pièces jointes de { $limit } ; affine avec `since:`, ou lance `tunegate decisions export` sur l'hôte du bot
audit-export = Export de { $count } checklists de ce serveur ({ $format }{ $since }).
audit-export-since = , lancées depuis le { $day }
audit-export-part = Partie { $part } sur { $parts }.
audit-size-mb = { $size } Mo
audit-size-kb = { $size } Ko
audit-size-bytes = { $size } octets

## Le rappel de réexamen
revisit-due = { $mention }la décision #{ $id } ({ $verdict }) est à réexaminer aujourd'hui, comme la revue #{ $review } l'a demandé{ $thread }.
revisit-due-thread = {" "}(son fil : { $link })
revisit-no-verdict = pas de verdict
revisit-review-note = Note de la revue : { $note }
revisit-run-again-text = Relance la checklist pour voir si le verdict tient toujours.
revisit-run-again = Relancer la checklist

## Le graphique des statistiques (court : c'est dessiné dans une image)
chart-gates = Conditions sans Oui
chart-drivers = Moteurs cités
chart-outcomes = Résultats
chart-no-outcome = Aucun résultat enregistré pour l'instant.
chart-awaiting = { $count } décisions en attendent un.
chart-bar-solved = réglé
chart-bar-partly = en partie
chart-bar-still = toujours
chart-bar-paid = rentable
chart-bar-no-gain = sans gain
chart-bar-dropped = abandon
chart-outcomes-caption = Résultats : réglé { $solved } (supposé { $assumed })
chart-no-decisions = Aucune décision sur cette période.
chart-by-month = Décisions par mois
chart-by-month-last = Décisions par mois ({ $months } derniers mois)
chart-decisions-axis = décisions
chart-premature = prématuré
chart-not-justified = pas encore justifié
chart-justified = justifié
