# Ce que le bot dit dans Discord autour d'une checklist : le cadre des questions, les boutons, les
# menus, les formulaires, le verdict, les annonces, les rappels, les suggestions et /finetune.
# Garde le markdown (**gras**, `code`) et chaque { $placeholder }.

## La checklist
thread-name = Check fine-tuning : { $words }
thread-name-empty = Check fine-tuning #{ $id }
question-header = **Question { $number } sur { $total }** : { $question }
opening = { $requester } propose un fine-tuning :{ $quote }
no-thread-notice = (Je n'ai pas pu ouvrir de fil ici : un admin du serveur peut me donner les permissions **Créer des fils publics** et **Envoyer des messages dans les fils**. On continue dans ce salon.)
answered = > { $answer } (réponse de { $by })
went-back = > { $by } est revenu en arrière pour changer la réponse précédente.
button-add-note = Ajouter une note
button-back = Retour
button-dismiss = Ce n'est pas une demande de fine-tuning
button-no-drivers = Aucun de ceux-là
select-goal = Choisis l'objectif
select-drivers = Choisis tous les points qui s'appliquent
no-drivers = Aucun de ceux-là
modal-goal-title = Décris l'objectif
modal-goal-label = Qu'est-ce que le modèle devrait mieux faire ?
modal-note-title = Ajouter une note
modal-note-label = Note ou liens vers des preuves
dismissed = Fermé : { $by } a indiqué que ce n'était pas une demande de fine-tuning. Merci, et désolé pour le dérangement.
note-saved = Ta note est enregistrée avec la checklist #{ $id }.
lost-post = Ta réponse est enregistrée, mais Discord ne m'a pas laissé poster le message suivant. Utilise `/finetune resume` dans un instant pour revoir la question en cours.
unknown-button = Ce bouton ne fait pas partie des boutons actuels de tunegate. Lance une nouvelle checklist avec `/finetune check`.
unknown-form = Ce formulaire ne fait pas partie des formulaires actuels de tunegate.
pick-listed-goal = Choisis l'un des objectifs de la liste, s'il te plaît.
pick-listed-drivers = Choisis parmi les points de la liste, s'il te plaît.
button-out-of-date = Ce bouton n'est plus à jour.
control-out-of-date = Ce contrôle n'est plus à jour.
form-out-of-date = Ce formulaire n'est plus à jour.

## Le verdict
verdict-message = Verdict de la checklist #{ $id }
verdict-title = { $headline } : { $title }
verdict-why = Pourquoi
verdict-next-steps = Prochaines étapes
verdict-footer = Décision #{ $id } · checklist { $version }
verdict-savings = Estimation des économies
button-estimate = Estimer les économies
button-estimate-again = Estimer à nouveau
savings-months = { $months } mois
savings-never = jamais (rien n'est économisé une fois l'entretien compté)
savings-lines =
    Modèle générique : { $generic } par mois
    Modèle affiné : { $tuned } par mois
    Économie après entretien : { $saving } par mois
    Seuil de rentabilité : { $break_even }
    Net après 12 mois : { $net }
savings-does-not-pay = **Avec ces chiffres, le fine-tuning n'est pas rentabilisé en 12 mois**, et le volume est la seule raison que ce verdict donne en sa faveur. Vérifie les chiffres ; tant qu'ils ne changent pas, travailler le prompt du modèle générique (ou passer à un modèle générique moins cher) est le meilleur investissement.

## Rappels et nettoyage
abandoned-notice = Cette checklist n'a pas eu de réponse depuis un moment, alors je l'ai fermée (#{ $id }). Lance `/finetune check` pour recommencer.
reminder = { $mention }cette checklist, lancée { $started }, attend toujours une réponse à la question { $number } sur { $total }. Si le fine-tuning n'est plus d'actualité, la première question a un bouton « Ce n'est pas une demande de fine-tuning » ; `/finetune resume` remontre la question en cours.

## Suggestions (la première approche, plus douce)
suggest-text = Tu penses à un fine-tuning ? La checklist prend deux minutes et trouve souvent une solution moins chère d'abord.
suggest-start = Lancer la checklist fine-tuning
suggest-dismiss = Ce n'est pas une proposition
suggest-unknown-button = Ce bouton ne fait pas partie des boutons actuels de tunegate. Rien n'a été enregistré.

## /finetune et le menu des messages
use-in-server = Utilise ceci dans un salon d'un serveur.
could-not-start = Je n'ai pas pu lancer la checklist : { $error }.
default-topic = Proposition de fine-tuning
no-text-message = (un message sans texte)
started-in = Checklist #{ $id } lancée dans { $home }.
started = Checklist #{ $id } lancée.
started-no-thread = {" "}Je n'ai pas pu ouvrir de fil : un admin du serveur peut m'accorder **Créer des fils publics** et **Envoyer des messages dans les fils** dans ce salon.
already-has-checklist = Ce message a déjà la checklist #{ $id }.
cancelled-notice = La checklist #{ $id } a été annulée par { $by }. Aucune décision n'a été enregistrée.
cancelled = Checklist #{ $id } annulée.
could-not-post-question = Je n'ai pas pu poster la question : { $error }.
current-question = Voici la question en cours de la checklist #{ $id }.
command-failed = Quelque chose s'est mal passé de mon côté ; rien n'est perdu. Réessaie dans un instant, s'il te plaît.
help-commands-heading = **Commandes**
help-commands =
    `/finetune check [topic]` : lancer la checklist dans un nouveau fil (ou ici, dans un fil)
    `/finetune cancel` : annuler la checklist de ce fil
    `/finetune resume` : remontrer la question en cours
    Menu du message → Applications → **Lancer la checklist fine-tuning** : la lancer sur n'importe quel message
help-auditing-heading = **Audit**
help-notice = Je repère aussi les messages qui proposent un fine-tuning et je propose la checklist dans un fil ; « Ce n'est pas une demande de fine-tuning » la ferme. Seule la personne qui propose{ $reviewers } peut répondre.
help-reviewers = {" "}(et les rôles de relecture configurés)

## Relances : comment une décision a tourné
follow-up-prompt-work = Le travail sur le prompt a-t-il réglé le problème ?
follow-up-fine-tune = Avez-vous fait le fine-tuning ?
follow-up-again = {" "}(je repose la question)
follow-up =
    { $mention }La checklist #{ $id } s'est terminée sur **{ $verdict }** pour « { $proposal } ». { $question }{ $again }
    Ta réponse rejoint le registre de l'équipe sur la façon dont ses décisions ont tourné.
follow-up-note-label = Quelque chose que l'équipe devrait savoir ? (facultatif)
follow-up-recorded = **{ $result }**, enregistré par { $by } { $when }
follow-up-already = Cette relance a déjà une réponse : { $recorded }. Rien de nouveau n'a été enregistré.
follow-up-thanks-head = Checklist #{ $id } : comment ça a tourné. { $recorded }
follow-up-ask-again = Je reposerai la question dans { $delay }.
follow-up-thanks = Merci : c'est comme ça que l'équipe apprend quels conseils tiennent la route.
note-to-copy = Ta note, à copier :
duration-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-seconds = { $count ->
    [one] { $count } seconde
   *[other] { $count } secondes
}

## Le formulaire d'estimation des économies
estimate-requests = Requêtes par mois
estimate-requests-example = 10 000 000
estimate-tokens = Tokens moyens par requête : entrée / sortie
estimate-tokens-example = 1000 / 200
estimate-prices = Modèle actuel, pour 1M tokens : entrée / sortie
estimate-prices-example = 2.50 / 10.00
estimate-fine-tuned = Modèle affiné : prix entrée / sortie, ou ratio de coût
estimate-fine-tuned-example = 10 (dix fois moins cher), ou 0.30 / 1.20
estimate-costs = Coût d'entraînement unique / entretien mensuel
estimate-costs-example = 20 000 / 5 000
estimate-needs-pair = « { $label } » attend deux nombres séparés par une barre oblique, comme 1000 / 200.
estimate-typed = Rien n'a été enregistré. Ce que tu as saisi, à copier :

## Réexamens et fichiers d'export
revisit-trigger = Réexamen de la décision #{ $id } : { $text }
revisit-started = { $by } a lancé la checklist #{ $id } pour la réexaminer.
revisit-could-not-start = Je n'ai pas pu lancer la checklist : { $error }. Essaie plutôt `/finetune check`.
audit-unknown-button = Ce bouton ne fait pas partie des boutons actuels de tunegate. Relance la commande.
export-compressed = Il faisait { $size } (plus que les { $limit } que Discord me laisse joindre ici), alors il est compressé avec gzip en { $compressed } : ouvre-le avec n'importe quel outil de décompression, ou `gunzip { $name }`.
export-split = Il faisait { $size } ({ $compressed } compressé), plus que les { $limit } que Discord me laisse joindre ici, alors le fichier compressé est découpé en { $parts } parties, une par message. Rassemble-les avec `cat { $name }.part* > { $name }` (dans l'ordre), puis `gunzip { $name }`.
