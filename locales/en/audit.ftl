# The audit views in Discord (/finetune-audit history, show, review, stats, export) and the
# revisit reminder. Keep the markdown and every { $placeholder }.

## History
audit-history-title = Fine-tuning decisions in this server
audit-filters = Filters: { $filters }
audit-filter-verdict = verdict { $verdict }
audit-filter-status = status { $status }
audit-filter-requester = requested by { $requester }
audit-filter-since = since { $day }
audit-filter-until = until { $day }
audit-filter-text = text "{ $text }"
audit-filter-none = all checklists
audit-history-empty = No checklist in this server matches these filters.
audit-history-past-end = No more checklists on this page; go back with Previous.
audit-link-thread = thread
audit-link-channel = channel
audit-no-thread = no thread
audit-page = Page { $page }
audit-page-entries = Page { $page } · entries { $first }–{ $last } · /finetune-audit show id: for one in full
audit-previous = Previous
audit-next = Next

## One decision in full
audit-cut = {" "}… (cut to fit Discord)
audit-question-goal = Q1 · { $question }
audit-question-gate = Q{ $number } · { $gate } { $short }
audit-question-drivers = Q{ $number } · Drivers
audit-review-name = Review #{ $id } · { $outcome }
audit-review-outcome-agreed = AGREED
audit-review-outcome-overruled = OVERRULED
audit-review-outcome-revisit-later = REVISIT LATER
audit-by-on = by { $by } on { $when }
audit-revisit-on = Revisit on { $day } (UTC): from { $start }
audit-reminder-posted = {" "}(reminder posted { $when })
audit-outcome-name = Outcome #{ $id } · { $result }
audit-outcome-by = by { $by } on { $when } · { $how }
audit-estimate-lines =
    Generic model: { $generic } a month
    Fine-tuned model: { $tuned } a month
    Saving after upkeep: { $saving } a month
    Break-even: { $break_even }
    Net after 12 months: { $net }
    _by { $by } on { $when }_
audit-estimate-months = { $months } months
audit-estimate-name = Savings estimate
audit-estimate-name-of = Savings estimate (latest of { $count })
audit-requested-by = Requested by { $requester } · started { $when } · { $status } · from { $source }
audit-source-chat = chat
audit-source-slash = slash command
audit-source-context_menu = message menu
audit-source-cli = terminal
audit-discussion = Discussion: { $link }
audit-revisits = Revisits decision #{ $id }
audit-proposal = **Proposal**
audit-no-text = (no text)
audit-answer-by = by { $by } · { $when }
audit-changed-later = {" "}· _changed later_
audit-answers = Answers
audit-none-yet = None yet.
audit-verdict-name = Verdict: { $verdict }
audit-decided = _decided { $when }_
audit-why = Why
audit-next-steps = Next steps
audit-verdict = Verdict
audit-no-verdict = None: this checklist is { $status }.
audit-note-by = Note by { $name }
audit-evidence = Evidence links
audit-reviews = Reviews
audit-reviews-none = None yet. `/finetune-audit review id:{ $id }` records the team's view.
audit-outcome = Outcome
audit-detail-footer = Checklist #{ $id } · checklist version { $version }
audit-detail-title = Checklist #{ $id }
audit-continued = { $title } (continued, { $part }/{ $parts })
audit-not-shown = Not shown
audit-not-shown-text = { $hidden } more entries did not fit in Discord. On the bot's host, `tunegate decisions show { $id }` prints everything.

## Statistics
audit-stats-title = Fine-tuning decisions: { $period }
audit-stats-chart-title = Fine-tuning decisions, { $period }
audit-period-days = the last { $days } days
audit-period-all = all time
audit-stats-decisions = Decisions
audit-stats-decisions-value =
    { $all } in all
    { $premature_name } { $premature }
    { $not_justified_name } { $not_justified }
    { $justified_name } { $justified }
audit-stats-share = Share premature
audit-stats-gate = Gate that fails most
audit-stats-gate-value = { $gate } { $short }: not passed in { $count } decisions
audit-stats-none = none
audit-stats-drivers = Drivers cited
audit-stats-detections = Chat detections
audit-stats-detections-value = { $detected } detected, { $dismissed } dismissed as not a request ({ $rate })
audit-stats-months = Last months
audit-stats-month = `{ $month }` { $premature } premature · { $not_justified } not yet · { $justified } justified
audit-stats-detector = Detector in production
audit-stats-outcomes = Outcomes

## Reviews, outcomes, export
audit-bad-day = `{ $option }` must be a date like 2026-11-29 (year-month-day), not "{ $text }".
audit-since-after-until = `since` must not be later than `until`; nothing could match.
audit-text-too-long = `text` can be at most { $max } characters; use fewer words.
audit-review-recorded = Review #{ $review } recorded for decision #{ $id }: **{ $outcome }**.
audit-note = Note: { $note }
audit-revisit-when = { $day } (UTC, from { $start }, { $relative })
audit-revisit-in-thread = On { $on } I will post a reminder in { $home } with a button to run the checklist again.
audit-revisit-in-channel = On { $on } I will post a reminder in { $home }.
audit-revisit-logged = This decision has no thread and no `discord.audit_channel_id` is set, so the reminder on { $on } will only be logged.
audit-export-too-many = { $rows } checklists match, more than the { $max } I export through Discord. Narrow it with `since:`, or run `tunegate decisions export --guild { $guild }` on the bot's host.
audit-export-could-not-attach = I could not attach the export: { $error }.
audit-export-too-large = the export is { $size } even compressed, more than { $parts } attachments of { $limit }; narrow it with `since:`, or run `tunegate decisions export` on the bot's host
audit-export = Export of { $count } checklists of this server ({ $format }{ $since }).
audit-export-since = , started since { $day }
audit-export-part = Part { $part } of { $parts }.
audit-size-mb = { $size } MB
audit-size-kb = { $size } KB
audit-size-bytes = { $size } bytes

## The revisit reminder
revisit-due = { $mention }decision #{ $id } ({ $verdict }) is due for a second look today, as review #{ $review } asked{ $thread }.
revisit-due-thread = {" "}(its thread: { $link })
revisit-no-verdict = no verdict
revisit-review-note = Review note: { $note }
revisit-run-again-text = Run the checklist again to see whether the verdict still holds.
revisit-run-again = Run the checklist again

## The statistics chart (short: they are drawn in a picture)
chart-gates = Gates not answered Yes
chart-drivers = Drivers cited
chart-outcomes = Outcomes
chart-no-outcome = No outcome recorded yet.
chart-awaiting = { $count } decisions await one.
chart-bar-solved = solved
chart-bar-partly = partly
chart-bar-still = still
chart-bar-paid = paid
chart-bar-no-gain = no gain
chart-bar-dropped = drop
chart-outcomes-caption = Outcomes: solved { $solved } (assumed { $assumed })
chart-no-decisions = No decisions in this period.
chart-by-month = Decisions by month
chart-by-month-last = Decisions by month (last { $months } months)
chart-decisions-axis = decisions
chart-premature = premature
chart-not-justified = not justified yet
chart-justified = justified
