# Le terminal : `tunegate check` et la sortie d'audit de `decisions show` et `decisions stats`
# (avec --lang, ou la langue de LANG). Les erreurs pour l'opérateur restent en anglais.

## tunegate check
cli-topic-prompt = Qu'est-ce qui est proposé ? (une ligne, Entrée pour passer) :{" "}
cli-no-description = (pas de description)
cli-stopped-before = Arrêté avant la première question ; rien n'a été enregistré.
cli-question = Question { $number } sur { $total } : { $question }
cli-none-of-these = Aucun de ceux-là
cli-back-hint = , ou b pour revenir en arrière
cli-answer-drivers = Des numéros séparés par des virgules, ou 0 pour aucun{ $back } :{" "}
cli-answer-goal = Réponds 1-6 :{" "}
cli-answer-gate = Réponds 1-3 (y/n/?){ $back } :{" "}
cli-describe-goal = Décris l'objectif en quelques mots :{" "}
cli-not-a-choice = Désolé, { $text } ne fait pas partie des choix.
cli-input-ended = L'entrée s'est terminée
cli-interrupted = Interrompu
cli-abandoned = { $why } avant la dernière réponse. La checklist #{ $id } est gardée comme abandonnée avec les réponses déjà données ; aucune décision n'a été enregistrée.
cli-verdict = Verdict de la checklist #{ $id } : { $headline }
cli-why = Pourquoi :
cli-next-steps = Prochaines étapes :
cli-checklist-version = (checklist { $version })
cli-savings = Estimation des économies (enregistrée avec la décision) :
cli-savings-does-not-pay = Avec ces chiffres, le fine-tuning n'est pas rentabilisé en 12 mois, et le volume est la seule raison que ce verdict donne en sa faveur. Vérifie les chiffres ; tant qu'ils ne changent pas, travailler le prompt du modèle générique (ou passer à un modèle générique moins cher) est le meilleur investissement.

## tunegate decisions show
cli-walkthrough = Checklist #{ $id }  ({ $status }, lancée depuis { $source })
cli-requester = Demandeur  { $name } ({ $id })
cli-started = Lancée     { $when }
cli-closed = Fermée     { $when }
cli-where = Où         serveur { $guild }, salon { $channel }, fil { $thread }
cli-revisits = Réexamine  #{ $id }
cli-checklist = Checklist  { $version }
cli-proposal = Proposition :
cli-answers = Réponses, dans l'ordre donné (réponses modifiées comprises) :
cli-none-yet = (aucune pour l'instant)
cli-answer-by = (par { $name })
cli-verdict-line = Verdict : { $headline }  ({ $when })
cli-decided-with = Décidé avec la checklist { $version }
cli-no-verdict = Pas de verdict : la checklist est { $status }.
cli-reviews = Revues :
cli-review = #{ $id } { $when } { $outcome } par { $name }
cli-revisit-on = à réexaminer le { $day }{ $reminded }
cli-reminder-posted = {" "}(rappel posté le { $when })
cli-outcomes = Résultats :
cli-outcome = #{ $id } { $when } { $result } par { $name } ({ $how })
cli-estimate = Estimation des économies (la dernière sur { $count }, par { $name }, { $when }) :
cli-estimate-generic = modèle générique, par mois
cli-estimate-tuned = modèle affiné, par mois
cli-estimate-saving = économie par mois, entretien déduit
cli-estimate-break-even = rentabilité, en mois
cli-estimate-net = net après 12 mois
cli-notes = Notes :
cli-drivers-none = aucun

## tunegate decisions stats
cli-stats-walkthroughs = Checklists : { $count } ({ $statuses })
cli-stats-none = aucune
cli-stats-decisions = Décisions :   { $count }  (prématuré { $premature }, pas encore justifié { $not_justified }, justifié { $justified })
cli-stats-premature = Prématurés :  { $share }
cli-stats-gate = Condition la plus souvent ratée : { $gate } ({ $short }), non remplie dans { $count } décisions
cli-stats-gate-none = Condition la plus souvent ratée : aucune
cli-stats-gate-failures = Conditions ratées : { $list }
cli-stats-drivers = Moteurs cités : { $list }
cli-stats-detections = Détections dans le chat : { $count }, écartées comme n'étant pas une demande : { $dismissed } ({ $rate })
cli-stats-detector = Le détecteur en production (lancées / (lancées + écartées)) :
cli-stats-outcomes = Résultats :
cli-stats-by-month = Par mois :     prématuré  pas-encore-justifié  justifié
cli-stats-chart-title = Décisions de fine-tuning
