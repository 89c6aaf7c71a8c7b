//! Generated procedures of any size, for property tests and benchmarks.
//!
//! A procedure is grown from a seed as a chain of blocks an administration would draw: plain
//! steps in changing lanes, exclusive choices that merge again, rework loops back to an earlier
//! step, parallel consultations between a fork and its join, and early refusals. Every generated
//! procedure is valid (the reader accepts its file) and every step lies on a way from the start
//! to an end, so generated procedures exercise the same paths as drawn ones.

use crate::model::{
    Actor, ActorKind, Channel, DataItem, DataKind, Extra, Flow, Medium, Outcome, Procedure, Step, StepKind, ValueClass,
};

/// A small deterministic pseudo-random generator (SplitMix64): no dependency, same sequence on
/// every platform, so a seed names one procedure forever.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `num`/`den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const LANES: [(&str, &str, ActorKind, Option<f64>); 6] = [
    ("usager", "Usager", ActorKind::User, None),
    ("accueil", "Accueil", ActorKind::Agent, Some(32.0)),
    ("instruction", "Service instructeur", ActorKind::Service, Some(41.0)),
    ("direction", "Direction", ActorKind::Service, Some(58.0)),
    ("partenaire", "Administration partenaire", ActorKind::Partner, Some(45.0)),
    ("si", "Système d'information", ActorKind::System, Some(0.0)),
];

const VERBS: [&str; 10] = [
    "Vérifier",
    "Saisir",
    "Transmettre",
    "Instruire",
    "Contrôler",
    "Compléter",
    "Envoyer",
    "Enregistrer",
    "Examiner",
    "Notifier",
];
const OBJECTS: [&str; 8] = [
    "le dossier",
    "les pièces",
    "la demande",
    "le formulaire",
    "le justificatif",
    "l'avis",
    "la décision",
    "le paiement",
];
const DATA: [(&str, &str, DataKind, &[&str]); 8] = [
    ("domicile", "Justificatif de domicile", DataKind::Document, &[]),
    ("identite", "Pièce d'identité", DataKind::Document, &[]),
    ("avis-imposition", "Avis d'imposition", DataKind::Document, &["DGFiP"]),
    ("rib", "RIB", DataKind::Document, &[]),
    ("quotient", "Quotient familial", DataKind::Field, &["CAF"]),
    ("kbis", "Extrait Kbis", DataKind::Document, &["INPI"]),
    ("formulaire", "Formulaire de demande", DataKind::Document, &[]),
    ("numero-fiscal", "Numéro fiscal", DataKind::Field, &["DGFiP"]),
];

/// Grows a procedure of about `target_steps` steps (at least 3) from `seed`.
pub fn procedure(seed: u64, target_steps: usize) -> Procedure {
    Builder::new(seed).grow(target_steps.max(3))
}

struct Builder {
    rng: Rng,
    p: Procedure,
    next_step: usize,
    next_flow: usize,
}

impl Builder {
    fn new(seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let mut p = Procedure::new(format!("Démarche générée n° {seed}"));
        p.meta.owner = Some("Service généré".to_owned());
        p.meta.cases_per_year = Some((100 + rng.below(20_000)) as f64);
        let lanes = 2 + rng.below(LANES.len() - 1);
        p.actors = LANES[..lanes]
            .iter()
            .map(|&(id, name, kind, cost)| Actor {
                id: id.to_owned(),
                name: name.to_owned(),
                kind,
                hourly_cost_eur: cost,
                extra: Extra::new(),
            })
            .collect();
        p.data = DATA
            .iter()
            .map(|&(id, name, kind, held)| DataItem {
                id: id.to_owned(),
                name: name.to_owned(),
                kind: Some(kind),
                held_by: held.iter().map(|s| (*s).to_owned()).collect(),
                extra: Extra::new(),
            })
            .collect();
        Builder { rng, p, next_step: 0, next_flow: 0 }
    }

    fn add(&mut self, step: Step) -> String {
        let id = step.id.clone();
        // Ids are numbered by this builder, so they are unique.
        let _ = self.p.add_step(step);
        id
    }

    fn step_id(&mut self) -> String {
        self.next_step += 1;
        format!("s{}", self.next_step)
    }

    fn connect(&mut self, from: &str, to: &str, probability: Option<f64>) {
        self.next_flow += 1;
        let mut flow = Flow::new(format!("f{}", self.next_flow));
        flow.probability = probability;
        if self.rng.chance(1, 6) {
            flow.medium = Some(*self.rng.pick(&[Medium::Paper, Medium::Mail, Medium::Email, Medium::System]));
            flow.delay_min = Some((self.rng.below(4) * 720) as f64);
        }
        let _ = self.p.add_flow(from, to, flow);
    }

    fn work_step(&mut self) -> String {
        let id = self.step_id();
        let kind =
            *self.rng.pick(&[StepKind::Task, StepKind::Task, StepKind::Task, StepKind::Check, StepKind::Approval]);
        let mut s = Step::new(id, kind);
        let lane = self.rng.below(self.p.actors.len());
        s.actor = Some(self.p.actors[lane].id.clone());
        s.label = Some(format!("{} {}", self.rng.pick(&VERBS), self.rng.pick(&OBJECTS)));
        s.duration_min = Some((1 + self.rng.below(60)) as f64);
        if self.rng.chance(1, 2) {
            s.wait_min = Some((self.rng.below(10) * 210) as f64);
        }
        s.channel = Some(*self.rng.pick(&[
            Channel::Counter,
            Channel::Paper,
            Channel::Online,
            Channel::Internal,
            Channel::Email,
        ]));
        s.value = Some(*self.rng.pick(&[ValueClass::ValueAdding, ValueClass::Required, ValueClass::Waste]));
        let item = self.rng.below(self.p.data.len());
        let data = self.p.data[item].id.clone();
        match (self.p.actors[lane].kind, kind) {
            (ActorKind::User, _) => s.requests.push(data),
            (_, StepKind::Check) => s.checks.push(data),
            (_, StepKind::Approval) => s.produces.push(data),
            _ if self.rng.chance(1, 2) => s.enters.push(data),
            _ => {}
        }
        self.add(s)
    }

    fn gateway(&mut self, kind: StepKind, label: &str) -> String {
        let id = self.step_id();
        let mut s = Step::new(id, kind);
        if kind.needs_label() {
            s.label = Some(label.to_owned());
        }
        self.add(s)
    }

    fn end(&mut self, outcome: Outcome) -> String {
        let id = self.step_id();
        let mut s = Step::new(id, StepKind::End);
        s.outcome = Some(outcome);
        self.add(s)
    }

    fn grow(mut self, target: usize) -> Procedure {
        let start = self.gateway(StepKind::Start, "");
        let mut tail = start;
        while self.p.step_count() + 1 < target {
            tail = match self.rng.below(10) {
                0 | 1 if self.p.step_count() + 4 < target => self.choice(&tail),
                2 if self.p.step_count() + 3 < target => self.rework(&tail),
                3 if self.p.step_count() + 5 < target => self.consultation(&tail),
                4 if self.p.step_count() + 3 < target => self.knockout(&tail),
                _ => {
                    let s = self.work_step();
                    self.connect(&tail, &s, None);
                    s
                }
            };
        }
        let end = self.end(Outcome::Granted);
        self.connect(&tail, &end, None);
        self.p
    }

    /// Two exclusive ways that merge again.
    fn choice(&mut self, tail: &str) -> String {
        let split = self.gateway(StepKind::Decision, "Dossier complet ?");
        self.connect(tail, &split, None);
        let (a, b) = (self.work_step(), self.work_step());
        let p = (1 + self.rng.below(9)) as f64 / 10.0;
        self.connect(&split, &a, Some(p));
        self.connect(&split, &b, Some(1.0 - p));
        let merge = self.gateway(StepKind::Decision, "");
        self.connect(&a, &merge, None);
        self.connect(&b, &merge, None);
        merge
    }

    /// A step whose result sends the case back to it with some probability.
    fn rework(&mut self, tail: &str) -> String {
        let work = self.work_step();
        self.connect(tail, &work, None);
        let test = self.gateway(StepKind::Decision, "Pièces manquantes ?");
        self.connect(&work, &test, None);
        let fix = self.work_step();
        let p = (1 + self.rng.below(5)) as f64 / 10.0;
        self.connect(&test, &fix, Some(p));
        self.connect(&fix, &work, None);
        let next = self.work_step();
        self.connect(&test, &next, Some(1.0 - p));
        next
    }

    /// Parallel consultations between a fork and its join.
    fn consultation(&mut self, tail: &str) -> String {
        let fork = self.gateway(StepKind::Parallel, "");
        self.connect(tail, &fork, None);
        let join = self.gateway(StepKind::Parallel, "");
        for _ in 0..2 + self.rng.below(2) {
            let s = self.work_step();
            self.connect(&fork, &s, None);
            self.connect(&s, &join, None);
        }
        join
    }

    /// A decision that refuses some cases early.
    fn knockout(&mut self, tail: &str) -> String {
        let test = self.gateway(StepKind::Decision, "Demande recevable ?");
        self.connect(tail, &test, None);
        let refused = self.end(Outcome::Refused);
        let p = (1 + self.rng.below(3)) as f64 / 10.0;
        self.connect(&test, &refused, Some(p));
        let next = self.work_step();
        self.connect(&test, &next, Some(1.0 - p));
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;

    #[test]
    fn generated_procedures_are_valid_and_sized() {
        for (seed, size) in [(1, 3), (2, 20), (3, 200), (4, 2000)] {
            let p = procedure(seed, size);
            let text = format::to_string(&p);
            let back = format::from_str(&text).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
            assert_eq!(back, p);
            assert!(p.step_count() >= size.min(3) && p.step_count() <= size + 1, "seed {seed}: {}", p.step_count());
        }
    }

    #[test]
    fn a_seed_names_one_procedure() {
        assert_eq!(format::to_string(&procedure(7, 300)), format::to_string(&procedure(7, 300)));
        assert_ne!(format::to_string(&procedure(7, 300)), format::to_string(&procedure(8, 300)));
    }
}
