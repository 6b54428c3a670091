# Lo que dice el bot en Discord alrededor de una checklist: el marco de las preguntas, botones,
# menús, formularios, el veredicto, avisos, recordatorios, sugerencias y /finetune.
# Conserva el markdown (**negrita**, `código`) y cada { $placeholder }.

## La checklist
thread-name = Revisión de fine-tuning: { $words }
thread-name-empty = Revisión de fine-tuning #{ $id }
question-header = **Pregunta { $number } de { $total }**: { $question }
opening = { $requester } propone hacer fine-tuning:{ $quote }
no-thread-notice = (No he podido abrir un hilo aquí: un admin del servidor puede darme los permisos **Crear hilos públicos** y **Enviar mensajes en hilos**. Sigamos en este canal.)
answered = > { $answer } (respondido por { $by })
went-back = > { $by } volvió atrás para cambiar la respuesta anterior.
button-add-note = Añadir una nota
button-back = Atrás
button-dismiss = No es una petición de fine-tuning
button-no-drivers = Ninguno de estos
select-goal = Elige el objetivo
select-drivers = Elige todos los que apliquen
no-drivers = Ninguno de estos
modal-goal-title = Describe el objetivo
modal-goal-label = ¿Qué debería hacer mejor el modelo?
modal-note-title = Añadir una nota
modal-note-label = Nota o enlaces a pruebas
dismissed = Cerrado: { $by } indicó que no es una petición de fine-tuning. Gracias, y perdón por la interrupción.
note-saved = Tu nota está guardada con la checklist #{ $id }.
lost-post = Tu respuesta está guardada, pero Discord no me dejó publicar el siguiente mensaje. Usa `/finetune resume` en un momento para ver la pregunta actual.
unknown-button = Este botón no es uno de los botones actuales de tunegate. Empieza una checklist nueva con `/finetune check`.
unknown-form = Este formulario no es uno de los formularios actuales de tunegate.
pick-listed-goal = Elige uno de los objetivos de la lista, por favor.
pick-listed-drivers = Elige entre los motivos de la lista, por favor.
button-out-of-date = Este botón está desactualizado.
control-out-of-date = Este control está desactualizado.
form-out-of-date = Este formulario está desactualizado.

## El veredicto
verdict-message = Veredicto de la checklist #{ $id }
verdict-title = { $headline }: { $title }
verdict-why = Por qué
verdict-next-steps = Próximos pasos
verdict-footer = Decisión #{ $id } · checklist { $version }
verdict-savings = Estimación del ahorro
button-estimate = Estimar el ahorro
button-estimate-again = Estimar de nuevo
savings-months = { $months } meses
savings-never = nunca (no se ahorra nada al contar el mantenimiento)
savings-lines =
    Modelo genérico: { $generic } al mes
    Modelo ajustado: { $tuned } al mes
    Ahorro tras el mantenimiento: { $saving } al mes
    Punto de equilibrio: { $break_even }
    Neto a los 12 meses: { $net }
savings-does-not-pay = **Con estas cifras, el fine-tuning no se amortiza en 12 meses**, y el volumen es la única razón que este veredicto da a su favor. Revisa las cifras; mientras no cambien, trabajar el prompt del modelo genérico (o un modelo genérico más barato) es la mejor inversión.

## Recordatorios y limpieza
abandoned-notice = Esta checklist lleva un tiempo sin respuesta, así que la he cerrado (#{ $id }). Usa `/finetune check` para empezar de nuevo.
reminder = { $mention }esta checklist, empezada { $started }, sigue esperando una respuesta a la pregunta { $number } de { $total }. Si el fine-tuning ya no está sobre la mesa, la primera pregunta tiene un botón «No es una petición de fine-tuning»; `/finetune resume` vuelve a mostrar la pregunta actual.

## Sugerencias (el primer contacto, más suave)
suggest-text = ¿Pensando en hacer fine-tuning? La checklist lleva dos minutos y a menudo encuentra antes una solución más barata.
suggest-start = Abrir la checklist de fine-tuning
suggest-dismiss = No es una propuesta
suggest-unknown-button = Este botón no es uno de los botones actuales de tunegate. No se ha guardado nada.

## /finetune y el menú de mensajes
use-in-server = Usa esto en un canal de un servidor.
could-not-start = No he podido empezar la checklist: { $error }.
default-topic = Propuesta de fine-tuning
no-text-message = (un mensaje sin texto)
started-in = Checklist #{ $id } empezada en { $home }.
started = Checklist #{ $id } empezada.
started-no-thread = {" "}No he podido abrir un hilo: un admin del servidor puede darme **Crear hilos públicos** y **Enviar mensajes en hilos** en este canal.
already-has-checklist = Este mensaje ya tiene la checklist #{ $id }.
cancelled-notice = { $by } canceló la checklist #{ $id }. No se ha guardado ninguna decisión.
cancelled = Checklist #{ $id } cancelada.
could-not-post-question = No he podido publicar la pregunta: { $error }.
current-question = Aquí tienes la pregunta actual de la checklist #{ $id }.
command-failed = Algo ha fallado por mi parte; no se ha perdido nada. Inténtalo de nuevo en un momento, por favor.
help-commands-heading = **Comandos**
help-commands =
    `/finetune check [topic]`: empezar la checklist en un hilo nuevo (o aquí, dentro de un hilo)
    `/finetune cancel`: cancelar la checklist de este hilo
    `/finetune resume`: volver a mostrar la pregunta actual
    Menú del mensaje → Apps → **Checklist de fine-tuning**: empezarla sobre cualquier mensaje
help-auditing-heading = **Auditoría**
help-notice = También detecto mensajes que proponen hacer fine-tuning y ofrezco la checklist en un hilo; «No es una petición de fine-tuning» la cierra. Solo quien hace la propuesta{ $reviewers } puede responder.
help-reviewers = {" "}(y los roles de revisión configurados)

## Seguimientos: cómo salió una decisión
follow-up-prompt-work = ¿El trabajo en el prompt lo resolvió?
follow-up-fine-tune = ¿Hicisteis el fine-tuning?
follow-up-again = {" "}(lo pregunto otra vez)
follow-up =
    { $mention }La checklist #{ $id } terminó en **{ $verdict }** para «{ $proposal }». { $question }{ $again }
    Tu respuesta pasa al registro del equipo sobre cómo salieron sus decisiones.
follow-up-note-label = ¿Algo que el equipo deba saber? (opcional)
follow-up-recorded = **{ $result }**, guardado por { $by } { $when }
follow-up-already = Este seguimiento ya tiene respuesta: { $recorded }. No se ha guardado nada nuevo.
follow-up-thanks-head = Checklist #{ $id }: cómo salió. { $recorded }
follow-up-ask-again = Volveré a preguntar dentro de { $delay }.
follow-up-thanks = Gracias: así aprende el equipo qué consejos funcionan.
note-to-copy = Tu nota, para copiarla:
duration-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
duration-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
duration-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
duration-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}

## El formulario de estimación del ahorro
estimate-requests = Peticiones al mes
estimate-requests-example = 10.000.000
estimate-tokens = Tokens medios por petición: entrada / salida
estimate-tokens-example = 1000 / 200
estimate-prices = Modelo actual, por 1M de tokens: entrada / salida
estimate-prices-example = 2.50 / 10.00
estimate-fine-tuned = Modelo ajustado: precio entrada / salida, o ratio de coste
estimate-fine-tuned-example = 10 (diez veces más barato), o 0.30 / 1.20
estimate-costs = Coste único de entrenamiento / mantenimiento mensual
estimate-costs-example = 20.000 / 5.000
estimate-needs-pair = «{ $label }» necesita dos números separados por una barra, como 1000 / 200.
estimate-typed = No se ha guardado nada. Lo que escribiste, para copiarlo:

## Revisiones y archivos de exportación
revisit-trigger = Revisión de la decisión #{ $id }: { $text }
revisit-started = { $by } empezó la checklist #{ $id } para revisarla.
revisit-could-not-start = No he podido empezar la checklist: { $error }. Prueba con `/finetune check`.
audit-unknown-button = Este botón no es uno de los botones actuales de tunegate. Vuelve a usar el comando.
export-compressed = Ocupaba { $size } (más de los { $limit } que Discord me deja adjuntar aquí), así que está comprimido con gzip a { $compressed }: ábrelo con cualquier herramienta de descompresión, o con `gunzip { $name }`.
export-split = Ocupaba { $size } ({ $compressed } comprimido), más de los { $limit } que Discord me deja adjuntar aquí, así que el archivo comprimido está dividido en { $parts } partes, una por mensaje. Únelas con `cat { $name }.part* > { $name }` (en orden) y luego `gunzip { $name }`.
