# Las vistas de auditoría en Discord (/finetune-audit history, show, review, stats, export) y el
# recordatorio de revisión. Conserva el markdown y cada { $placeholder }.

## Historial
audit-history-title = Decisiones de fine-tuning de este servidor
audit-filters = Filtros: { $filters }
audit-filter-verdict = veredicto { $verdict }
audit-filter-status = estado { $status }
audit-filter-requester = propuesto por { $requester }
audit-filter-since = desde el { $day }
audit-filter-until = hasta el { $day }
audit-filter-text = texto «{ $text }»
audit-filter-none = todas las checklists
audit-history-empty = Ninguna checklist de este servidor coincide con estos filtros.
audit-history-past-end = No hay más checklists en esta página; vuelve con Anterior.
audit-link-thread = hilo
audit-link-channel = canal
audit-no-thread = sin hilo
audit-page = Página { $page }
audit-page-entries = Página { $page } · entradas { $first }–{ $last } · /finetune-audit show id: para ver una completa
audit-previous = Anterior
audit-next = Siguiente

## Una decisión completa
audit-cut = {" "}… (recortado para que quepa en Discord)
audit-question-goal = P1 · { $question }
audit-question-gate = P{ $number } · { $gate } { $short }
audit-question-drivers = P{ $number } · Motivos
audit-review-name = Revisión #{ $id } · { $outcome }
audit-review-outcome-agreed = DE ACUERDO
audit-review-outcome-overruled = REVOCADO
audit-review-outcome-revisit-later = REVISAR MÁS TARDE
audit-by-on = por { $by } el { $when }
audit-revisit-on = Revisar el { $day } (UTC): a partir de { $start }
audit-reminder-posted = {" "}(recordatorio publicado { $when })
audit-outcome-name = Resultado #{ $id } · { $result }
audit-outcome-by = por { $by } el { $when } · { $how }
audit-estimate-lines =
    Modelo genérico: { $generic } al mes
    Modelo ajustado: { $tuned } al mes
    Ahorro tras el mantenimiento: { $saving } al mes
    Punto de equilibrio: { $break_even }
    Neto a los 12 meses: { $net }
    _por { $by } el { $when }_
audit-estimate-months = { $months } meses
audit-estimate-name = Estimación del ahorro
audit-estimate-name-of = Estimación del ahorro (la última de { $count })
audit-requested-by = Propuesto por { $requester } · empezado { $when } · { $status } · desde { $source }
audit-source-chat = el chat
audit-source-slash = un comando slash
audit-source-context_menu = el menú de un mensaje
audit-source-cli = la terminal
audit-discussion = Conversación: { $link }
audit-revisits = Revisa la decisión #{ $id }
audit-proposal = **Propuesta**
audit-no-text = (sin texto)
audit-answer-by = por { $by } · { $when }
audit-changed-later = {" "}· _cambiada después_
audit-answers = Respuestas
audit-none-yet = Ninguna todavía.
audit-verdict-name = Veredicto: { $verdict }
audit-decided = _decidido { $when }_
audit-why = Por qué
audit-next-steps = Próximos pasos
audit-verdict = Veredicto
audit-no-verdict = Ninguno: esta checklist está { $status }.
audit-note-by = Nota de { $name }
audit-evidence = Enlaces a pruebas
audit-reviews = Revisiones
audit-reviews-none = Ninguna todavía. `/finetune-audit review id:{ $id }` guarda la opinión del equipo.
audit-outcome = Resultado
audit-detail-footer = Checklist #{ $id } · versión de la checklist { $version }
audit-detail-title = Checklist #{ $id }
audit-continued = { $title } (continuación, { $part }/{ $parts })
audit-not-shown = No mostrado
audit-not-shown-text = { $hidden } entradas más no cabían en Discord. En el servidor del bot, `tunegate decisions show { $id }` lo muestra todo.

## Estadísticas
audit-stats-title = Decisiones de fine-tuning: { $period }
audit-stats-chart-title = Decisiones de fine-tuning, { $period }
audit-period-days = los últimos { $days } días
audit-period-all = desde siempre
audit-stats-decisions = Decisiones
audit-stats-decisions-value =
    { $all } en total
    { $premature_name } { $premature }
    { $not_justified_name } { $not_justified }
    { $justified_name } { $justified }
audit-stats-share = Porcentaje de prematuros
audit-stats-gate = La condición que más falla
audit-stats-gate-value = { $gate } { $short }: no se cumple en { $count } decisiones
audit-stats-none = ninguno
audit-stats-drivers = Motivos citados
audit-stats-detections = Detecciones en el chat
audit-stats-detections-value = { $detected } detectadas, { $dismissed } descartadas por no ser una petición ({ $rate })
audit-stats-months = Últimos meses
audit-stats-month = `{ $month }` { $premature } prematuros · { $not_justified } aún no · { $justified } justificados
audit-stats-detector = El detector en producción
audit-stats-outcomes = Resultados

## Revisiones, resultados, exportación
audit-bad-day = `{ $option }` tiene que ser una fecha como 2026-11-29 (año-mes-día), no «{ $text }».
audit-since-after-until = `since` no puede ser posterior a `until`; no coincidiría nada.
audit-text-too-long = `text` puede tener como mucho { $max } caracteres; usa menos palabras.
audit-review-recorded = Revisión #{ $review } guardada para la decisión #{ $id }: **{ $outcome }**.
audit-note = Nota: { $note }
audit-revisit-when = { $day } (UTC, a partir de { $start }, { $relative })
audit-revisit-in-thread = El { $on } publicaré un recordatorio en { $home } con un botón para repetir la checklist.
audit-revisit-in-channel = El { $on } publicaré un recordatorio en { $home }.
audit-revisit-logged = Esta decisión no tiene hilo y no hay ningún `discord.audit_channel_id` configurado, así que el recordatorio del { $on } solo quedará en el registro.
audit-export-too-many = Coinciden { $rows } checklists, más de las { $max } que exporto por Discord. Acótalo con `since:`, o ejecuta `tunegate decisions export --guild { $guild }` en el servidor del bot.
audit-export-could-not-attach = No he podido adjuntar la exportación: { $error }.
audit-export-too-large = la exportación ocupa { $size } incluso comprimida, más de { $parts } adjuntos de { $limit }; acótala con `since:`, o ejecuta `tunegate decisions export` en el servidor del bot
audit-export = Exportación de { $count } checklists de este servidor ({ $format }{ $since }).
audit-export-since = , empezadas desde el { $day }
audit-export-part = Parte { $part } de { $parts }.
audit-size-mb = { $size } MB
audit-size-kb = { $size } KB
audit-size-bytes = { $size } bytes

## El recordatorio de revisión
revisit-due = { $mention }la decisión #{ $id } ({ $verdict }) toca revisarla hoy, como pidió la revisión #{ $review }{ $thread }.
revisit-due-thread = {" "}(su hilo: { $link })
revisit-no-verdict = sin veredicto
revisit-review-note = Nota de la revisión: { $note }
revisit-run-again-text = Repite la checklist para ver si el veredicto sigue en pie.
revisit-run-again = Repetir la checklist

## El gráfico de estadísticas (corto: se dibuja en una imagen)
chart-gates = Condiciones sin Sí
chart-drivers = Motivos citados
chart-outcomes = Resultados
chart-no-outcome = Aún no hay ningún resultado guardado.
chart-awaiting = { $count } decisiones esperan uno.
chart-bar-solved = resuelto
chart-bar-partly = en parte
chart-bar-still = aún no
chart-bar-paid = compensó
chart-bar-no-gain = sin mejora
chart-bar-dropped = dejado
chart-outcomes-caption = Resultados: resuelto { $solved } (supuesto { $assumed })
chart-no-decisions = No hay decisiones en este periodo.
chart-by-month = Decisiones por mes
chart-by-month-last = Decisiones por mes (últimos { $months } meses)
chart-decisions-axis = decisiones
chart-premature = prematuro
chart-not-justified = aún no justificado
chart-justified = justificado
