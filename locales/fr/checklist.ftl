# La checklist : l'introduction, les questions et leurs réponses, les verdicts, raisons et conseils.
# Placeholders : { $min_examples }, { $specialised_examples }, { $monthly_requests } et
# { $cost_factor } sont les seuils de config/checklist.toml ; { $gate } est le texte court d'une
# condition, { $driver } le nom d'un moteur.

checklist-intro = Le fine-tuning revient souvent sur la table quand les résultats déçoivent. Il coûte cher, prend du temps à mettre en place et laisse un pipeline d'entraînement à maintenir. La plupart du temps (environ 8 cas sur 10), un prompt système plus précis, quelques exemples bien choisis ou une entrée mieux structurée règlent le problème pour bien moins cher. Six petites questions vont nous dire si ton cas est l'exception.
checklist-goal-question = Qu'est-ce que tu veux changer dans le comportement du modèle ?

checklist-goal-output_format-label = Format de sortie
checklist-goal-output_format-example = p. ex. toujours du JSON valide avec une structure précise
checklist-goal-output_format-advice = Donne le schéma de sortie exact dans le prompt système et montre deux ou trois exemples complets et valides. Utilise le mode de sortie structurée ou JSON du fournisseur s'il en a un, et valide chaque réponse.

checklist-goal-tone_style-label = Ton et style
checklist-goal-tone_style-example = p. ex. parler comme notre marque
checklist-goal-tone_style-advice = Décris la voix en quelques règles concrètes (longueur des phrases, mots à employer et à éviter) et ajoute trois à cinq courts exemples de réponses écrites comme tu les veux.

checklist-goal-business_rules-label = Règles métier
checklist-goal-business_rules-example = p. ex. appliquer nos règles propres au domaine
checklist-goal-business_rules-advice = Écris les règles noir sur blanc dans le prompt, en liste numérotée, avec un exemple pour chaque cas délicat. Passe les faits dont une règle a besoin en entrée structurée plutôt que d'espérer que le modèle les connaisse.

checklist-goal-edge_cases-label = Comportement dans les cas limites
checklist-goal-edge_cases-example = p. ex. dire « je ne sais pas » au lieu d'inventer
checklist-goal-edge_cases-advice = Dis au modèle exactement quoi faire quand il n'est pas sûr (les mots à répondre, quand poser une question en retour) et ajoute l'exemple d'une question qu'il doit décliner.

checklist-goal-cost_latency_privacy-label = Coût, latence, confidentialité ou tâche très spécialisée
checklist-goal-cost_latency_privacy-example = les cas où le fine-tuning peut être rentable
checklist-goal-cost_latency_privacy-advice = Mesure d'abord : le nombre de requêtes et la facture mensuelle d'aujourd'hui, la latence dont tu as besoin face à celle que tu obtiens, et où les données peuvent aller ou non. Ce sont ces chiffres qui disent si un modèle plus petit et affiné vaut son entretien.

checklist-goal-other-label = Autre chose
checklist-goal-other-example = décris-le en quelques mots
checklist-goal-other-advice = Note deux ou trois vraies entrées où le modèle échoue et ce qu'il aurait dû répondre. Ces cas deviennent tes premiers exemples few-shot et le début d'un jeu d'évaluation.

checklist-gate-g1-question = As-tu au moins { $min_examples } exemples entrée/sortie de bonne qualité pour l'entraînement ?
checklist-gate-g1-short = { $min_examples }+ exemples de bonne qualité
checklist-gate-g1-next-step = Rassemble et nettoie au moins { $min_examples } vraies paires entrée/sortie ; en relire un échantillon à la main montre leur qualité réelle.

checklist-gate-g2-question = Y a-t-il une équipe capable de maintenir un pipeline de fine-tuning dans la durée (données, entraînement, évaluation, redéploiements) ?
checklist-gate-g2-short = une équipe pour maintenir le pipeline
checklist-gate-g2-next-step = Désigne un responsable du pipeline d'entraînement et mettez-vous d'accord sur qui réentraîne, évalue et redéploie quand le modèle de base ou les données changent.

checklist-gate-g3-question = As-tu d'abord essayé d'optimiser le prompt, avec des exemples few-shot ?
checklist-gate-g3-short = prompt et exemples few-shot essayés d'abord
checklist-gate-g3-next-step = Passe une journée sur le prompt système : instructions explicites, trois à cinq exemples few-shot, entrée structurée. Compare avant et après sur les mêmes cas.

checklist-gate-g4-question = As-tu mesuré, sur tes vrais cas, que le modèle générique ne suffit pas ?
checklist-gate-g4-short = modèle générique mesuré comme insuffisant
checklist-gate-g4-next-step = Construis un jeu d'évaluation à partir de vrais cas (commence avec 50 à 100), note le modèle générique dessus et écris l'écart que tu dois combler.

checklist-answer-yes = Oui
checklist-answer-no = Non
checklist-answer-not-sure = Pas sûr

checklist-drivers-question = Lesquels de ces points s'appliquent ? Choisis tous ceux qui conviennent, ou aucun.
checklist-driver-d1-label = Très gros volume d'appels
checklist-driver-d1-description = Un modèle plus petit et affiné peut remplacer un grand modèle générique sur une tâche répétitive pour un coût d'inférence environ { $cost_factor } fois plus bas ; vers { $monthly_requests } requêtes par mois, l'économie est importante.
checklist-driver-d2-label = Tâche très spécialisée
checklist-driver-d2-description = Un domaine étroit avec { $specialised_examples }+ exemples de bonne qualité.
checklist-driver-d3-label = Latence critique
checklist-driver-d3-description = Un usage en temps réel où un petit modèle affiné répond assez vite et un grand non.
checklist-driver-d4-label = Confidentialité
checklist-driver-d4-description = Un modèle affiné hébergé en interne garde les données de production dans l'entreprise.

checklist-premature-title = Prématuré : d'abord les bases
checklist-premature-summary = Le fine-tuning est prématuré : toutes les conditions n'ont pas reçu un Oui.
checklist-premature-failing-gate = Pas encore : { $gate }.
checklist-not-justified-title = Pas encore justifié
checklist-not-justified-summary = Le travail de fond est fait, mais rien ici ne demande un modèle affiné : un modèle générique avec un meilleur prompt est sans doute le meilleur investissement.
checklist-not-justified-revisit = À revoir quand l'un de ces points devient vrai : le volume approche { $monthly_requests } requêtes par mois, la latence devient critique, les données doivent rester en interne, ou tu as { $specialised_examples }+ exemples d'une tâche précise.
checklist-justified-title = Justifié : le fine-tuning peut être rentable
checklist-justified-summary = Toutes les conditions ont reçu un Oui et au moins un moteur s'applique.
checklist-justified-carried-by = Porté par : { $driver }.
checklist-justified-next-step-1 = Fige une référence : note le prompt actuel avec le modèle générique sur le jeu d'évaluation, pour que le modèle affiné ait quelque chose à battre.
checklist-justified-next-step-2 = Désigne le responsable du pipeline d'entraînement et du calendrier de réentraînement.
checklist-justified-next-step-3 = Estime le coût : préparation des données, entraînements, hébergement ou prix au token, et l'entretien mensuel, face à la facture d'aujourd'hui.
