# Lo que tunegate dice cuando rechaza algo o informa de la auditoría; las interfaces lo muestran
# tal cual. { $requester } y { $roles } se convierten en menciones donde se puede.

walkthrough-missing = Esta checklist ya no existe. Empieza una nueva con `/finetune check`.
wrong-place = Este botón no pertenece a ninguna checklist de este canal.
may-not-answer = Solo la persona que hizo la propuesta ({ $requester }){ $roles } puede responder esta checklist. No se ha guardado nada.
may-not-answer-roles = {" "}o los miembros de { $roles }
may-not-audit = Las decisiones pasadas están abiertas a los miembros con el permiso **Gestionar servidor**{ $roles }. Pide acceso a un admin del servidor si lo necesitas.
may-not-audit-roles = {" "}o a los miembros de { $roles }
may-not-revisit = Solo la persona que propuso la decisión #{ $id } o los miembros que pueden auditar decisiones pueden repetirla.
closed-decided = Esta checklist está terminada; su veredicto está guardado.
closed = Esta checklist está { $status } y ya no acepta respuestas. Empieza una nueva con `/finetune check`.
already-closed = Esta checklist ya estaba cerrada.
stale-step = Esa pregunta ya tiene respuesta. La checklist va por la pregunta { $current } de { $total }; usa los botones del último mensaje.
no-open-walkthrough = No hay ninguna checklist abierta en este hilo.
not-in-this-server = No hay ninguna checklist #{ $id } en este servidor. `/finetune-audit history` las lista.
outcome-result-solved = Resuelto sin fine-tuning
outcome-result-partly = En parte
outcome-result-still_needed = Sigue haciendo falta fine-tuning
outcome-result-not_tried = Aún sin probar
outcome-result-paid_off = Sí, y compensó
outcome-result-no_gain = Sí, sin una mejora clara
outcome-result-not_yet = Todavía no
outcome-result-dropped = Lo dejamos
outcome-recorded = Resultado #{ $outcome } guardado para la decisión #{ $id }: { $result }.
outcome-already-recorded = No se ha guardado nada nuevo: esta petición ya estaba guardada como resultado #{ $outcome } de la decisión #{ $id }: { $result }.
outcome-by-hand = a mano
outcome-follow-up-round = seguimiento { $round }
outcome-none-yet = Ninguno todavía. `/finetune-audit outcome id:{ $id }` guarda cómo salió.
outcome-estimate-never = nunca
stats-outcomes-premature = Decisiones PREMATURO con resultado: { $count }. Resueltas sin fine-tuning: { $solved } ({ $share }; la checklist supone { $assumed }). En parte: { $partly }. Sigue haciendo falta fine-tuning: { $still_needed }.
stats-outcomes-justified = Decisiones JUSTIFICADO con resultado: { $count }. Compensaron: { $paid_off } ({ $share }). Sin mejora clara: { $no_gain }. Abandonadas: { $dropped }.
stats-outcomes-awaiting = Decisiones que esperan un resultado: { $awaiting }.
stats-outcomes-assumed = { $percent }, { $in_ten } de cada 10
review-gone = La revisión de este recordatorio ya no existe aquí.
revisit-running = La checklist #{ $open } ya está revisando la decisión #{ $id }; respóndela en su hilo.
review-refused = No he guardado la revisión: { $reason }.
could-not-record = No he podido guardar eso{ $reason }. No se ha guardado nada; inténtalo otra vez, por favor.
fault-busy = : la base de datos está ocupada
fault-full = : el disco de la base de datos está lleno
fault-read-only = : la base de datos es de solo lectura
fault-write-failed = : no se pudo escribir en la base de datos
checklist-stale = Esa pregunta ya tiene respuesta o ya no está vigente; usa los botones de la última pregunta, por favor.
checklist-finished = Esta checklist ya está terminada; su veredicto está guardado.
checklist-nothing-back = Esta es la primera pregunta; no hay nada antes.
checklist-missing-detail = Describe el objetivo en pocas palabras, por favor.
checklist-detail-too-long = La descripción es demasiado larga ({ $chars } caracteres); déjala por debajo de { $max }, por favor.
review-not-found = aquí no hay ninguna decisión #{ $id }; `/finetune-audit history` (o `tunegate decisions list`) muestra los números
review-not-decided = la checklist #{ $id } aún no tiene veredicto (está { $status }); solo se puede revisar una checklist decidida
review-note-required = un veredicto rechazado necesita una nota que diga por qué; añade una e inténtalo otra vez
review-note-too-long = la nota pasa de { $max } caracteres; acórtala e inténtalo otra vez
review-revisit-past = la fecha de revisión { $day } ya ha pasado; elige hoy o un día posterior
audit-help-commands =
    `/finetune-audit history`: checklists pasadas con filtros, 10 por página
    `/finetune-audit show id:`: una checklist completa
    `/finetune-audit review id: outcome:`: guardar la opinión del equipo, con fecha de revisión si quieres
    `/finetune-audit outcome id: result: [note]`: guardar cómo salió una decisión
    `/finetune-audit stats [period]`: cifras y un gráfico
    `/finetune-audit export`: un archivo CSV o JSON con las decisiones de este servidor
    `/finetune-audit settings`: los ajustes de este servidor y quién los cambió; con opciones, cambiarlos (Gestionar servidor)
    `/finetune-audit help`: esta lista y quién puede usarla
audit-help-who = Los miembros con **Gestionar servidor** ven `/finetune-audit`; un admin del servidor puede abrirlo a otros roles o canales en Ajustes del servidor → Integraciones → tunegate. Aun así compruebo cada uso: Gestionar servidor{ $roles }. Quien propuso una decisión y los roles de respuesta pueden guardar su resultado (aquí, si el comando está abierto para ellos, o con los botones de seguimiento de su hilo).
audit-help-roles = {" "}o uno de los roles de auditoría configurados en mi servidor
outcome-not-found = Aquí no hay ninguna decisión #{ $id }. `/finetune-audit history` (o `tunegate decisions list`) muestra los números.
outcome-not-decided = La checklist #{ $id } aún no tiene veredicto; solo una decisión tiene resultado.
outcome-wrong-question = «{ $result }» no encaja con una decisión { $verdict }; usa uno de estos: { $allowed }.
outcome-note-too-long = La nota pasa de { $max } caracteres; acórtala e inténtalo otra vez. No se ha guardado nada.
may-not-record-outcome = Solo la persona que propuso la decisión #{ $id }, los miembros de los roles de respuesta o los miembros que pueden auditar decisiones pueden guardar cómo salió.
estimate-not-decided = Aquí no hay ninguna decisión #{ $id } para la que estimar el ahorro.
cost-not-a-number = { $field } tiene que ser un número, no «{ $value }». No se ha guardado nada.
cost-negative = { $field } no puede ser negativo (has puesto { $value }). No se ha guardado nada.
cost-zero = { $field } tiene que ser mayor que cero. No se ha guardado nada.
cost-too-large = { $field } es { $value }, más de los { $max } que acepta esta estimación; revisa la cifra. No se ha guardado nada.
suggestion-gone = Esta sugerencia ya no está. Usa `/finetune check` para empezar la checklist.
stats-detection-thread = Hilos abiertos por el detector: { $started } empezados, { $dismissed } descartados por no ser una petición (precisión { $precision }).
stats-detection-suggest = Checklists sugeridas: { $started } empezadas, { $dismissed } descartadas por no ser una propuesta (precisión { $precision }); { $expired } caducadas sin respuesta.
# El estado de una checklist, como lo nombran las frases de arriba.
status-open = abierta
status-decided = decidida
status-abandoned = abandonada
status-cancelled = cancelada
status-dismissed = descartada
# Los nombres de los veredictos, en cada mensaje y cada vista.
verdict-headline-premature = PREMATURO
verdict-headline-not-justified-yet = AÚN NO JUSTIFICADO
verdict-headline-justified = JUSTIFICADO

## Ajustes por servidor: `/finetune-audit settings` y `tunegate guild settings`
may-not-change-settings = Solo los miembros con el permiso **Gestionar servidor** pueden cambiar los ajustes de este servidor. No se cambió nada.
setting-out-of-range = El ajuste «{ $setting }» debe estar entre { $min } y { $max }. No se cambió nada.
setting-unknown-language = Todavía no hablo «{ $language }»; elige entre { $languages }. No se cambió nada.
setting-detection-off-on-host = Este bot funciona sin leer el chat (su host pone `detect.enabled = false`, así que Discord no le envía el texto de los mensajes); pregunta a quien lo gestiona. `/finetune check` y el menú de mensajes siguen funcionando. No se cambió nada.
setting-list-full = Una lista de canales o roles admite como mucho { $max } entradas; quita alguna primero. No se cambió nada.
setting-name-channel-cooldown = pausa por canal
setting-name-user-cooldown = pausa por persona
setting-name-follow-up = plazo del seguimiento
settings-title = Ajustes de tunegate para este servidor
settings-intro = Se cambian con las opciones de `/finetune-audit settings` (Gestionar servidor). Todo lo que no se cambia aquí viene de la configuración del host del bot.
settings-label-detection = Leer el chat en busca de propuestas
settings-label-watch_channels = Canales vigilados
settings-label-ignore_channels = Canales ignorados
settings-label-channel_cooldown = Pausa por canal
settings-label-user_cooldown = Pausa por persona
settings-label-answer_roles = Roles que pueden responder la checklist de cualquiera
settings-label-language = Idioma
settings-label-follow_up_after = Seguimiento tras un veredicto
settings-label-log_channel = Canal del registro de decisiones
settings-on = activado
settings-off = desactivado (los comandos slash siguen funcionando)
settings-every-channel = todos los canales
settings-none = ninguno
settings-no-log = ninguno (los veredictos se quedan en sus hilos)
settings-language-auto = el idioma de Discord de cada persona (una propuesta en el chat: el idioma en que está escrita)
settings-no-cooldown = ninguna
settings-from-host = configuración del host
settings-from-server = puesto por { $by } { $when }
settings-gone = { $value } (ya no existe aquí; se ignora)
settings-history-title = Últimos cambios
settings-history-reset = vuelta al valor del host
settings-changed = Ajustes cambiados. Este servidor tiene ahora:
settings-unchanged = Esos ya eran los ajustes; no se cambió nada.

## El canal del registro de decisiones: un embed compacto por veredicto y por resultado
log-verdict-title = Decisión #{ $id }: { $verdict }
log-outcome-title = Decisión #{ $id }: resultado registrado
log-field-requester = Propuesta por
log-field-goal = Objetivo
log-field-result = Resultado
log-field-recorded-by = Registrado por
log-open-thread = Abrir el hilo
log-no-thread = sin hilo
