//! Answers every question of a walkthrough through the shared flow, as the bot and the CLI
//! would, so store-level tests can seed finished decisions. Included with
//! `#[path = "support/answers.rs"] mod answers;` by tests that don't need the fake Discord.

use chrono::{DateTime, Utc};
use tunegate::app::App;
use tunegate::checklist::{
    Answer, Driver, DriverSet, Gate, GateAnswer, Goal, GoalChoice, Input, Step,
};
use tunegate::store::{Person, WalkthroughId};

/// Gives walkthrough `id` the goal "output format", `gates` and `drivers`, in order, as `who`.
pub async fn answer_all(
    flow: &App,
    id: WalkthroughId,
    who: &Person,
    gates: [GateAnswer; 4],
    drivers: &[Driver],
    now: DateTime<Utc>,
) {
    let mut inputs = vec![(
        Step::Goal,
        Input::Answer(Answer::Goal(GoalChoice {
            goal: Goal::OutputFormat,
            detail: None,
        })),
    )];
    for g in Gate::ALL {
        inputs.push((
            Step::Gate(*g),
            Input::Answer(Answer::Gate(*g, gates[g.index()])),
        ));
    }
    inputs.push((
        Step::Drivers,
        Input::Answer(Answer::Drivers(
            drivers.iter().copied().collect::<DriverSet>(),
        )),
    ));
    for (step, input) in inputs {
        flow.advance(id, step, input, who, None, now)
            .await
            .expect("the answer is recorded");
    }
}
