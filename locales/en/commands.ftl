# What Discord lists about tunegate's commands: descriptions, the message menu entry, options
# and their choices, in English. Keep every { $placeholder } and { message-reference }.

## Command descriptions and the message menu entry as Discord lists them. Slash command names
## stay English in every language, so `/finetune check` in every text is what people type;
## descriptions up to 100 characters, the menu entry up to 32.
cmd-finetune-description = Fine-tuning checklist: check a proposal before anyone fine-tunes.
cmd-check-description = Start the fine-tuning checklist (in a new thread, or here inside a thread).
cmd-cancel-description = Cancel the open checklist of this thread.
cmd-resume-description = Show the current question of this thread's checklist again.
cmd-help-description = How tunegate works.
cmd-menu-name = Run fine-tune checklist
cmd-audit-description = Audit this server's fine-tuning decisions.
cmd-audit-history-description = Past checklists of this server, 10 a page (Manage Server or an audit role).
cmd-audit-show-description = One checklist of this server in full: answers, verdict, notes, reviews.
cmd-audit-review-description = Record the team's view of a decision: agreed, overruled (say why), or revisit later.
cmd-audit-outcome-description = Record how a decision turned out (its requester, the answer roles, or auditors).
cmd-audit-stats-description = Counts by verdict, share premature, failing gates, drivers, dismissals, and a chart.
cmd-audit-export-description = This server's checklists and decisions as a CSV or JSON file.
cmd-audit-settings-description = This server's settings and who changed them; with options, change them (Manage Server).
cmd-audit-help-description = Who may audit, and what each audit command does.

## The options of the slash commands, as Discord describes them: `opt-<command>-<option>`.
## Option names stay English, like command names; descriptions up to 100 characters.
opt-finetune-check-topic = What is being proposed, in a few words
opt-finetune-audit-history-verdict = Only this verdict
opt-finetune-audit-history-status = Only this status
opt-finetune-audit-history-requester = Only proposals by this member
opt-finetune-audit-history-since = Started on or after this day (YYYY-MM-DD, UTC)
opt-finetune-audit-history-until = Started on or before this day (YYYY-MM-DD, UTC)
opt-finetune-audit-history-text = Words in the proposal
opt-finetune-audit-history-share = Show the answer to the channel (default: only you)
opt-finetune-audit-show-id = The checklist's id (type to see this server's recent ones)
opt-finetune-audit-show-share = Show the answer to the channel (default: only you)
opt-finetune-audit-review-id = The decision's id (type to see this server's recent ones)
opt-finetune-audit-review-outcome = What the team concluded
opt-finetune-audit-review-note = Why (required when overruling)
opt-finetune-audit-review-revisit = A day to look again (YYYY-MM-DD, UTC): I post a reminder in its thread
opt-finetune-audit-review-share = Show the answer to the channel (default: only you)
opt-finetune-audit-outcome-id = The decision's id (type to see this server's recent ones)
opt-finetune-audit-outcome-result = How it turned out
opt-finetune-audit-outcome-note = What worked, what did not (optional)
opt-finetune-audit-stats-period = Which period (default: 90d)
opt-finetune-audit-stats-share = Show the answer to the channel (default: only you)
opt-finetune-audit-export-format = File format (default: csv)
opt-finetune-audit-export-since = Only checklists started on or after this day (YYYY-MM-DD, UTC)
opt-finetune-audit-export-share = Post the file to the channel (default: only you)
opt-finetune-audit-settings-detection = Read chat for proposals in this server
opt-finetune-audit-settings-watch = Read proposals in this channel (and its threads)
opt-finetune-audit-settings-ignore = Never read this channel (nor its threads)
opt-finetune-audit-settings-unlist = Take a channel off the watched and ignored lists
opt-finetune-audit-settings-channel-cooldown-minutes = Minutes before a channel's chat may start another checklist (0: none)
opt-finetune-audit-settings-user-cooldown-minutes = Minutes before one person's chat may start another checklist (0: none)
opt-finetune-audit-settings-add-answer-role = Members of this role may answer anyone's checklist
opt-finetune-audit-settings-remove-answer-role = This role no longer answers others' checklists
opt-finetune-audit-settings-language = The language of walkthroughs in this server
opt-finetune-audit-settings-follow-up-days = Days after a verdict before asking how it turned out
opt-finetune-audit-settings-log-channel = Post every verdict and outcome in this channel
opt-finetune-audit-settings-log-off = Stop posting verdicts in a decision log channel
opt-finetune-audit-settings-reset = Put one setting back to the bot's host configuration

## The choices of those options, as Discord lists them: `choice-<option>-<value>`. Discord
## sends back the choice's position, never these words, so they may change freely; up to 100
## characters.
choice-verdict-premature = premature
choice-verdict-not-justified-yet = not justified yet
choice-verdict-justified = justified
choice-status-open = { status-open }
choice-status-decided = { status-decided }
choice-status-abandoned = { status-abandoned }
choice-status-cancelled = { status-cancelled }
choice-status-dismissed = { status-dismissed }
choice-outcome-agreed = agreed
choice-outcome-overruled = overruled (say why in note)
choice-outcome-revisit-later = revisit later
# The words of the follow-up buttons.
choice-result-solved = { outcome-result-solved }
choice-result-partly = { outcome-result-partly }
choice-result-still-needed = { outcome-result-still_needed }
choice-result-not-tried = { outcome-result-not_tried }
choice-result-paid-off = { outcome-result-paid_off }
choice-result-no-gain = { outcome-result-no_gain }
choice-result-not-yet = { outcome-result-not_yet }
choice-result-dropped = { outcome-result-dropped }
choice-period-days30 = 30d
choice-period-days90 = 90d
choice-period-days365 = 365d
choice-period-all = all
choice-format-csv = csv
choice-format-json = json
# Each language under its own name, in every language.
choice-language-auto = each person's Discord language
choice-language-en = English
choice-language-fr = Français
choice-language-de = Deutsch
choice-language-es = Español
choice-reset-detection = detection
choice-reset-watch-channels = watched channels
choice-reset-ignore-channels = ignored channels
choice-reset-channel-cooldown = channel cooldown
choice-reset-user-cooldown = per-person cooldown
choice-reset-answer-roles = answer roles
choice-reset-language = language
choice-reset-follow-up-after = follow-up delay
choice-reset-log-channel = decision log channel
