//! A small builder of procedures for the analysis tests: one line per step or flow.

use crate::model::{
    Actor, ActorKind, Channel, DataItem, Extra, Flow, Medium, Outcome, Procedure, Step, StepKind, ValueClass,
};

/// Lanes: `u` (Usager, user), `a` (Accueil, agent), `b` (Service instructeur), `c` (Direction),
/// `d` (Partenaire, partner); 60 €/h except the user.
#[derive(Clone)]
pub struct B {
    pub p: Procedure,
}

impl B {
    pub fn new() -> Self {
        let mut p = Procedure::new("Test");
        for (id, name, kind) in [
            ("u", "Usager", ActorKind::User),
            ("a", "Accueil", ActorKind::Agent),
            ("b", "Service instructeur", ActorKind::Service),
            ("c", "Direction", ActorKind::Service),
            ("d", "Partenaire", ActorKind::Partner),
        ] {
            let hourly = if kind == ActorKind::User { None } else { Some(60.0) };
            p.actors.push(Actor {
                id: id.into(),
                name: name.into(),
                kind,
                hourly_cost_eur: hourly,
                extra: Extra::new(),
            });
        }
        B { p }
    }

    fn add(mut self, s: Step) -> Self {
        self.p.add_step(s).expect("unique step id");
        self
    }

    pub fn start(self, id: &str) -> Self {
        self.add(Step::new(id, StepKind::Start))
    }
    pub fn end(self, id: &str) -> Self {
        let mut s = Step::new(id, StepKind::End);
        s.outcome = Some(Outcome::Granted);
        self.add(s)
    }
    pub fn refused(self, id: &str) -> Self {
        let mut s = Step::new(id, StepKind::End);
        s.outcome = Some(Outcome::Refused);
        self.add(s)
    }
    pub fn decision(self, id: &str) -> Self {
        let mut s = Step::new(id, StepKind::Decision);
        s.label = Some(format!("{id} ?"));
        self.add(s)
    }
    pub fn par(self, id: &str) -> Self {
        let mut s = Step::new(id, StepKind::Parallel);
        s.label = Some(id.into());
        self.add(s)
    }
    pub fn task(self, id: &str, lane: &str, label: &str) -> Self {
        self.add(Step::work(id, StepKind::Task, label, lane))
    }
    pub fn check(self, id: &str, lane: &str, label: &str) -> Self {
        self.add(Step::work(id, StepKind::Check, label, lane))
    }
    pub fn approval(self, id: &str, lane: &str, label: &str) -> Self {
        self.add(Step::work(id, StepKind::Approval, label, lane))
    }

    fn edit(mut self, id: &str, f: impl FnOnce(&mut Step)) -> Self {
        f(self.p.step_mut(id).expect("known step"));
        self
    }
    pub fn dur(self, id: &str, min: f64) -> Self {
        self.edit(id, |s| s.duration_min = Some(min))
    }
    pub fn wait(self, id: &str, min: f64) -> Self {
        self.edit(id, |s| s.wait_min = Some(min))
    }
    pub fn channel(self, id: &str, c: Channel) -> Self {
        self.edit(id, |s| s.channel = Some(c))
    }
    pub fn value(self, id: &str, v: ValueClass) -> Self {
        self.edit(id, |s| s.value = Some(v))
    }
    pub fn legal(self, id: &str) -> Self {
        self.edit(id, |s| s.legal_basis = Some("Code, art. 1".into()))
    }
    fn ensure_data(&mut self, ids: &[&str]) {
        for id in ids {
            if self.p.data_item(id).is_none() {
                self.p.data.push(DataItem {
                    id: (*id).into(),
                    name: data_name(id),
                    kind: None,
                    held_by: Vec::new(),
                    extra: Extra::new(),
                });
            }
        }
    }
    pub fn held(mut self, data: &str, by: &str) -> Self {
        self.ensure_data(&[data]);
        if let Some(d) = self.p.data.iter_mut().find(|d| d.id == data) {
            d.held_by.push(by.into());
        }
        self
    }
    /// Makes a data item a single datum (`field`) rather than a document.
    pub fn field(mut self, data: &str) -> Self {
        self.ensure_data(&[data]);
        if let Some(d) = self.p.data.iter_mut().find(|d| d.id == data) {
            d.kind = Some(crate::model::DataKind::Field);
        }
        self
    }
    pub fn requests(mut self, id: &str, d: &[&str]) -> Self {
        self.ensure_data(d);
        let d: Vec<String> = d.iter().map(|s| s.to_string()).collect();
        self.edit(id, |s| s.requests.extend(d))
    }
    pub fn enters(mut self, id: &str, d: &[&str]) -> Self {
        self.ensure_data(d);
        let d: Vec<String> = d.iter().map(|s| s.to_string()).collect();
        self.edit(id, |s| s.enters.extend(d))
    }
    pub fn checks(mut self, id: &str, d: &[&str]) -> Self {
        self.ensure_data(d);
        let d: Vec<String> = d.iter().map(|s| s.to_string()).collect();
        self.edit(id, |s| s.checks.extend(d))
    }
    pub fn produces(mut self, id: &str, d: &[&str]) -> Self {
        self.ensure_data(d);
        let d: Vec<String> = d.iter().map(|s| s.to_string()).collect();
        self.edit(id, |s| s.produces.extend(d))
    }

    /// Flows along a chain of step ids.
    pub fn chain(mut self, ids: &[&str]) -> Self {
        for w in ids.windows(2) {
            let id = self.p.fresh_flow_id();
            self.p.add_flow(w[0], w[1], Flow::new(id)).expect("known steps");
        }
        self
    }
    /// A flow out of a decision with its probability.
    pub fn prob(mut self, from: &str, to: &str, p: f64) -> Self {
        let id = self.p.fresh_flow_id();
        let mut f = Flow::new(id);
        f.probability = Some(p);
        self.p.add_flow(from, to, f).expect("known steps");
        self
    }
    /// A flow with a transfer delay and a medium.
    pub fn flow(mut self, from: &str, to: &str, delay: f64, medium: Option<Medium>) -> Self {
        let id = self.p.fresh_flow_id();
        let mut f = Flow::new(id);
        f.delay_min = Some(delay).filter(|d| *d > 0.0);
        f.medium = medium;
        self.p.add_flow(from, to, f).expect("known steps");
        self
    }
    pub fn build(self) -> Procedure {
        self.p
    }
}

fn data_name(id: &str) -> String {
    match id {
        "rib" => "RIB".into(),
        "domicile" => "Justificatif de domicile".into(),
        "avis" => "Avis d'imposition".into(),
        "plans" => "Plans".into(),
        other => other.into(),
    }
}

/// Ids of every subject of the findings of one rule, one finding per inner vector.
pub fn fired(p: &Procedure, rule: &str) -> Vec<Vec<String>> {
    crate::analysis::analyze(p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.subjects)
        .collect()
}

/// Data-driven check of one rule: the subjects of each finding, joined by spaces.
pub fn check(p: &Procedure, rule: &str, expect: &[&str]) {
    let got: Vec<String> = fired(p, rule).into_iter().map(|s| s.join(" ")).collect();
    assert_eq!(got, expect, "rule {rule}");
}
