# Lo que Discord muestra de los comandos de tunegate: descripciones, la entrada del menú de
# mensajes, opciones y sus valores, en español. Conserva cada { $placeholder } y { referencia }.

## Nombres y descripciones de los comandos tal como los muestra Discord.
cmd-finetune-description = Checklist de fine-tuning: revisa una propuesta antes de ajustar un modelo.
cmd-check-description = Empezar la checklist de fine-tuning (en un hilo nuevo, o aquí dentro de un hilo).
cmd-cancel-description = Cancelar la checklist abierta de este hilo.
cmd-resume-description = Volver a mostrar la pregunta actual de la checklist de este hilo.
cmd-help-description = Cómo funciona tunegate.
cmd-menu-name = Checklist de fine-tuning
cmd-audit-description = Auditar las decisiones de fine-tuning de este servidor.
cmd-audit-history-description = Checklists pasadas de este servidor, 10 por página (Gestionar servidor o un rol de auditoría).
cmd-audit-show-description = Una checklist de este servidor completa: respuestas, veredicto, notas, revisiones.
cmd-audit-review-description = Guardar la opinión del equipo: de acuerdo, revocado (di por qué) o revisar más tarde.
cmd-audit-outcome-description = Guardar cómo salió una decisión (quien la propuso, los roles de respuesta o auditoría).
cmd-audit-stats-description = Cifras por veredicto, porcentaje de prematuros, condiciones, motivos y un gráfico.
cmd-audit-export-description = Las checklists y decisiones de este servidor en un archivo CSV o JSON.
cmd-audit-settings-description = Los ajustes de este servidor y quién los cambió; con opciones, cambiarlos (Gestionar servidor).
cmd-audit-help-description = Quién puede auditar y qué hace cada comando de auditoría.

## Las opciones de los comandos slash, tal como las describe Discord: `opt-<comando>-<opción>`.
## Los nombres de las opciones siguen en inglés, como los de los comandos; hasta 100 caracteres.
opt-finetune-check-topic = Qué se propone, en pocas palabras
opt-finetune-audit-history-verdict = Solo este veredicto
opt-finetune-audit-history-status = Solo este estado
opt-finetune-audit-history-requester = Solo las propuestas de este miembro
opt-finetune-audit-history-since = Empezadas ese día o después (AAAA-MM-DD, UTC)
opt-finetune-audit-history-until = Empezadas ese día o antes (AAAA-MM-DD, UTC)
opt-finetune-audit-history-text = Palabras de la propuesta
opt-finetune-audit-history-share = Mostrar la respuesta en el canal (por defecto: solo para ti)
opt-finetune-audit-show-id = El número de la checklist (escribe para ver las últimas de este servidor)
opt-finetune-audit-show-share = Mostrar la respuesta en el canal (por defecto: solo para ti)
opt-finetune-audit-review-id = El número de la decisión (escribe para ver las últimas de este servidor)
opt-finetune-audit-review-outcome = Qué concluyó el equipo
opt-finetune-audit-review-note = Por qué (obligatorio si la revocas)
opt-finetune-audit-review-revisit = Un día para volver a verla (AAAA-MM-DD, UTC): publico un recordatorio en su hilo
opt-finetune-audit-review-share = Mostrar la respuesta en el canal (por defecto: solo para ti)
opt-finetune-audit-outcome-id = El número de la decisión (escribe para ver las últimas de este servidor)
opt-finetune-audit-outcome-result = Cómo salió
opt-finetune-audit-outcome-note = Qué funcionó y qué no (opcional)
opt-finetune-audit-stats-period = Qué periodo (por defecto: 90 días)
opt-finetune-audit-stats-share = Mostrar la respuesta en el canal (por defecto: solo para ti)
opt-finetune-audit-export-format = Formato del archivo (por defecto: csv)
opt-finetune-audit-export-since = Solo las checklists empezadas ese día o después (AAAA-MM-DD, UTC)
opt-finetune-audit-export-share = Publicar el archivo en el canal (por defecto: solo para ti)
opt-finetune-audit-settings-detection = Leer el chat de este servidor en busca de propuestas
opt-finetune-audit-settings-watch = Leer las propuestas de este canal (y sus hilos)
opt-finetune-audit-settings-ignore = No leer nunca este canal (ni sus hilos)
opt-finetune-audit-settings-unlist = Quitar un canal de las listas de canales vigilados e ignorados
opt-finetune-audit-settings-channel-cooldown-minutes = Minutos antes de que el chat de un canal pueda empezar otra checklist (0: sin pausa)
opt-finetune-audit-settings-user-cooldown-minutes = Minutos antes de que el chat de una persona pueda empezar otra checklist (0: sin pausa)
opt-finetune-audit-settings-add-answer-role = Los miembros de este rol pueden responder la checklist de cualquiera
opt-finetune-audit-settings-remove-answer-role = Este rol ya no responde las checklists de otros
opt-finetune-audit-settings-language = El idioma de las checklists en este servidor
opt-finetune-audit-settings-follow-up-days = Días tras un veredicto antes de preguntar cómo salió
opt-finetune-audit-settings-log-channel = Publicar cada veredicto y cada resultado en este canal
opt-finetune-audit-settings-log-off = Dejar de publicar veredictos en un canal de registro de decisiones
opt-finetune-audit-settings-reset = Devolver un ajuste al valor de la configuración del host del bot

## Los valores de esas opciones, tal como los muestra Discord: `choice-<opción>-<valor>`.
## Discord devuelve la posición del valor, nunca estas palabras; hasta 100 caracteres.
choice-verdict-premature = prematuro
choice-verdict-not-justified-yet = aún no justificado
choice-verdict-justified = justificado
choice-status-open = { status-open }
choice-status-decided = { status-decided }
choice-status-abandoned = { status-abandoned }
choice-status-cancelled = { status-cancelled }
choice-status-dismissed = { status-dismissed }
choice-outcome-agreed = de acuerdo
choice-outcome-overruled = revocado (di por qué en la nota)
choice-outcome-revisit-later = revisar más tarde
# Las palabras de los botones de seguimiento.
choice-result-solved = { outcome-result-solved }
choice-result-partly = { outcome-result-partly }
choice-result-still-needed = { outcome-result-still_needed }
choice-result-not-tried = { outcome-result-not_tried }
choice-result-paid-off = { outcome-result-paid_off }
choice-result-no-gain = { outcome-result-no_gain }
choice-result-not-yet = { outcome-result-not_yet }
choice-result-dropped = { outcome-result-dropped }
choice-period-days30 = 30 días
choice-period-days90 = 90 días
choice-period-days365 = 365 días
choice-period-all = todo
choice-format-csv = csv
choice-format-json = json
# Cada idioma con su propio nombre, en todos los idiomas.
choice-language-auto = el idioma de Discord de cada persona
choice-language-en = English
choice-language-fr = Français
choice-language-de = Deutsch
choice-language-es = Español
choice-reset-detection = detección
choice-reset-watch-channels = canales vigilados
choice-reset-ignore-channels = canales ignorados
choice-reset-channel-cooldown = pausa por canal
choice-reset-user-cooldown = pausa por persona
choice-reset-answer-roles = roles de respuesta
choice-reset-language = idioma
choice-reset-follow-up-after = espera del seguimiento
choice-reset-log-channel = canal del registro de decisiones
