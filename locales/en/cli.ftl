# The terminal: `tunegate check` and the audit output of `decisions show` and `decisions stats`
# (with --lang, or the language of LANG). Operator errors stay English. Keep the spacing that
# lines columns up and every { $placeholder }.

## tunegate check
cli-topic-prompt = What is being proposed? (one line, Enter to skip):{" "}
cli-no-description = (no description)
cli-stopped-before = Stopped before the first question; nothing was recorded.
cli-question = Question { $number } of { $total }: { $question }
cli-none-of-these = None of these
cli-back-hint = , or b to go back
cli-answer-drivers = Numbers separated by commas, or 0 for none{ $back }:{" "}
cli-answer-goal = Answer 1-6:{" "}
cli-answer-gate = Answer 1-3 (y/n/?){ $back }:{" "}
cli-describe-goal = Describe the goal in a few words:{" "}
cli-not-a-choice = Sorry, { $text } is not one of the choices.
cli-input-ended = Input ended
cli-interrupted = Interrupted
cli-abandoned = { $why } before the last answer. Walkthrough #{ $id } is kept as abandoned with the answers given so far; no decision was recorded.
cli-verdict = Verdict for walkthrough #{ $id }: { $headline }
cli-why = Why:
cli-next-steps = Next steps:
cli-checklist-version = (checklist { $version })
cli-savings = Savings estimate (stored with the decision):
cli-savings-does-not-pay = At these figures fine-tuning does not pay back within 12 months, and volume is the only reason this verdict gives for it. Check the figures; until they change, prompt work on the generic model (or a cheaper generic model) is the better investment.

## tunegate decisions show
cli-walkthrough = Walkthrough #{ $id }  ({ $status }, started from { $source })
cli-requester = Requester  { $name } ({ $id })
cli-started = Started    { $when }
cli-closed = Closed     { $when }
cli-where = Where      guild { $guild }, channel { $channel }, thread { $thread }
cli-revisits = Revisits   #{ $id }
cli-checklist = Checklist  { $version }
cli-proposal = Proposal:
cli-answers = Answers, in the order given (changed answers included):
cli-none-yet = (none yet)
cli-answer-by = (by { $name })
cli-verdict-line = Verdict: { $headline }  ({ $when })
cli-decided-with = Decided with checklist { $version }
cli-no-verdict = No verdict: the walkthrough is { $status }.
cli-reviews = Reviews:
cli-review = #{ $id } { $when } { $outcome } by { $name }
cli-revisit-on = revisit on { $day }{ $reminded }
cli-reminder-posted = {" "}(reminder posted { $when })
cli-outcomes = Outcomes:
cli-outcome = #{ $id } { $when } { $result } by { $name } ({ $how })
cli-estimate = Savings estimate (latest of { $count }, by { $name }, { $when }):
cli-estimate-generic = generic model, a month
cli-estimate-tuned = fine-tuned model, a month
cli-estimate-saving = saving a month, after upkeep
cli-estimate-break-even = break-even, months
cli-estimate-net = net after 12 months
cli-notes = Notes:
cli-drivers-none = none

## tunegate decisions stats
cli-stats-walkthroughs = Walkthroughs: { $count } ({ $statuses })
cli-stats-none = none
cli-stats-decisions = Decisions:    { $count }  (premature { $premature }, not justified yet { $not_justified }, justified { $justified })
cli-stats-premature = Premature:    { $share }
cli-stats-gate = Most often failing gate: { $gate } ({ $short }), not passed in { $count } decisions
cli-stats-gate-none = Most often failing gate: none
cli-stats-gate-failures = Gate failures: { $list }
cli-stats-drivers = Drivers cited: { $list }
cli-stats-detections = Detections in chat: { $count }, dismissed as not a request: { $dismissed } ({ $rate })
cli-stats-detector = Detector in production (started / (started + dismissed)):
cli-stats-outcomes = Outcomes:
cli-stats-by-month = By month:      premature  not-justified-yet  justified
cli-stats-chart-title = Fine-tuning decisions
