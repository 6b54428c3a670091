# La terminal: `tunegate check` y la salida de auditoría de `decisions show` y `decisions stats`
# (con --lang, o el idioma de LANG). Los errores para quien opera siguen en inglés.

## tunegate check
cli-topic-prompt = ¿Qué se propone? (una línea, Intro para saltar):{" "}
cli-no-description = (sin descripción)
cli-stopped-before = Parado antes de la primera pregunta; no se ha guardado nada.
cli-question = Pregunta { $number } de { $total }: { $question }
cli-none-of-these = Ninguno de estos
cli-back-hint = , o b para volver atrás
cli-answer-drivers = Números separados por comas, o 0 para ninguno{ $back }:{" "}
cli-answer-goal = Responde 1-6:{" "}
cli-answer-gate = Responde 1-3 (y/n/?){ $back }:{" "}
cli-describe-goal = Describe el objetivo en pocas palabras:{" "}
cli-not-a-choice = Perdona, { $text } no es una de las opciones.
cli-input-ended = La entrada terminó
cli-interrupted = Interrumpido
cli-abandoned = { $why } antes de la última respuesta. La checklist #{ $id } se guarda como abandonada con las respuestas dadas hasta ahora; no se ha guardado ninguna decisión.
cli-verdict = Veredicto de la checklist #{ $id }: { $headline }
cli-why = Por qué:
cli-next-steps = Próximos pasos:
cli-checklist-version = (checklist { $version })
cli-savings = Estimación del ahorro (guardada con la decisión):
cli-savings-does-not-pay = Con estas cifras, el fine-tuning no se amortiza en 12 meses, y el volumen es la única razón que este veredicto da a su favor. Revisa las cifras; mientras no cambien, trabajar el prompt del modelo genérico (o un modelo genérico más barato) es la mejor inversión.

## tunegate decisions show
cli-walkthrough = Checklist #{ $id }  ({ $status }, empezada desde { $source })
cli-requester = Propuesta  { $name } ({ $id })
cli-started = Empezada   { $when }
cli-closed = Cerrada    { $when }
cli-where = Dónde      servidor { $guild }, canal { $channel }, hilo { $thread }
cli-revisits = Revisa     #{ $id }
cli-checklist = Checklist  { $version }
cli-proposal = Propuesta:
cli-answers = Respuestas, en el orden dado (respuestas cambiadas incluidas):
cli-none-yet = (ninguna todavía)
cli-answer-by = (por { $name })
cli-verdict-line = Veredicto: { $headline }  ({ $when })
cli-decided-with = Decidido con la checklist { $version }
cli-no-verdict = Sin veredicto: la checklist está { $status }.
cli-reviews = Revisiones:
cli-review = #{ $id } { $when } { $outcome } por { $name }
cli-revisit-on = revisar el { $day }{ $reminded }
cli-reminder-posted = {" "}(recordatorio publicado el { $when })
cli-outcomes = Resultados:
cli-outcome = #{ $id } { $when } { $result } por { $name } ({ $how })
cli-estimate = Estimación del ahorro (la última de { $count }, por { $name }, { $when }):
cli-estimate-generic = modelo genérico, al mes
cli-estimate-tuned = modelo ajustado, al mes
cli-estimate-saving = ahorro al mes, tras mantenimiento
cli-estimate-break-even = equilibrio, meses
cli-estimate-net = neto a los 12 meses
cli-notes = Notas:
cli-drivers-none = ninguno

## tunegate decisions stats
cli-stats-walkthroughs = Checklists:   { $count } ({ $statuses })
cli-stats-none = ninguna
cli-stats-decisions = Decisiones:   { $count }  (prematuro { $premature }, aún no justificado { $not_justified }, justificado { $justified })
cli-stats-premature = Prematuros:   { $share }
cli-stats-gate = La condición que más falla: { $gate } ({ $short }), no se cumple en { $count } decisiones
cli-stats-gate-none = La condición que más falla: ninguna
cli-stats-gate-failures = Condiciones que fallan: { $list }
cli-stats-drivers = Motivos citados: { $list }
cli-stats-detections = Detecciones en el chat: { $count }, descartadas por no ser una petición: { $dismissed } ({ $rate })
cli-stats-detector = El detector en producción (empezadas / (empezadas + descartadas)):
cli-stats-outcomes = Resultados:
cli-stats-by-month = Por mes:       prematuro  aún-no-justificado  justificado
cli-stats-chart-title = Decisiones de fine-tuning
