# What tunegate says when it refuses something or reports on the audit; front ends show these as
# they are. { $requester } and { $roles } become mentions where the front end has them.

walkthrough-missing = This checklist no longer exists. Start a new one with `/finetune check`.
wrong-place = This button does not belong to a checklist in this channel.
may-not-answer = Only the person who proposed this ({ $requester }){ $roles } can answer this checklist. Nothing was recorded.
may-not-answer-roles = {" "}or members of { $roles }
may-not-audit = Past decisions are open to members with the **Manage Server** permission{ $roles }. Ask a server admin if you need access.
may-not-audit-roles = {" "}or to members of { $roles }
may-not-revisit = Only the person who proposed decision #{ $id } or members who may audit decisions can run it again.
closed-decided = This checklist is finished; its verdict is recorded.
closed = This checklist is { $status } and takes no more answers. Start a new one with `/finetune check`.
already-closed = This checklist was already closed.
stale-step = That question was already answered. The checklist is now at question { $current } of { $total }; use the buttons on the latest message.
no-open-walkthrough = There is no open checklist in this thread.
not-in-this-server = There is no checklist #{ $id } in this server. `/finetune-audit history` lists them.
outcome-result-solved = Solved without fine-tuning
outcome-result-partly = Partly
outcome-result-still_needed = Still need fine-tuning
outcome-result-not_tried = Not tried yet
outcome-result-paid_off = Yes, and it paid off
outcome-result-no_gain = Yes, no clear gain
outcome-result-not_yet = Not yet
outcome-result-dropped = Dropped it
outcome-recorded = Outcome #{ $outcome } recorded for decision #{ $id }: { $result }.
outcome-already-recorded = Nothing new was recorded: this request was already recorded as outcome #{ $outcome } of decision #{ $id }: { $result }.
outcome-by-hand = by hand
outcome-follow-up-round = follow-up { $round }
outcome-none-yet = None yet. `/finetune-audit outcome id:{ $id }` records how it turned out.
outcome-estimate-never = never
stats-outcomes-premature = PREMATURE decisions with an outcome: { $count }. Solved without fine-tuning: { $solved } ({ $share }; the checklist assumes { $assumed }). Partly: { $partly }. Still need fine-tuning: { $still_needed }.
stats-outcomes-justified = JUSTIFIED decisions with an outcome: { $count }. Paid off: { $paid_off } ({ $share }). No clear gain: { $no_gain }. Dropped: { $dropped }.
stats-outcomes-awaiting = Decisions awaiting an outcome: { $awaiting }.
stats-outcomes-assumed = { $percent }, { $in_ten } in 10
review-gone = This reminder's review no longer exists here.
revisit-running = Checklist #{ $open } already revisits decision #{ $id }; answer it in its thread.
review-refused = I did not record the review: { $reason }.
could-not-record = I could not record that{ $reason }. Nothing was saved; please try again.
fault-busy = : the database is busy
fault-full = : the disk holding the database is full
fault-read-only = : the database is read-only
fault-write-failed = : the database could not be written
checklist-stale = That question was already answered or is no longer current; please use the buttons on the latest question.
checklist-finished = This checklist is already finished; its verdict is recorded.
checklist-nothing-back = This is the first question; there is nothing to go back to.
checklist-missing-detail = Please describe the goal in a few words.
checklist-detail-too-long = The description is too long ({ $chars } characters); please keep it under { $max }.
review-not-found = there is no decision #{ $id } here; `/finetune-audit history` (or `tunegate decisions list`) shows the ids
review-not-decided = checklist #{ $id } has no verdict yet (it is { $status }); only a decided checklist can be reviewed
review-note-required = an overruled verdict needs a note that says why; add one and try again
review-note-too-long = the note is longer than { $max } characters; shorten it and try again
review-revisit-past = the revisit date { $day } has already passed; choose today or a later day
audit-help-commands =
    `/finetune-audit history`: past checklists with filters, 10 a page
    `/finetune-audit show id:`: one checklist in full
    `/finetune-audit review id: outcome:`: record the team's view, optionally a revisit date
    `/finetune-audit outcome id: result: [note]`: record how a decision turned out
    `/finetune-audit stats [period]`: counts and a chart
    `/finetune-audit export`: a CSV or JSON file of this server's decisions
    `/finetune-audit settings`: this server's settings and who changed them; with options, change them (Manage Server)
    `/finetune-audit help`: this list and who may use it
audit-help-who = Members with **Manage Server** see `/finetune-audit`; a server admin can open it to other roles or channels in Server Settings → Integrations → tunegate. I still check every use: Manage Server{ $roles }. A decision's proposer and the answer roles may record its outcome (here, where the command is open to them, or with the follow-up buttons in its thread).
audit-help-roles = {" "}or one of the audit roles set on my host
outcome-not-found = There is no decision #{ $id } here. `/finetune-audit history` (or `tunegate decisions list`) shows the ids.
outcome-not-decided = Checklist #{ $id } has no verdict yet; only a decision has an outcome.
outcome-wrong-question = "{ $result }" does not fit a { $verdict } decision; use one of: { $allowed }.
outcome-note-too-long = The note is longer than { $max } characters; shorten it and try again. Nothing was recorded.
may-not-record-outcome = Only the person who proposed decision #{ $id }, members of the answer roles or members who may audit decisions can record how it turned out.
estimate-not-decided = There is no decision #{ $id } here to estimate the savings for.
cost-not-a-number = { $field } must be a number, not "{ $value }". Nothing was recorded.
cost-negative = { $field } cannot be negative (you gave { $value }). Nothing was recorded.
cost-zero = { $field } must be more than zero. Nothing was recorded.
cost-too-large = { $field } is { $value }, more than the { $max } this estimate accepts; check the figure. Nothing was recorded.
suggestion-gone = This suggestion is no longer here. Run `/finetune check` to start the checklist.
stats-detection-thread = Threads opened by the detector: { $started } started, { $dismissed } dismissed as not a request (precision { $precision }).
stats-detection-suggest = Checklists suggested: { $started } started, { $dismissed } dismissed as not a proposal (precision { $precision }); { $expired } expired unanswered.
# A walkthrough's status, as the sentences above name it.
status-open = open
status-decided = decided
status-abandoned = abandoned
status-cancelled = cancelled
status-dismissed = dismissed
# The verdicts' names, as every message and view shows them.
verdict-headline-premature = PREMATURE
verdict-headline-not-justified-yet = NOT JUSTIFIED YET
verdict-headline-justified = JUSTIFIED

## Per-server settings: `/finetune-audit settings` and `tunegate guild settings`
may-not-change-settings = Only members with the **Manage Server** permission can change this server's settings. Nothing was changed.
setting-out-of-range = The { $setting } must be between { $min } and { $max }. Nothing was changed.
setting-unknown-language = I do not speak "{ $language }" yet; choose one of { $languages }. Nothing was changed.
setting-detection-off-on-host = This bot is run without reading chat (its host sets `detect.enabled = false`, so Discord sends it no message text); ask whoever runs it. `/finetune check` and the message menu still work. Nothing was changed.
setting-list-full = A list of channels or roles holds at most { $max } entries; take some off first. Nothing was changed.
setting-name-channel-cooldown = channel cooldown
setting-name-user-cooldown = per-person cooldown
setting-name-follow-up = follow-up delay
settings-title = tunegate settings for this server
settings-intro = Changed with the options of `/finetune-audit settings` (Manage Server). Everything not changed here comes from the bot's host configuration.
settings-label-detection = Reading chat for proposals
settings-label-watch_channels = Watched channels
settings-label-ignore_channels = Ignored channels
settings-label-channel_cooldown = Channel cooldown
settings-label-user_cooldown = Per-person cooldown
settings-label-answer_roles = Roles that may answer anyone's checklist
settings-label-language = Language
settings-label-follow_up_after = Follow-up after a verdict
settings-label-log_channel = Decision log channel
settings-on = on
settings-off = off (slash commands still work)
settings-every-channel = every channel
settings-none = none
settings-no-log = none (verdicts stay in their threads)
settings-language-auto = each person's Discord language (a chat proposal: the language it was written in)
settings-no-cooldown = none
settings-from-host = host configuration
settings-from-server = set by { $by } { $when }
settings-gone = { $value } (no longer exists here; ignored)
settings-history-title = Latest changes
settings-history-reset = back to the host default
settings-changed = Settings changed. This server now has:
settings-unchanged = Those were already the settings; nothing was changed.

## The decision log channel: one compact embed per verdict and per outcome
log-verdict-title = Decision #{ $id }: { $verdict }
log-outcome-title = Decision #{ $id }: outcome recorded
log-field-requester = Proposed by
log-field-goal = Goal
log-field-result = Result
log-field-recorded-by = Recorded by
log-open-thread = Open the thread
log-no-thread = no thread
