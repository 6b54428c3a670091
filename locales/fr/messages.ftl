# Ce que tunegate dit quand il refuse quelque chose ou rend compte de l'audit ; les interfaces les
# affichent tels quels. { $requester } et { $roles } deviennent des mentions quand c'est possible.

walkthrough-missing = Cette checklist n'existe plus. Lances-en une nouvelle avec `/finetune check`.
wrong-place = Ce bouton n'appartient à aucune checklist de ce salon.
may-not-answer = Seule la personne qui a fait la proposition ({ $requester }){ $roles } peut répondre à cette checklist. Rien n'a été enregistré.
may-not-answer-roles = {" "}ou les membres de { $roles }
may-not-audit = Les décisions passées sont ouvertes aux membres qui ont la permission **Gérer le serveur**{ $roles }. Demande à un admin du serveur si tu as besoin d'y accéder.
may-not-audit-roles = {" "}ou aux membres de { $roles }
may-not-revisit = Seuls la personne qui a proposé la décision #{ $id } et les membres qui peuvent auditer les décisions peuvent la relancer.
closed-decided = Cette checklist est terminée ; son verdict est enregistré.
closed = Cette checklist est { $status } et n'accepte plus de réponses. Lances-en une nouvelle avec `/finetune check`.
already-closed = Cette checklist était déjà fermée.
stale-step = Quelqu'un a déjà répondu à cette question. La checklist en est à la question { $current } sur { $total } ; utilise les boutons du dernier message.
no-open-walkthrough = Il n'y a pas de checklist ouverte dans ce fil.
not-in-this-server = Il n'y a pas de checklist #{ $id } sur ce serveur. `/finetune-audit history` les liste.
outcome-result-solved = Réglé sans fine-tuning
outcome-result-partly = En partie
outcome-result-still_needed = Le fine-tuning reste nécessaire
outcome-result-not_tried = Pas encore essayé
outcome-result-paid_off = Oui, et ça a payé
outcome-result-no_gain = Oui, sans gain net
outcome-result-not_yet = Pas encore
outcome-result-dropped = Abandonné
outcome-recorded = Résultat #{ $outcome } enregistré pour la décision #{ $id } : { $result }.
outcome-already-recorded = Rien de nouveau n'a été enregistré : cette demande l'a déjà été comme résultat #{ $outcome } de la décision #{ $id } : { $result }.
outcome-by-hand = à la main
outcome-follow-up-round = relance { $round }
outcome-none-yet = Aucun pour l'instant. `/finetune-audit outcome id:{ $id }` enregistre comment ça s'est passé.
outcome-estimate-never = jamais
stats-outcomes-premature = Décisions PRÉMATURÉ avec un résultat : { $count }. Réglées sans fine-tuning : { $solved } ({ $share } ; la checklist suppose { $assumed }). En partie : { $partly }. Fine-tuning toujours nécessaire : { $still_needed }.
stats-outcomes-justified = Décisions JUSTIFIÉ avec un résultat : { $count }. Rentables : { $paid_off } ({ $share }). Sans gain net : { $no_gain }. Abandonnées : { $dropped }.
stats-outcomes-awaiting = Décisions en attente d'un résultat : { $awaiting }.
stats-outcomes-assumed = { $percent }, { $in_ten } sur 10
review-gone = La revue de ce rappel n'existe plus ici.
revisit-running = La checklist #{ $open } revoit déjà la décision #{ $id } ; réponds-y dans son fil.
review-refused = Je n'ai pas enregistré la revue : { $reason }.
could-not-record = Je n'ai pas pu enregistrer ça{ $reason }. Rien n'a été sauvegardé ; réessaie, s'il te plaît.
fault-busy = {" "}: la base de données est occupée
fault-full = {" "}: le disque de la base de données est plein
fault-read-only = {" "}: la base de données est en lecture seule
fault-write-failed = {" "}: la base de données n'a pas pu être écrite
checklist-stale = Cette question a déjà reçu une réponse ou n'est plus d'actualité ; utilise les boutons de la dernière question.
checklist-finished = Cette checklist est déjà terminée ; son verdict est enregistré.
checklist-nothing-back = C'est la première question ; il n'y a rien avant.
checklist-missing-detail = Décris l'objectif en quelques mots, s'il te plaît.
checklist-detail-too-long = La description est trop longue ({ $chars } caractères) ; reste sous { $max }, s'il te plaît.
review-not-found = il n'y a pas de décision #{ $id } ici ; `/finetune-audit history` (ou `tunegate decisions list`) montre les numéros
review-not-decided = la checklist #{ $id } n'a pas encore de verdict (elle est { $status }) ; seule une checklist décidée peut être revue
review-note-required = un verdict contredit a besoin d'une note qui explique pourquoi ; ajoutes-en une et réessaie
review-note-too-long = la note dépasse { $max } caractères ; raccourcis-la et réessaie
review-revisit-past = la date de réexamen { $day } est déjà passée ; choisis aujourd'hui ou un jour plus tard
audit-help-commands =
    `/finetune-audit history` : les checklists passées, avec filtres, 10 par page
    `/finetune-audit show id:` : une checklist en entier
    `/finetune-audit review id: outcome:` : enregistrer l'avis de l'équipe, avec une date de réexamen si besoin
    `/finetune-audit outcome id: result: [note]` : enregistrer comment une décision a tourné
    `/finetune-audit stats [period]` : les chiffres et un graphique
    `/finetune-audit export` : un fichier CSV ou JSON des décisions de ce serveur
    `/finetune-audit settings` : les réglages de ce serveur et qui les a changés ; avec des options, les changer (Gérer le serveur)
    `/finetune-audit help` : cette liste et qui peut s'en servir
audit-help-who = Les membres avec **Gérer le serveur** voient `/finetune-audit` ; un admin du serveur peut l'ouvrir à d'autres rôles ou salons dans Paramètres du serveur → Intégrations → tunegate. Je vérifie quand même chaque utilisation : Gérer le serveur{ $roles }. La personne qui a proposé une décision et les rôles de réponse peuvent enregistrer son résultat (ici, si la commande leur est ouverte, ou avec les boutons de relance dans son fil).
audit-help-roles = {" "}ou l'un des rôles d'audit configurés sur mon hôte
outcome-not-found = Il n'y a pas de décision #{ $id } ici. `/finetune-audit history` (ou `tunegate decisions list`) montre les numéros.
outcome-not-decided = La checklist #{ $id } n'a pas encore de verdict ; seule une décision a un résultat.
outcome-wrong-question = « { $result } » ne va pas avec une décision { $verdict } ; choisis parmi : { $allowed }.
outcome-note-too-long = La note dépasse { $max } caractères ; raccourcis-la et réessaie. Rien n'a été enregistré.
may-not-record-outcome = Seuls la personne qui a proposé la décision #{ $id }, les membres des rôles de réponse et les membres qui peuvent auditer les décisions peuvent enregistrer comment elle a tourné.
estimate-not-decided = Il n'y a pas de décision #{ $id } ici pour laquelle estimer les économies.
cost-not-a-number = { $field } doit être un nombre, pas « { $value } ». Rien n'a été enregistré.
cost-negative = { $field } ne peut pas être négatif (tu as donné { $value }). Rien n'a été enregistré.
cost-zero = { $field } doit être supérieur à zéro. Rien n'a été enregistré.
cost-too-large = { $field } vaut { $value }, plus que les { $max } que cette estimation accepte ; vérifie le chiffre. Rien n'a été enregistré.
suggestion-gone = Cette suggestion n'est plus là. Lance `/finetune check` pour démarrer la checklist.
stats-detection-thread = Fils ouverts par le détecteur : { $started } lancés, { $dismissed } écartés comme n'étant pas une demande (précision { $precision }).
stats-detection-suggest = Checklists suggérées : { $started } lancées, { $dismissed } écartées comme n'étant pas une proposition (précision { $precision }) ; { $expired } expirées sans réponse.
# Le statut d'une checklist, tel que les phrases ci-dessus le nomment.
status-open = ouverte
status-decided = décidée
status-abandoned = abandonnée
status-cancelled = annulée
status-dismissed = écartée
# Les noms des verdicts, dans chaque message et chaque vue.
verdict-headline-premature = PRÉMATURÉ
verdict-headline-not-justified-yet = PAS ENCORE JUSTIFIÉ
verdict-headline-justified = JUSTIFIÉ

## Réglages par serveur : `/finetune-audit settings` et `tunegate guild settings`
may-not-change-settings = Seuls les membres qui ont la permission **Gérer le serveur** peuvent changer les réglages de ce serveur. Rien n'a été changé.
setting-out-of-range = Le réglage « { $setting } » doit être entre { $min } et { $max }. Rien n'a été changé.
setting-unknown-language = Je ne parle pas encore « { $language } » ; choisis parmi { $languages }. Rien n'a été changé.
setting-detection-off-on-host = Ce bot tourne sans lire le chat (son hébergeur a mis `detect.enabled = false`, donc Discord ne lui envoie pas le texte des messages) ; demande à la personne qui le fait tourner. `/finetune check` et le menu des messages fonctionnent toujours. Rien n'a été changé.
setting-list-full = Une liste de salons ou de rôles compte au plus { $max } entrées ; retires-en d'abord. Rien n'a été changé.
setting-name-channel-cooldown = délai par salon
setting-name-user-cooldown = délai par personne
setting-name-follow-up = délai avant le suivi
settings-title = Réglages de tunegate pour ce serveur
settings-intro = Se changent avec les options de `/finetune-audit settings` (Gérer le serveur). Tout ce qui n'est pas changé ici vient de la configuration de l'hébergeur du bot.
settings-label-detection = Lecture du chat pour repérer les propositions
settings-label-watch_channels = Salons suivis
settings-label-ignore_channels = Salons ignorés
settings-label-channel_cooldown = Délai par salon
settings-label-user_cooldown = Délai par personne
settings-label-answer_roles = Rôles qui peuvent répondre à la checklist de n'importe qui
settings-label-language = Langue
settings-label-follow_up_after = Suivi après un verdict
settings-label-log_channel = Salon du journal des décisions
settings-on = activée
settings-off = désactivée (les commandes slash fonctionnent toujours)
settings-every-channel = tous les salons
settings-none = aucun
settings-no-log = aucun (les verdicts restent dans leurs fils)
settings-language-auto = la langue Discord de chacun (une proposition dans le chat : la langue dans laquelle elle est écrite)
settings-no-cooldown = aucun
settings-from-host = configuration de l'hébergeur
settings-from-server = réglé par { $by } { $when }
settings-gone = { $value } (n'existe plus ici ; ignoré)
settings-history-title = Derniers changements
settings-history-reset = retour à la valeur de l'hébergeur
settings-changed = Réglages changés. Ce serveur a maintenant :
settings-unchanged = C'étaient déjà les réglages ; rien n'a été changé.

## Le salon du journal des décisions : un embed compact par verdict et par résultat
log-verdict-title = Décision #{ $id } : { $verdict }
log-outcome-title = Décision #{ $id } : résultat enregistré
log-field-requester = Proposée par
log-field-goal = Objectif
log-field-result = Résultat
log-field-recorded-by = Enregistré par
log-open-thread = Ouvrir le fil
log-no-thread = pas de fil
