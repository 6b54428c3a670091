# Ce que Discord affiche des commandes de tunegate : descriptions, l'entrée du menu des messages,
# options et leurs choix, en français. Garde chaque { $placeholder } et { référence }.

## Noms et descriptions des commandes tels que Discord les affiche.
cmd-finetune-description = Checklist fine-tuning : vérifier une proposition avant de se lancer.
cmd-check-description = Lancer la checklist fine-tuning (dans un nouveau fil, ou ici dans un fil).
cmd-cancel-description = Annuler la checklist ouverte de ce fil.
cmd-resume-description = Remontrer la question en cours de la checklist de ce fil.
cmd-help-description = Comment fonctionne tunegate.
cmd-menu-name = Lancer la checklist fine-tuning
cmd-audit-description = Auditer les décisions de fine-tuning de ce serveur.
cmd-audit-history-description = Les checklists passées de ce serveur, 10 par page (Gérer le serveur ou un rôle d'audit).
cmd-audit-show-description = Une checklist de ce serveur en entier : réponses, verdict, notes, revues.
cmd-audit-review-description = Enregistrer l'avis de l'équipe : d'accord, contredit (dis pourquoi) ou à revoir plus tard.
cmd-audit-outcome-description = Enregistrer comment une décision a tourné (la personne qui l'a proposée, les rôles, l'audit).
cmd-audit-stats-description = Chiffres par verdict, part de prématurés, conditions ratées, moteurs, et un graphique.
cmd-audit-export-description = Les checklists et décisions de ce serveur en fichier CSV ou JSON.
cmd-audit-settings-description = Les réglages de ce serveur et qui les a changés ; avec des options, les changer (Gérer le serveur).
cmd-audit-help-description = Qui peut auditer, et ce que fait chaque commande d'audit.

## Les options des commandes slash, telles que Discord les décrit : `opt-<commande>-<option>`.
## Les noms des options restent en anglais, comme ceux des commandes ; 100 caractères au plus.
opt-finetune-check-topic = Ce qui est proposé, en quelques mots
opt-finetune-audit-history-verdict = Seulement ce verdict
opt-finetune-audit-history-status = Seulement ce statut
opt-finetune-audit-history-requester = Seulement les propositions de ce membre
opt-finetune-audit-history-since = Lancées ce jour-là ou après (AAAA-MM-JJ, UTC)
opt-finetune-audit-history-until = Lancées ce jour-là ou avant (AAAA-MM-JJ, UTC)
opt-finetune-audit-history-text = Des mots de la proposition
opt-finetune-audit-history-share = Montrer la réponse dans le salon (par défaut : juste pour toi)
opt-finetune-audit-show-id = Le numéro de la checklist (tape pour voir les dernières de ce serveur)
opt-finetune-audit-show-share = Montrer la réponse dans le salon (par défaut : juste pour toi)
opt-finetune-audit-review-id = Le numéro de la décision (tape pour voir les dernières de ce serveur)
opt-finetune-audit-review-outcome = Ce que l'équipe en a conclu
opt-finetune-audit-review-note = Pourquoi (obligatoire si tu contredis)
opt-finetune-audit-review-revisit = Un jour pour y revenir (AAAA-MM-JJ, UTC) : je poste un rappel dans son fil
opt-finetune-audit-review-share = Montrer la réponse dans le salon (par défaut : juste pour toi)
opt-finetune-audit-outcome-id = Le numéro de la décision (tape pour voir les dernières de ce serveur)
opt-finetune-audit-outcome-result = Comment ça a tourné
opt-finetune-audit-outcome-note = Ce qui a marché, ce qui n'a pas marché (facultatif)
opt-finetune-audit-stats-period = Quelle période (par défaut : 90 jours)
opt-finetune-audit-stats-share = Montrer la réponse dans le salon (par défaut : juste pour toi)
opt-finetune-audit-export-format = Format du fichier (par défaut : csv)
opt-finetune-audit-export-since = Seulement les checklists lancées ce jour-là ou après (AAAA-MM-JJ, UTC)
opt-finetune-audit-export-share = Poster le fichier dans le salon (par défaut : juste pour toi)
opt-finetune-audit-settings-detection = Lire le chat de ce serveur pour repérer les propositions
opt-finetune-audit-settings-watch = Lire les propositions dans ce salon (et ses fils)
opt-finetune-audit-settings-ignore = Ne jamais lire ce salon (ni ses fils)
opt-finetune-audit-settings-unlist = Retirer un salon des listes des salons suivis et ignorés
opt-finetune-audit-settings-channel-cooldown-minutes = Minutes avant que le chat d'un salon puisse lancer une autre checklist (0 : pas de délai)
opt-finetune-audit-settings-user-cooldown-minutes = Minutes avant que le chat d'une personne puisse lancer une autre checklist (0 : pas de délai)
opt-finetune-audit-settings-add-answer-role = Les membres de ce rôle peuvent répondre à la checklist de n'importe qui
opt-finetune-audit-settings-remove-answer-role = Ce rôle ne répond plus aux checklists des autres
opt-finetune-audit-settings-language = La langue des checklists sur ce serveur
opt-finetune-audit-settings-follow-up-days = Jours après un verdict avant de demander comment ça a tourné
opt-finetune-audit-settings-log-channel = Poster chaque verdict et chaque résultat dans ce salon
opt-finetune-audit-settings-log-off = Ne plus poster les verdicts dans un salon de journal des décisions
opt-finetune-audit-settings-reset = Remettre un réglage à la valeur de la configuration de l'hébergeur du bot

## Les choix de ces options, tels que Discord les affiche : `choice-<option>-<valeur>`. Discord
## renvoie la position du choix, jamais ces mots ; 100 caractères au plus.
choice-verdict-premature = prématuré
choice-verdict-not-justified-yet = pas encore justifié
choice-verdict-justified = justifié
choice-status-open = { status-open }
choice-status-decided = { status-decided }
choice-status-abandoned = { status-abandoned }
choice-status-cancelled = { status-cancelled }
choice-status-dismissed = { status-dismissed }
choice-outcome-agreed = d'accord
choice-outcome-overruled = contredit (dis pourquoi dans la note)
choice-outcome-revisit-later = à revoir plus tard
# Les mots des boutons de suivi.
choice-result-solved = { outcome-result-solved }
choice-result-partly = { outcome-result-partly }
choice-result-still-needed = { outcome-result-still_needed }
choice-result-not-tried = { outcome-result-not_tried }
choice-result-paid-off = { outcome-result-paid_off }
choice-result-no-gain = { outcome-result-no_gain }
choice-result-not-yet = { outcome-result-not_yet }
choice-result-dropped = { outcome-result-dropped }
choice-period-days30 = 30 jours
choice-period-days90 = 90 jours
choice-period-days365 = 365 jours
choice-period-all = tout
choice-format-csv = csv
choice-format-json = json
# Chaque langue sous son propre nom, dans toutes les langues.
choice-language-auto = la langue Discord de chacun
choice-language-en = English
choice-language-fr = Français
choice-language-de = Deutsch
choice-language-es = Español
choice-reset-detection = détection
choice-reset-watch-channels = salons suivis
choice-reset-ignore-channels = salons ignorés
choice-reset-channel-cooldown = délai par salon
choice-reset-user-cooldown = délai par personne
choice-reset-answer-roles = rôles de réponse
choice-reset-language = langue
choice-reset-follow-up-after = délai du suivi
choice-reset-log-channel = salon du journal des décisions
