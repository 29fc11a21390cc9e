//! What the rules of one evaluation (one plan: every rule's two hooks on every district) have
//! used so far: steps and processor time, by rule, and the directive texts given to each
//! district and to all. [`super::RuleSet::before_solve`] starts an evaluation afresh;
//! `after_solve` goes on with it.
//!
//! Hooks run one after another on one thread, districts in scenario order and rules in the
//! scenario's order, so what is spent before a call is the same on every run: the call that
//! goes over a limit of steps or text, and the spot where it stops, are the same on every run
//! and with any `--jobs`. Processor time is not (it depends on the machine); its limit is set
//! far above what the step limit lets a rule take, so that only a runaway rule meets it.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use super::limits::{MAX_ACTIONS_PER_DISTRICT, MAX_TEXT_PER_DISTRICT, MAX_TEXT_TOTAL};

/// The directive texts of an evaluation went over a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextOver {
    /// The district's own ([`MAX_TEXT_PER_DISTRICT`]).
    District,
    /// All districts together ([`MAX_TEXT_TOTAL`]).
    Total,
}

#[derive(Debug, Default)]
pub(crate) struct Budget {
    /// Steps of the evaluation's finished hook calls.
    steps: Cell<u64>,
    /// Processor time of the evaluation's finished hook calls.
    time: Cell<Duration>,
    /// Steps and processor time by rule (index in the rule set), finished calls only.
    by_rule: RefCell<Vec<(u64, Duration)>>,
    /// Characters of directive texts and reasons given to each district (index in the
    /// scenario).
    text_by_district: RefCell<Vec<usize>>,
    /// Characters of directive texts and reasons given to all districts.
    text: Cell<usize>,
    /// Actions taken on each district (index in the scenario).
    actions_by_district: RefCell<Vec<usize>>,
}

impl Budget {
    /// Starts a new evaluation: nothing spent.
    pub fn restart(&self) {
        self.steps.set(0);
        self.time.set(Duration::ZERO);
        self.by_rule.borrow_mut().clear();
        self.text_by_district.borrow_mut().clear();
        self.text.set(0);
        self.actions_by_district.borrow_mut().clear();
    }

    /// Starts a new evaluation that spends from the same steps and time as the last one: what
    /// each district was given is counted afresh.
    pub fn restart_districts(&self) {
        self.text_by_district.borrow_mut().clear();
        self.text.set(0);
        self.actions_by_district.borrow_mut().clear();
    }

    /// Steps spent by the finished calls.
    pub fn steps(&self) -> u64 {
        self.steps.get()
    }

    /// Processor time spent by the finished calls.
    pub fn time(&self) -> Duration {
        self.time.get()
    }

    /// Counts a finished (or stopped) call of rule `rule`.
    pub fn spend(&self, rule: usize, steps: u64, time: Duration) {
        self.steps.set(self.steps.get().saturating_add(steps));
        self.time.set(self.time.get().saturating_add(time));
        let mut by_rule = self.by_rule.borrow_mut();
        if by_rule.len() <= rule {
            by_rule.resize(rule + 1, (0, Duration::ZERO));
        }
        let spent = &mut by_rule[rule];
        *spent = (spent.0.saturating_add(steps), spent.1.saturating_add(time));
    }

    /// The rule (index) that took the most steps, and how many; the first of equals.
    pub fn most_steps(&self) -> Option<(usize, u64)> {
        most(self.by_rule.borrow().iter().map(|(steps, _)| *steps))
    }

    /// The rule (index) that took the most processor time, and how much.
    pub fn most_time(&self) -> Option<(usize, Duration)> {
        most(self.by_rule.borrow().iter().map(|(_, time)| *time))
    }

    /// Counts one action on the district `district` (index); false, and not counted, when it
    /// would take the district past [`MAX_ACTIONS_PER_DISTRICT`].
    pub fn charge_action(&self, district: usize) -> bool {
        let mut by_district = self.actions_by_district.borrow_mut();
        if by_district.len() <= district {
            by_district.resize(district + 1, 0);
        }
        if by_district[district] >= MAX_ACTIONS_PER_DISTRICT {
            return false;
        }
        by_district[district] += 1;
        true
    }

    /// Counts `chars` characters of directive text or reason given to the district `district`
    /// (index); refused when the district or the evaluation would go over its limit.
    pub fn charge_text(&self, district: usize, chars: usize) -> Result<(), TextOver> {
        let mut by_district = self.text_by_district.borrow_mut();
        if by_district.len() <= district {
            by_district.resize(district + 1, 0);
        }
        let here = by_district[district].saturating_add(chars);
        if here > MAX_TEXT_PER_DISTRICT {
            return Err(TextOver::District);
        }
        let total = self.text.get().saturating_add(chars);
        if total > MAX_TEXT_TOTAL {
            return Err(TextOver::Total);
        }
        by_district[district] = here;
        self.text.set(total);
        Ok(())
    }
}

/// The index of the largest of `spent`, and it; the first of equals.
fn most<T: PartialOrd + Copy>(spent: impl Iterator<Item = T>) -> Option<(usize, T)> {
    spent
        .enumerate()
        .fold(None, |best: Option<(usize, T)>, (i, x)| match best {
            Some((_, top)) if top >= x => best,
            _ => Some((i, x)),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_rule_is_the_first_of_equals() {
        let budget = Budget::default();
        assert_eq!(budget.most_steps(), None);
        budget.spend(2, 10, Duration::from_secs(1));
        budget.spend(0, 10, Duration::from_secs(2));
        assert_eq!(budget.most_steps(), Some((0, 10)));
        assert_eq!(budget.most_time(), Some((0, Duration::from_secs(2))));
        budget.spend(2, 1, Duration::from_secs(2));
        assert_eq!(budget.most_steps(), Some((2, 11)));
        assert_eq!(budget.most_time(), Some((2, Duration::from_secs(3))));
        assert_eq!(budget.steps(), 21);
        assert_eq!(budget.time(), Duration::from_secs(5));
        budget.restart();
        assert_eq!((budget.steps(), budget.most_steps()), (0, None));
    }

    #[test]
    fn actions_are_counted_by_district() {
        let budget = Budget::default();
        for _ in 0..MAX_ACTIONS_PER_DISTRICT {
            assert!(budget.charge_action(1));
        }
        assert!(!budget.charge_action(1));
        assert!(budget.charge_action(0));
        budget.restart();
        assert!(budget.charge_action(1));
    }

    #[test]
    fn text_is_refused_past_the_district_s_limit_and_not_counted() {
        let budget = Budget::default();
        assert_eq!(budget.charge_text(3, MAX_TEXT_PER_DISTRICT), Ok(()));
        assert_eq!(budget.charge_text(3, 1), Err(TextOver::District));
        assert_eq!(budget.charge_text(4, 1), Ok(()));
    }
}
