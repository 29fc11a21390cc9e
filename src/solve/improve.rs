//! One-team moves on an allocation, each found in O(kinds · log districts) through heaps:
//! for every kind, the district where one more team gains the most installs and the one where
//! one team fewer loses the least. Repair to the rows, fill what is left, transfer teams of a
//! kind between districts, exchange a team of one kind for others, and, for `min-cost`, reach
//! the target, prune and lighten.
//!
//! A district's gains and losses depend on its own teams only, so after a move only the
//! districts it touched are pushed again; entries of an older version are skipped when popped.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::problem::Problem;
use super::state::State;
use super::tolerance::{IMPROVEMENT, INSTALLS_TOLERANCE, NEGLIGIBLE};
use crate::model::Allocation;

/// A heap entry: a district and kind with a key (higher first; the earlier district, then
/// kind, on a tie) and the district's version when it was pushed.
#[derive(PartialEq)]
struct Entry {
    key: f64,
    d: usize,
    version: u32,
}

impl Eq for Entry {}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.total_cmp(&other.key).then(other.d.cmp(&self.d))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A heap holding more than this many entries per district is cleared of stale ones.
const STALE_FACTOR: usize = 4;

/// Per kind: where one more team gains most, where one fewer loses least.
pub struct Moves {
    adds: Vec<BinaryHeap<Entry>>,
    removes: Vec<BinaryHeap<Entry>>,
    /// Changes made since the journal was last cleared, to undo a move that did not pay.
    journal: Vec<(usize, usize, bool)>,
}

impl Moves {
    pub fn new(s: &State) -> Moves {
        let kinds = s.p.kinds;
        let mut m = Moves {
            adds: (0..kinds).map(|_| BinaryHeap::new()).collect(),
            removes: (0..kinds).map(|_| BinaryHeap::new()).collect(),
            journal: Vec::new(),
        };
        for d in 0..s.p.districts {
            m.push(s, d);
        }
        m
    }

    /// Pushes district d's current gains and losses. A heap grown to [`STALE_FACTOR`] times
    /// the districts is rid of its stale entries first, so that memory stays bounded however
    /// many moves are made (each move leaves entries behind).
    fn push(&mut self, s: &State, d: usize) {
        let version = s.version[d];
        let most = STALE_FACTOR * s.p.districts + 64;
        for heap in self.adds.iter_mut().chain(self.removes.iter_mut()) {
            if heap.len() > most {
                heap.retain(|e| e.version == s.version[e.d]);
            }
        }
        for k in 0..s.p.kinds {
            if s.teams[d][k] < s.p.hi(d, k) {
                self.adds[k].push(Entry {
                    key: s.gain_of_add(d, k),
                    d,
                    version,
                });
            }
            if s.can_remove(d, k) {
                self.removes[k].push(Entry {
                    key: -s.loss_of_remove(d, k),
                    d,
                    version,
                });
            }
        }
    }

    pub fn add(&mut self, s: &mut State, d: usize, k: usize) {
        s.add(d, k);
        self.journal.push((d, k, true));
        self.push(s, d);
    }

    pub fn remove(&mut self, s: &mut State, d: usize, k: usize) {
        s.remove(d, k);
        self.journal.push((d, k, false));
        self.push(s, d);
    }

    /// Forgets the changes so far (they are kept).
    pub fn commit(&mut self) {
        self.journal.clear();
    }

    /// Reverts the changes since the last commit.
    pub fn undo(&mut self, s: &mut State) {
        while let Some((d, k, added)) = self.journal.pop() {
            if added {
                s.remove(d, k);
            } else {
                s.add(d, k);
            }
            self.push(s, d);
        }
    }

    /// The district where one more team of kind k gains most (within its bound; the rows
    /// are the caller's to check), other than `skip`, and the gain.
    pub fn best_add(&mut self, s: &State, k: usize, skip: Option<usize>) -> Option<(usize, f64)> {
        best(&mut self.adds[k], s, skip, |s, d| {
            s.teams[d][k] < s.p.hi(d, k)
        })
    }

    /// The district where one team fewer of kind k loses least (within its bound and floor),
    /// other than `skip`, and the loss.
    pub fn best_remove(
        &mut self,
        s: &State,
        k: usize,
        skip: Option<usize>,
    ) -> Option<(usize, f64)> {
        best(&mut self.removes[k], s, skip, |s, d| s.can_remove(d, k)).map(|(d, l)| (d, -l))
    }
}

impl Moves {
    /// Up to `count` districts where one team fewer of kind k loses least (within bound and
    /// floor), least loss first, with the losses; the heap is left as it was.
    pub fn removals(&mut self, s: &State, k: usize, count: usize) -> Vec<(usize, f64)> {
        let mut kept: Vec<Entry> = Vec::new();
        let mut out: Vec<(usize, f64)> = Vec::new();
        while out.len() < count {
            let Some(top) = self.removes[k].pop() else {
                break;
            };
            if top.version != s.version[top.d] || !s.can_remove(top.d, k) {
                continue;
            }
            if !out.iter().any(|&(d, _)| d == top.d) {
                out.push((top.d, -top.key));
            }
            kept.push(top);
        }
        self.removes[k].extend(kept);
        out
    }
}

/// The top valid entry other than district `skip`: stale entries are dropped, a top entry of
/// `skip` is set aside and put back.
fn best(
    heap: &mut BinaryHeap<Entry>,
    s: &State,
    skip: Option<usize>,
    valid: impl Fn(&State, usize) -> bool,
) -> Option<(usize, f64)> {
    let mut aside: Option<Entry> = None;
    let found = loop {
        let top = heap.peek()?;
        if top.version != s.version[top.d] || !valid(s, top.d) {
            heap.pop();
            continue;
        }
        if Some(top.d) == skip && aside.is_none() {
            aside = heap.pop();
            continue;
        }
        break Some((top.d, top.key));
    };
    if let Some(e) = aside {
        heap.push(e);
    }
    found
}

/// Whether `after` beats `before` by more than rounding noise.
fn improves(after: f64, before: f64) -> bool {
    after > before + IMPROVEMENT * before.abs().max(1.0)
}

/// A team's price per kind: 0 for a free kind (then only its gain counts).
fn ratio(gain: f64, price: f64) -> f64 {
    if price > 0.0 {
        gain / price
    } else {
        1e30 * gain
    }
}

/// Takes out, where a district's effort is beyond the point where less than
/// [`INSTALLS_TOLERANCE`] of its pool is left, the teams that only add to that excess (above
/// its least effort and its minimums), kind by kind. At prices near zero the
/// districts' answers take every team their bounds allow; a pool raised by 100,000 teams (a
/// finding's question) then held millions of teams that repair took out one at a time.
pub fn clip_saturated(p: &Problem, teams: &mut Allocation) {
    for (d, row) in teams.iter_mut().enumerate() {
        let pool = p.pool[d];
        let saturated = if pool > INSTALLS_TOLERANCE {
            pool * (pool / INSTALLS_TOLERANCE).ln()
        } else {
            0.0
        };
        let keep = saturated.max(p.least[d]);
        let mut excess = p.effort(d, row) - keep;
        if excess <= 0.0 {
            continue;
        }
        for (k, count) in row.iter_mut().enumerate() {
            let per_team = p.effort_per_team(d, k);
            if per_team <= 0.0 {
                continue;
            }
            let spare = count.saturating_sub(p.lo(d, k));
            let n = ((excess / per_team).floor().max(0.0) as u64).min(u64::from(spare)) as u32;
            *count -= n;
            excess -= f64::from(n) * per_team;
        }
    }
}

/// Removes teams until every row holds, each time the team that loses the fewest installs
/// per unit of the over-used rows it frees; where floors leave nothing to remove, switches
/// districts to their least use of those rows. False when neither can make the rows hold.
pub fn repair(s: &mut State, moves: &mut Moves) -> bool {
    // each switch frees what it can of the rows over at the time: a few rounds at most
    let mut switches = 2 * s.p.rows.len() + 2;
    let repaired = loop {
        if shed(s, moves) {
            break true;
        }
        let over = s.over();
        if switches == 0 || !switch(s, moves, &over) {
            break false;
        }
        switches -= 1;
    };
    // a repair is never undone: its journal would only grow with every team it removed
    moves.commit();
    repaired
}

/// Removes teams until every row holds, each time the team that loses the fewest installs per
/// unit of the over-used rows it frees. False when the bounds and floors leave nothing to
/// remove while a row is still over.
fn shed(s: &mut State, moves: &mut Moves) -> bool {
    loop {
        let over = s.over();
        if over.is_empty() {
            return true;
        }
        let mut pick: Option<(f64, usize, usize)> = None;
        for k in 0..s.p.kinds {
            let relief: f64 = over
                .iter()
                .map(|&j| s.p.rows[j].per_team[k] / s.p.rows[j].capacity.max(1.0))
                .sum();
            if relief <= 0.0 {
                continue;
            }
            if let Some((d, loss)) = moves.best_remove(s, k, None) {
                let score = loss / relief;
                if pick.is_none_or(|(b, _, _)| score < b) {
                    pick = Some((score, d, k));
                }
            }
        }
        let Some((_, d, k)) = pick else {
            return false;
        };
        moves.remove(s, d, k);
    }
}

/// Where floors keep every team in place: switches districts to their least use of the
/// over-used rows that still meets their floor, those that free the most first, until the rows
/// hold. False when no district can free anything.
///
/// The rows not over weigh [`OTHER_ROWS`] of their share, so that a switch spares them too.
fn switch(s: &mut State, moves: &mut Moves, over: &[usize]) -> bool {
    let p = s.p;
    // the over-used rows weigh most; the others a little, so that the alternative spares them
    let weight: Vec<f64> = (0..p.rows.len())
        .map(|j| {
            let w = 1.0 / p.rows[j].capacity.max(1.0);
            if over.contains(&j) { w } else { OTHER_ROWS * w }
        })
        .collect();
    let price: Vec<f64> = (0..p.kinds)
        .map(|k| {
            p.rows
                .iter()
                .zip(&weight)
                .map(|(r, w)| r.per_team[k] * w)
                .sum::<f64>()
                + NEGLIGIBLE
        })
        .collect();
    let over_use = |row: &[u32]| -> f64 {
        over.iter()
            .map(|&j| {
                row.iter()
                    .zip(&p.rows[j].per_team)
                    .map(|(&t, a)| f64::from(t) * a)
                    .sum::<f64>()
                    * weight[j]
            })
            .sum()
    };
    // each district's least use of the over-used rows, the two halves on rayon's pool (sorted
    // below, so the same on any number of cores)
    let teams = &s.teams;
    let alternatives = |range: std::ops::Range<usize>| -> Vec<(f64, usize, Vec<u32>)> {
        let mut scratch = super::subproblem::Scratch::default();
        let mut alternative = vec![0; p.kinds];
        let mut found = Vec::new();
        for d in range {
            let now = over_use(&teams[d]);
            if now <= 0.0
                || super::subproblem::respond(
                    p,
                    d,
                    0.0,
                    &price,
                    p.least[d],
                    &mut alternative,
                    &mut scratch,
                )
                .is_none()
            {
                continue;
            }
            let saved = now - over_use(&alternative);
            if saved > NEGLIGIBLE {
                found.push((saved, d, alternative.clone()));
            }
        }
        found
    };
    let half = p.districts / 2;
    let mut candidates = if half >= 256 {
        let (mut first, second) =
            rayon::join(|| alternatives(0..half), || alternatives(half..p.districts));
        first.extend(second);
        first
    } else {
        alternatives(0..p.districts)
    };
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut progressed = false;
    for (_, d, row) in candidates {
        if over
            .iter()
            .all(|&j| super::problem::fits_row(&p.rows[j], s.used[j]))
        {
            break;
        }
        // never push a row that holds over its capacity
        let spills = (0..p.rows.len()).filter(|j| !over.contains(j)).any(|j| {
            let r = &p.rows[j];
            let delta: f64 = (0..p.kinds)
                .map(|k| (f64::from(row[k]) - f64::from(s.teams[d][k])) * r.per_team[k])
                .sum();
            delta > 0.0 && !super::problem::fits_row(r, s.used[j] + delta)
        });
        if spills {
            continue;
        }
        for (k, &want) in row.iter().enumerate() {
            while s.teams[d][k] < want {
                moves.add(s, d, k);
            }
            while s.teams[d][k] > want {
                moves.remove(s, d, k);
            }
        }
        progressed = true;
    }
    progressed
}

/// Adds teams to each district below its least effort (its floor): local teams first (they
/// use no pool), the most effort per team first. False when a district cannot be lifted
/// within its bounds.
pub fn lift_to_floors(s: &mut State, moves: &mut Moves) -> bool {
    let p = s.p;
    for d in 0..p.districts {
        let mut order: Vec<usize> = (0..p.kinds).collect();
        let local = |k: usize| !p.rows.iter().any(|r| r.kind == Some(k));
        order.sort_by(|&a, &b| {
            local(b)
                .cmp(&local(a))
                .then(p.effort_per_team(d, b).total_cmp(&p.effort_per_team(d, a)))
                .then(a.cmp(&b))
        });
        for k in order {
            while !s.meets_floor(d) && s.teams[d][k] < p.hi(d, k) {
                moves.add(s, d, k);
            }
        }
        if !s.meets_floor(d) {
            return false;
        }
    }
    true
}

/// Adds teams while one fits and gains installs, the most installs per unit of `price` (the
/// rows' multipliers) first.
pub fn fill(s: &mut State, moves: &mut Moves, price: &[f64]) {
    loop {
        let mut pick: Option<(f64, usize, usize)> = None;
        for (k, &pk) in price.iter().enumerate() {
            if !s.rows_allow(k) {
                continue;
            }
            if let Some((d, gain)) = moves.best_add(s, k, None)
                && gain > INSTALLS_TOLERANCE
            {
                let score = ratio(gain, pk);
                if pick.is_none_or(|(b, _, _)| score > b) {
                    pick = Some((score, d, k));
                }
            }
        }
        let Some((_, d, k)) = pick else { return };
        moves.add(s, d, k);
    }
}

/// Moves teams of one kind from the district where they lose least to the one where they
/// gain most, while that gains installs. Pools and the budget are unchanged by such a move.
pub fn transfer(s: &mut State, moves: &mut Moves) {
    for k in 0..s.p.kinds {
        while let Some((from, loss)) = moves.best_remove(s, k, None) {
            let Some((to, gain)) = moves.best_add(s, k, Some(from)) else {
                break;
            };
            if !improves(s.total - loss + gain, s.total) {
                break;
            }
            moves.remove(s, from, k);
            moves.add(s, to, k);
            moves.commit();
        }
    }
}

/// Exchanges a team for others, both ways: the team of some kind that loses least is taken
/// out and the rows it frees are filled again (most installs per price first), or the team
/// that gains most is put in and the rows it over-uses are freed again (fewest installs lost
/// first); kept where the installs rise. Repeated, with transfers, until no exchange pays.
pub fn exchange(s: &mut State, moves: &mut Moves, price: &[f64]) {
    exchange_until(s, moves, price, f64::INFINITY);
}

/// [`exchange`], stopping as soon as the outreach reaches `goal` (a question of whether a
/// target is reached needs no more).
pub fn exchange_until(s: &mut State, moves: &mut Moves, price: &[f64], goal: f64) {
    moves.commit();
    let mut rounds = 0;
    loop {
        transfer(s, moves);
        let mut improved = false;
        for k in 0..s.p.kinds {
            // a team out, the rows it frees filled again
            if let Some((d, _)) = moves.best_remove(s, k, None) {
                let before = s.total;
                moves.remove(s, d, k);
                fill(s, moves, price);
                if improves(s.total, before) {
                    moves.commit();
                    improved = true;
                } else {
                    moves.undo(s);
                }
            }
            // a team in where it gains most, the rows it over-uses freed again (one dear
            // team for several cheap ones, which the other way cannot make)
            if let Some((d, gain)) = moves.best_add(s, k, None)
                && gain > INSTALLS_TOLERANCE
            {
                let before = s.total;
                moves.add(s, d, k);
                if shed(s, moves) && improves(s.total, before) {
                    moves.commit();
                    improved = true;
                } else {
                    moves.undo(s);
                }
            }
        }
        rounds += 1;
        if !improved || rounds > 4 * s.p.districts.max(8) || s.total >= goal {
            s.resum();
            return;
        }
    }
}

/// Adds teams until the outreach reaches `need`, most installs per unit of `weight` first; the
/// last team is the lightest that closes what was left. False when the limits stop it short.
pub fn reach(s: &mut State, moves: &mut Moves, need: f64, weight: &[f64]) -> bool {
    let mut last = None;
    while s.total < need - INSTALLS_TOLERANCE {
        let mut pick: Option<(f64, usize, usize)> = None;
        for (k, &w) in weight.iter().enumerate() {
            if !s.rows_allow(k) {
                continue;
            }
            if let Some((d, gain)) = moves.best_add(s, k, None)
                && gain > 0.0
            {
                let score = ratio(gain, w);
                if pick.is_none_or(|(b, _, _)| score > b) {
                    pick = Some((score, d, k));
                }
            }
        }
        let Some((_, d, k)) = pick else { return false };
        moves.add(s, d, k);
        last = Some((d, k));
    }
    if let Some((d, k)) = last {
        // the last team only had to close the deficit: a lighter one that does is as good
        moves.remove(s, d, k);
        let deficit = need - INSTALLS_TOLERANCE - s.total;
        let mut closer: Option<(f64, usize, usize)> = None;
        for (ka, &w) in weight.iter().enumerate() {
            if s.rows_allow(ka)
                && let Some((da, gain)) = moves.best_add(s, ka, None)
                && gain >= deficit
                && closer.is_none_or(|(b, _, _)| w < b)
            {
                closer = Some((w, da, ka));
            }
        }
        match closer {
            Some((w, da, ka)) if w < weight[k] => moves.add(s, da, ka),
            _ => moves.add(s, d, k),
        }
    }
    true
}

/// Removes teams while the outreach stays at `need` or more: each time the team that saves the
/// most weight per install lost (the surplus over `need` is spent where it buys most), then,
/// with what surplus is left, the heaviest team that still fits in it.
pub fn prune(s: &mut State, moves: &mut Moves, need: f64, weight: &[f64]) {
    loop {
        let slack = s.total - (need - INSTALLS_TOLERANCE);
        let mut pick: Option<(f64, usize, usize)> = None;
        for (k, &w) in weight.iter().enumerate() {
            if let Some((d, loss)) = moves.best_remove(s, k, None)
                && loss <= slack
            {
                let score = w / loss.max(NEGLIGIBLE);
                if pick.is_none_or(|(b, _, _)| score > b) {
                    pick = Some((score, d, k));
                }
            }
        }
        let Some((_, d, k)) = pick else { return };
        moves.remove(s, d, k);
    }
}

/// Districts tried per kind and round when lightening: the teams that lose least.
const LIGHTEN_CANDIDATES: usize = 12;

/// In a switch, the weight of the rows not over, as a share of their use.
const OTHER_ROWS: f64 = 1e-3;

/// Takes one team out (among each kind's least useful) or two of a kind, and reaches `need`
/// again the lightest way; keeps the change where the plan weighs less. Repeated until no
/// such exchange pays.
pub fn lighten(s: &mut State, moves: &mut Moves, need: f64, weight: &[f64]) {
    moves.commit();
    let mut order: Vec<usize> = (0..s.p.kinds).collect();
    order.sort_by(|&a, &b| weight[b].total_cmp(&weight[a]).then(a.cmp(&b)));
    let mut rounds = 0;
    loop {
        let mut improved = false;
        'kinds: for &k in &order {
            let candidates = moves.removals(s, k, LIGHTEN_CANDIDATES);
            let pair: Vec<usize> = candidates.iter().take(2).map(|&(d, _)| d).collect();
            let singles = candidates.iter().map(|&(d, _)| vec![d]);
            for out in singles.chain((pair.len() == 2).then_some(pair)) {
                let before = s.weighed(weight);
                let mut removed = true;
                for &d in &out {
                    if s.can_remove(d, k) {
                        moves.remove(s, d, k);
                    } else {
                        removed = false;
                    }
                }
                if removed && reach(s, moves, need, weight) {
                    prune(s, moves, need, weight);
                    if s.weighed(weight) < before - IMPROVEMENT * before.max(1.0) {
                        moves.commit();
                        improved = true;
                        break 'kinds;
                    }
                }
                moves.undo(s);
            }
        }
        rounds += 1;
        if !improved || rounds > 4 * s.p.districts.max(8) {
            s.resum();
            return;
        }
    }
}
