# What the bot says in Discord around a walkthrough: the questions' frame, buttons, selects,
# forms, the verdict embed, notices, reminders, suggestions and the /finetune commands.
# Keep the markdown (**bold**, `code`) and every { $placeholder }.

## The walkthrough
thread-name = Fine-tune check: { $words }
thread-name-empty = Fine-tune check #{ $id }
question-header = **Question { $number } of { $total }**: { $question }
opening = { $requester } proposed fine-tuning:{ $quote }
no-thread-notice = (I could not open a thread here: a server admin can give me the **Create Public Threads** and **Send Messages in Threads** permissions. Let's continue in this channel.)
answered = > { $answer } (answered by { $by })
went-back = > { $by } went back to change the previous answer.
button-add-note = Add a note
button-back = Back
button-dismiss = Not a fine-tune request
button-no-drivers = None of these
select-goal = Choose the goal
select-drivers = Choose every driver that applies
no-drivers = None of these
modal-goal-title = Describe the goal
modal-goal-label = What should the model do better?
modal-note-title = Add a note
modal-note-label = Note or evidence links
dismissed = Closed: { $by } marked this as not a fine-tune request. Thanks, and sorry for the noise.
note-saved = Your note is saved with checklist #{ $id }.
lost-post = Your answer is recorded, but Discord did not let me post the next message. Use `/finetune resume` in a moment to see the current question.
unknown-button = This button is not one of tunegate's current buttons. Start a new checklist with `/finetune check`.
unknown-form = This form is not one of tunegate's current forms.
pick-listed-goal = Please pick one of the listed goals.
pick-listed-drivers = Please pick from the listed drivers.
button-out-of-date = This button is out of date.
control-out-of-date = This control is out of date.
form-out-of-date = This form is out of date.

## The verdict
verdict-message = Verdict for walkthrough #{ $id }
verdict-title = { $headline }: { $title }
verdict-why = Why
verdict-next-steps = Next steps
verdict-footer = Decision #{ $id } · checklist { $version }
verdict-savings = Savings estimate
button-estimate = Estimate the savings
button-estimate-again = Estimate again
savings-months = { $months } months
savings-never = never (nothing is saved once upkeep is counted)
savings-lines =
    Generic model: { $generic } a month
    Fine-tuned model: { $tuned } a month
    Saving after upkeep: { $saving } a month
    Break-even: { $break_even }
    Net after 12 months: { $net }
savings-does-not-pay = **At these figures fine-tuning does not pay back within 12 months**, and volume is the only reason this verdict gives for it. Check the figures; until they change, prompt work on the generic model (or a cheaper generic model) is the better investment.

## Reminders and the idle sweep
abandoned-notice = This checklist got no answer for a while, so I closed it (#{ $id }). Run `/finetune check` to start again.
reminder = { $mention }this checklist, started { $started }, is still waiting for an answer to question { $number } of { $total }. If fine-tuning is off the table, the first question has a "Not a fine-tune request" button; `/finetune resume` shows the current question again.

## Suggestions (the gentler first touch)
suggest-text = Thinking about fine-tuning? The checklist takes two minutes and often finds a cheaper fix first.
suggest-start = Run the fine-tune checklist
suggest-dismiss = Not a proposal
suggest-unknown-button = This button is not one of tunegate's current buttons. Nothing was recorded.

## /finetune and the message menu
use-in-server = Use this in a server channel.
could-not-start = I could not start the checklist: { $error }.
default-topic = Fine-tuning proposal
no-text-message = (a message without text)
started-in = Checklist #{ $id } started in { $home }.
started = Checklist #{ $id } started.
started-no-thread = {" "}I could not open a thread: a server admin can grant me **Create Public Threads** and **Send Messages in Threads** in this channel.
already-has-checklist = This message already has checklist #{ $id }.
cancelled-notice = Checklist #{ $id } was cancelled by { $by }. No decision was recorded.
cancelled = Checklist #{ $id } cancelled.
could-not-post-question = I could not post the question: { $error }.
current-question = Here is the current question of checklist #{ $id }.
command-failed = Something went wrong on my side; nothing was lost. Please try again in a moment.
help-commands-heading = **Commands**
help-commands =
    `/finetune check [topic]`: start the checklist in a new thread (or here, inside a thread)
    `/finetune cancel`: cancel this thread's checklist
    `/finetune resume`: show the current question again
    Message menu → Apps → **Run fine-tune checklist**: start it on any message
help-auditing-heading = **Auditing**
help-notice = I also notice messages that propose fine-tuning and offer the checklist in a thread; "Not a fine-tune request" closes it. Only the proposer{ $reviewers } can answer.
help-reviewers = {" "}(and the configured reviewer roles)

## Follow-ups: how a decision turned out
follow-up-prompt-work = Did the prompt work solve it?
follow-up-fine-tune = Did you fine-tune?
follow-up-again = {" "}(asking once more)
follow-up =
    { $mention }Checklist #{ $id } ended **{ $verdict }** for "{ $proposal }". { $question }{ $again }
    Your answer goes into the team's record of how its decisions turned out.
follow-up-note-label = Anything the team should know? (optional)
follow-up-recorded = **{ $result }**, recorded by { $by } { $when }
follow-up-already = This follow-up is already answered: { $recorded }. Nothing new was recorded.
follow-up-thanks-head = Checklist #{ $id }: how it turned out. { $recorded }
follow-up-ask-again = I will ask once more in { $delay }.
follow-up-thanks = Thanks: this is how the team learns which advice holds.
note-to-copy = Your note, to copy:
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}

## The savings estimate form
estimate-requests = Requests per month
estimate-requests-example = 10,000,000
estimate-tokens = Average tokens per request: input / output
estimate-tokens-example = 1000 / 200
estimate-prices = Current model, per 1M tokens: in / out
estimate-prices-example = 2.50 / 10.00
estimate-fine-tuned = Fine-tuned: price in / out, or cost ratio
estimate-fine-tuned-example = 10 (ten times cheaper), or 0.30 / 1.20
estimate-costs = One-off training cost / monthly upkeep
estimate-costs-example = 20,000 / 5,000
estimate-needs-pair = "{ $label }" needs two numbers separated by a slash, like 1000 / 200.
estimate-typed = Nothing was recorded. What you typed, to copy:

## Revisits and export files
revisit-trigger = Revisit of decision #{ $id }: { $text }
revisit-started = { $by } started checklist #{ $id } to revisit it.
revisit-could-not-start = I could not start the checklist: { $error }. Try `/finetune check` instead.
audit-unknown-button = This button is not one of tunegate's current buttons. Run the command again.
export-compressed = It was { $size } (more than the { $limit } Discord lets me attach here), so it is compressed with gzip to { $compressed }: open it with any unzip tool, or `gunzip { $name }`.
export-split = It was { $size } ({ $compressed } compressed), more than the { $limit } Discord lets me attach here, so the compressed file is split into { $parts } parts, one a message. Join them with `cat { $name }.part* > { $name }` (in order), then `gunzip { $name }`.
