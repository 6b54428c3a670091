# La checklist: la introducción, las preguntas y sus respuestas, los veredictos, razones y consejos.
# Marcadores: { $min_examples }, { $specialised_examples }, { $monthly_requests } y
# { $cost_factor } son los umbrales de config/checklist.toml; { $gate } es el texto corto de una
# condición, { $driver } el nombre de un motivo.

checklist-intro = El fine-tuning suele salir a la mesa cuando los resultados decepcionan. Es caro, lleva tiempo montarlo y deja un pipeline de entrenamiento que mantener. La mayoría de las veces (unos 8 casos de cada 10), un prompt de sistema más preciso, unos pocos ejemplos bien elegidos o una entrada mejor estructurada resuelven el problema por mucho menos. Seis preguntas rápidas dirán si este caso es la excepción.
checklist-goal-question = ¿Qué quieres cambiar en el comportamiento del modelo?

checklist-goal-output_format-label = Formato de salida
checklist-goal-output_format-example = p. ej. siempre JSON válido con una estructura precisa
checklist-goal-output_format-advice = Indica el esquema de salida exacto en el prompt de sistema y muestra dos o tres ejemplos completos y válidos. Usa el modo de salida estructurada o JSON del proveedor si lo tiene, y valida cada respuesta.

checklist-goal-tone_style-label = Tono y estilo
checklist-goal-tone_style-example = p. ej. sonar como nuestra marca
checklist-goal-tone_style-advice = Describe la voz con unas pocas reglas concretas (largo de las frases, palabras que usar y evitar) y añade de tres a cinco ejemplos cortos de respuestas escritas como las quieres.

checklist-goal-business_rules-label = Reglas de negocio
checklist-goal-business_rules-example = p. ej. aplicar nuestras reglas del dominio
checklist-goal-business_rules-advice = Escribe las reglas de forma explícita en el prompt como lista numerada, con un ejemplo de cada caso delicado. Pasa los datos que necesita una regla como entrada estructurada en lugar de esperar que el modelo los conozca.

checklist-goal-edge_cases-label = Comportamiento en casos límite
checklist-goal-edge_cases-example = p. ej. decir «no lo sé» en lugar de inventar
checklist-goal-edge_cases-advice = Dile al modelo exactamente qué hacer cuando no está seguro (con qué palabras responder, cuándo preguntar de vuelta) e incluye un ejemplo de una pregunta que debe rechazar.

checklist-goal-cost_latency_privacy-label = Coste, latencia, privacidad o una tarea muy especializada
checklist-goal-cost_latency_privacy-example = los casos en los que el fine-tuning puede compensar
checklist-goal-cost_latency_privacy-advice = Mide primero: las peticiones y la factura mensual de hoy, la latencia que necesitas frente a la que obtienes, y adónde pueden ir los datos y adónde no. Esas cifras deciden si un modelo más pequeño y ajustado vale lo que cuesta mantenerlo.

checklist-goal-other-label = Otra cosa
checklist-goal-other-example = descríbelo en pocas palabras
checklist-goal-other-advice = Apunta dos o tres entradas reales en las que el modelo falla y lo que debería haber respondido. Esos casos serán tus primeros ejemplos few-shot y el comienzo de un conjunto de evaluación.

checklist-gate-g1-question = ¿Tenéis al menos { $min_examples } ejemplos de entrada/salida de buena calidad para entrenar?
checklist-gate-g1-short = { $min_examples }+ ejemplos de buena calidad
checklist-gate-g1-next-step = Reunid y limpiad al menos { $min_examples } pares reales de entrada/salida; revisar a mano una muestra enseña lo buenos que son de verdad.

checklist-gate-g2-question = ¿Hay un equipo capaz de mantener un pipeline de fine-tuning a lo largo del tiempo (datos, entrenamiento, evaluación, despliegues)?
checklist-gate-g2-short = un equipo que mantenga el pipeline
checklist-gate-g2-next-step = Nombrad a una persona responsable del pipeline de entrenamiento y acordad quién reentrena, evalúa y vuelve a desplegar cuando cambian el modelo base o los datos.

checklist-gate-g3-question = ¿Habéis probado primero a optimizar el prompt, con ejemplos few-shot?
checklist-gate-g3-short = prompt y ejemplos few-shot probados primero
checklist-gate-g3-next-step = Dedicad un día al prompt de sistema: instrucciones explícitas, de tres a cinco ejemplos few-shot, entrada estructurada. Comparad antes y después con los mismos casos.

checklist-gate-g4-question = ¿Habéis medido, con vuestros casos reales, que el modelo genérico no es suficiente?
checklist-gate-g4-short = modelo genérico medido como insuficiente
checklist-gate-g4-next-step = Construid un conjunto de evaluación con casos reales (empezad con 50 a 100), puntuad el modelo genérico con él y anotad la diferencia que tenéis que cerrar.

checklist-answer-yes = Sí
checklist-answer-no = No
checklist-answer-not-sure = No estoy seguro

checklist-drivers-question = ¿Cuáles de estos aplican? Elige todos los que encajen, o ninguno.
checklist-driver-d1-label = Volumen de llamadas muy alto
checklist-driver-d1-description = Un modelo más pequeño y ajustado puede sustituir a uno genérico grande en una tarea repetitiva con un coste de inferencia unas { $cost_factor } veces menor; hacia { $monthly_requests } peticiones al mes el ahorro es grande.
checklist-driver-d2-label = Tarea muy especializada
checklist-driver-d2-description = Un dominio acotado con { $specialised_examples }+ ejemplos de buena calidad.
checklist-driver-d3-label = Latencia crítica
checklist-driver-d3-description = Uso en tiempo real en el que un modelo ajustado más pequeño responde lo bastante rápido y uno grande no.
checklist-driver-d4-label = Privacidad
checklist-driver-d4-description = Un modelo ajustado alojado en casa mantiene los datos de producción dentro de la empresa.

checklist-premature-title = Prematuro: primero lo básico
checklist-premature-summary = El fine-tuning es prematuro: no todas las condiciones tienen un Sí.
checklist-premature-failing-gate = Todavía no: { $gate }.
checklist-not-justified-title = Aún no justificado
checklist-not-justified-summary = El trabajo de base está hecho, pero nada aquí necesita un modelo ajustado: un modelo genérico con un prompt mejor es probablemente la mejor inversión.
checklist-not-justified-revisit = Volved a mirarlo cuando se cumpla una de estas: el volumen se acerca a { $monthly_requests } peticiones al mes, la latencia se vuelve crítica, los datos deben quedarse en casa, o tenéis { $specialised_examples }+ ejemplos de una tarea acotada.
checklist-justified-title = Justificado: el fine-tuning puede compensar
checklist-justified-summary = Todas las condiciones tienen un Sí y al menos un motivo aplica.
checklist-justified-carried-by = Lo respalda: { $driver }.
checklist-justified-next-step-1 = Fijad una línea base: puntuad el prompt actual con el modelo genérico en el conjunto de evaluación, para que el modelo ajustado tenga algo que superar.
checklist-justified-next-step-2 = Nombrad a quien se encarga del pipeline de entrenamiento y del calendario de reentrenamiento.
checklist-justified-next-step-3 = Estimad el coste: preparación de datos, entrenamientos, alojamiento o precio por token, y el mantenimiento mensual, frente a la factura de hoy.
