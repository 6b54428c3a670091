# The checklist: the intro, the questions and their answers, the verdicts, reasons and advice.
# Placeholders: { $min_examples }, { $specialised_examples }, { $monthly_requests } and
# { $cost_factor } are the thresholds of config/checklist.toml; { $gate } is a gate's short text,
# { $driver } a driver's label.

checklist-intro = Fine-tuning often comes up when results disappoint. It is costly, slow to set up and leaves a training pipeline to maintain. Most of the time (about 8 cases in 10) a sharper system prompt, a few well-chosen examples or better-structured input fix the problem for much less. Six quick questions will tell whether this case is the exception.
checklist-goal-question = What are you trying to change in the model's behaviour?

checklist-goal-output_format-label = Output format
checklist-goal-output_format-example = e.g. always valid JSON with a precise structure
checklist-goal-output_format-advice = State the exact output schema in the system prompt and show two or three complete, valid examples. Use the provider's structured-output or JSON mode if it has one, and validate every reply.

checklist-goal-tone_style-label = Tone and style
checklist-goal-tone_style-example = e.g. sound like our brand
checklist-goal-tone_style-advice = Describe the voice in a few concrete rules (sentence length, words to use and avoid) and add three to five short examples of replies written the way you want them.

checklist-goal-business_rules-label = Business rules
checklist-goal-business_rules-example = e.g. apply our domain-specific rules
checklist-goal-business_rules-advice = Write the rules out explicitly in the prompt as a numbered list, with an example of each tricky case. Pass the facts a rule needs as structured input rather than hoping the model knows them.

checklist-goal-edge_cases-label = Edge-case behaviour
checklist-goal-edge_cases-example = e.g. say "I don't know" instead of inventing
checklist-goal-edge_cases-advice = Tell the model exactly what to do when it is unsure (the words to answer with, when to ask a question back) and include an example of a question it must decline.

checklist-goal-cost_latency_privacy-label = Cost, latency, privacy or a very specialised task
checklist-goal-cost_latency_privacy-example = the cases where fine-tuning can pay off
checklist-goal-cost_latency_privacy-advice = Measure first: today's monthly request count and bill, the latency you need against the latency you get, and where the data may and may not go. These numbers decide whether a smaller tuned model is worth its upkeep.

checklist-goal-other-label = Something else
checklist-goal-other-example = describe it in a few words
checklist-goal-other-advice = Write down two or three real inputs where the model fails and what it should have answered. Those cases become your first few-shot examples and the start of an evaluation set.

checklist-gate-g1-question = Do you have at least { $min_examples } high-quality input/output examples to train on?
checklist-gate-g1-short = { $min_examples }+ high-quality examples
checklist-gate-g1-next-step = Collect and clean at least { $min_examples } real input/output pairs; reviewing a sample of them by hand shows how good they really are.

checklist-gate-g2-question = Is there a team able to maintain a fine-tuning pipeline over time (data, training, evaluation, redeploys)?
checklist-gate-g2-short = a team to maintain the pipeline
checklist-gate-g2-next-step = Name an owner for the training pipeline and agree who retrains, evaluates and redeploys when the base model or the data changes.

checklist-gate-g3-question = Have you first tried optimising the prompt, with few-shot examples?
checklist-gate-g3-short = prompt and few-shot examples tried first
checklist-gate-g3-next-step = Spend a day on the system prompt: explicit instructions, three to five few-shot examples, structured input. Compare before and after on the same cases.

checklist-gate-g4-question = Have you measured, on your real cases, that the generic model is not good enough?
checklist-gate-g4-short = generic model measured as insufficient
checklist-gate-g4-next-step = Build an evaluation set from real cases (start with 50 to 100), score the generic model on it and write down the gap you need to close.

checklist-answer-yes = Yes
checklist-answer-no = No
checklist-answer-not-sure = Not sure

checklist-drivers-question = Which of these apply? Choose all that fit, or none.
checklist-driver-d1-label = Very high call volume
checklist-driver-d1-description = A smaller tuned model can replace a large generic one on a repetitive task at roughly { $cost_factor }x lower inference cost; around { $monthly_requests } requests a month the saving is large.
checklist-driver-d2-label = Highly specialised task
checklist-driver-d2-description = A narrow domain with { $specialised_examples }+ high-quality examples.
checklist-driver-d3-label = Critical latency
checklist-driver-d3-description = Real-time use where a smaller tuned model answers fast enough and a large one does not.
checklist-driver-d4-label = Privacy
checklist-driver-d4-description = A self-hosted tuned model keeps production data inside the company.

checklist-premature-title = Premature: fix the basics first
checklist-premature-summary = Fine-tuning is premature: not every gate is answered Yes.
checklist-premature-failing-gate = Not yet: { $gate }.
checklist-not-justified-title = Not justified yet
checklist-not-justified-summary = The groundwork is done, but nothing here needs a tuned model: a generic model with a better prompt is likely the better investment.
checklist-not-justified-revisit = Revisit when one of these becomes true: volume nears { $monthly_requests } requests a month, latency becomes critical, data must stay in-house, or you hold { $specialised_examples }+ examples of a narrow task.
checklist-justified-title = Justified: fine-tuning can pay off
checklist-justified-summary = Every gate is answered Yes and at least one driver applies.
checklist-justified-carried-by = Carried by: { $driver }.
checklist-justified-next-step-1 = Freeze a baseline: score today's prompt with the generic model on the evaluation set, so the tuned model has something to beat.
checklist-justified-next-step-2 = Name the owner of the training pipeline and of the retraining schedule.
checklist-justified-next-step-3 = Estimate the cost: data preparation, training runs, hosting or per-token fees, and the monthly upkeep, against today's bill.
