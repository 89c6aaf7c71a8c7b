//! Sequence, boundary and message flows → flows; the one start; the decisions' probabilities.

use std::collections::HashSet;

use epure_core::{Flow, Step, StepKind};

use super::{Mapper, trimmed};
use crate::import::xml::Ns;
use crate::report::Action;

impl Mapper<'_> {
    pub(super) fn sequence_flows(&mut self, proc_el: usize) {
        let t = self.t;
        for c in t.model_children(proc_el).filter(|&c| t.get(c).name == "sequenceFlow").collect::<Vec<_>>() {
            let e = t.get(c);
            let bpmn_id = e.attr("id").unwrap_or_default();
            let src = e.attr("sourceRef").unwrap_or_default().trim();
            let dst = e.attr("targetRef").unwrap_or_default().trim();
            let (Some(from), Some(to)) = (self.node_step.get(src).cloned(), self.node_step.get(dst).cloned()) else {
                let missing = if self.node_step.contains_key(src) { dst } else { src };
                self.r.push("sequenceFlow", bpmn_id, Action::DanglingReference { missing: missing.to_owned() });
                continue;
            };
            let mut flow = Flow::new(e.attr_ns(Ns::Epure, "id").unwrap_or(bpmn_id));
            let condition = t.child(c, Ns::Model, "conditionExpression").map(|x| t.get(x).text.trim().to_owned());
            let condition = condition.filter(|s| !s.is_empty());
            flow.label = trimmed(e.attr("name")).or_else(|| condition.clone());
            if let Some(cond) = condition {
                flow.extra.insert("condition".into(), cond.into());
            }
            if let Some(p) = e
                .attr_ns(Ns::Epure, "probability")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| (0.0..=1.0).contains(v))
            {
                flow.probability = Some(p);
                self.described_flows.insert(bpmn_id.to_owned());
            }
            if let Some(d) = e
                .attr_ns(Ns::Epure, "delay_min")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v >= 0.0)
            {
                flow.delay_min = Some(d);
            }
            self.add_flow("sequenceFlow", bpmn_id, &from, &to, flow);
        }
    }

    pub(super) fn boundary_flows(&mut self) {
        for (step, attached, bpmn_id) in std::mem::take(&mut self.boundaries) {
            match self.node_step.get(&attached).cloned() {
                Some(from) => {
                    let mut flow = Flow::new("");
                    flow.label = Some("exception".into());
                    self.add_flow("boundaryEvent", "", &from, &step, flow);
                    self.r.push("boundaryEvent", &bpmn_id, Action::Boundary { step, attached_to: Some(from) });
                }
                None => self.r.push("boundaryEvent", &bpmn_id, Action::Boundary { step, attached_to: None }),
            }
        }
    }

    pub(super) fn message_flows(&mut self) {
        let t = self.t;
        let pools: HashSet<String> = self.participants.iter().map(|p| p.id.clone()).collect();
        let mut flows = Vec::new();
        for collab in t.model_children(0).filter(|&c| t.get(c).name == "collaboration") {
            flows.extend(t.model_children(collab).filter(|&c| t.get(c).name == "messageFlow"));
        }
        for c in flows {
            let e = t.get(c);
            let bpmn_id = e.attr("id").unwrap_or_default();
            let src = e.attr("sourceRef").unwrap_or_default().trim();
            let dst = e.attr("targetRef").unwrap_or_default().trim();
            if pools.contains(src) || pools.contains(dst) {
                self.r.push("messageFlow", bpmn_id, Action::MessageFlowToPool);
                continue;
            }
            let (Some(from), Some(to)) = (self.node_step.get(src).cloned(), self.node_step.get(dst).cloned()) else {
                let missing = if self.node_step.contains_key(src) { dst } else { src };
                self.r.push("messageFlow", bpmn_id, Action::DanglingReference { missing: missing.to_owned() });
                continue;
            };
            let mut flow = Flow::new(bpmn_id);
            flow.label = trimmed(e.attr("name"));
            if let Some(id) = self.add_flow("messageFlow", bpmn_id, &from, &to, flow) {
                self.r.push("messageFlow", bpmn_id, Action::MessageFlow { flow: id });
            }
        }
    }

    /// A procedure has exactly one start: when the model has none, add one joined to every
    /// step of the main process that nothing leads to.
    pub(super) fn ensure_start(&mut self, main: Option<usize>) {
        if self.p.steps().any(|s| s.kind == StepKind::Start) {
            return;
        }
        let t = self.t;
        let main_nodes: HashSet<String> = main
            .map(|m| {
                t.model_children(m)
                    .filter_map(|c| t.get(c).attr("id"))
                    .filter_map(|x| self.node_step.get(x).cloned())
                    .collect()
            })
            .unwrap_or_default();
        let sources: Vec<String> = self
            .p
            .step_indices()
            .iter()
            .filter(|&&n| self.p.incoming(n).is_empty())
            .map(|&n| self.p.graph()[n].id.clone())
            .filter(|id| main_nodes.contains(id))
            .collect();
        let id = self.p.fresh_step_id("debut");
        let _ = self.p.add_step(Step::new(id.clone(), StepKind::Start));
        for s in &sources {
            let f = Flow::new(self.p.fresh_flow_id());
            let _ = self.p.add_flow(&id, s, f);
        }
        self.r.push("startEvent", "", Action::StartAdded { step: id, joined: sources.len() });
    }

    /// Decisions: even probabilities over their ways out, flagged for the agent to confirm,
    /// unless every way out already has one (a file from our own export).
    pub(super) fn spread_probabilities(&mut self) {
        let decisions: Vec<_> =
            self.p.step_indices().iter().copied().filter(|&n| self.p.graph()[n].kind == StepKind::Decision).collect();
        for n in decisions {
            let out = self.p.outgoing(n);
            let ids: Vec<String> = out.iter().map(|&(e, _)| self.p.graph()[e].id.clone()).collect();
            if ids.iter().all(|f| self.described_flows.contains(f)) {
                let sum: f64 = out.iter().filter_map(|&(e, _)| self.p.graph()[e].probability).sum();
                if ids.is_empty() || (sum - 1.0).abs() <= 0.001 {
                    continue;
                }
            }
            if ids.len() < 2 {
                for f in &ids {
                    if let Some(flow) = self.p.flow_mut(f) {
                        flow.probability = None;
                    }
                }
                continue;
            }
            let share = 1.0 / ids.len() as f64;
            for f in &ids {
                if let Some(flow) = self.p.flow_mut(f) {
                    flow.probability = Some(share);
                }
            }
            let step = self.p.graph()[n].id.clone();
            self.r.push("gateway", &step.clone(), Action::ProbabilitiesSpread { step, flows: ids.len() });
        }
    }
}
