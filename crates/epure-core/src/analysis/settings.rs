//! Thresholds of the rules, with the defaults of the analysis spec.
//!
//! They travel with the analysis input: a procedure file may carry them under the top-level key
//! `analysis_settings` (an unknown field, kept by the reader); anything missing or malformed takes
//! the default, so settings can never make a procedure unanalysable.

use serde::{Deserialize, Serialize};

use crate::model::Procedure;

/// The thresholds of the rule catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `ping-pong`: the steps of the other lane are "short" when their touch time adds up to at most this.
    pub ping_pong_max_touch_min: f64,
    /// `handoff-chain`: more handoffs than this on one way from the start to an end is flagged.
    pub handoff_chain_max: usize,
    /// `waiting`: a wait is flagged when it is at least this share of the lead time…
    pub waiting_min_share: f64,
    /// …and at least this long (a 5-minute queue in a 10-minute procedure is not a problem).
    pub waiting_min_min: f64,
    /// `too-many-contacts`: more expected contacts with the user per case than this is flagged.
    pub max_user_contacts: f64,
    /// `late-knockout`: the work done before a refusal that did not influence it, in minutes per
    /// case, from which the refusal is called late…
    pub late_knockout_min_touch_min: f64,
    /// …when it is also at least this share of the administration's work before the decision.
    pub late_knockout_min_share: f64,
    /// `rework-loop`: a loop taken at least this often is a warning, below it is information.
    pub rework_warning_probability: f64,
    /// Minutes in one working day, to write durations for people (the project's convention: 7 h).
    pub working_day_min: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            ping_pong_max_touch_min: 15.0,
            handoff_chain_max: 5,
            waiting_min_share: 0.25,
            waiting_min_min: 60.0,
            max_user_contacts: 2.0,
            late_knockout_min_touch_min: 60.0,
            late_knockout_min_share: 0.5,
            rework_warning_probability: 0.2,
            working_day_min: 420.0,
        }
    }
}

impl Settings {
    /// The settings a procedure carries under `analysis_settings`, defaults for the rest.
    pub fn from_procedure(p: &Procedure) -> Self {
        let mut s = p
            .extra
            .get("analysis_settings")
            .and_then(|v| serde_json::from_value::<Settings>(v.clone()).ok())
            .unwrap_or_default();
        s.sanitise();
        s
    }

    /// Replaces negative or non-finite thresholds by their defaults.
    pub fn sanitise(&mut self) {
        let d = Settings::default();
        let fix = |v: &mut f64, dv: f64| {
            if !v.is_finite() || *v < 0.0 {
                *v = dv;
            }
        };
        fix(&mut self.ping_pong_max_touch_min, d.ping_pong_max_touch_min);
        fix(&mut self.waiting_min_share, d.waiting_min_share);
        fix(&mut self.waiting_min_min, d.waiting_min_min);
        fix(&mut self.max_user_contacts, d.max_user_contacts);
        fix(&mut self.late_knockout_min_touch_min, d.late_knockout_min_touch_min);
        fix(&mut self.late_knockout_min_share, d.late_knockout_min_share);
        fix(&mut self.rework_warning_probability, d.rework_warning_probability);
        fix(&mut self.working_day_min, d.working_day_min);
        if self.working_day_min == 0.0 {
            self.working_day_min = d.working_day_min;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_spec_s() {
        let s = Settings::default();
        assert_eq!((s.ping_pong_max_touch_min, s.handoff_chain_max, s.waiting_min_share), (15.0, 5, 0.25));
        assert_eq!(s.max_user_contacts, 2.0);
    }

    #[test]
    fn a_procedure_carries_its_settings_and_bad_values_fall_back() {
        let mut p = Procedure::new("x");
        p.extra
            .insert("analysis_settings".into(), serde_json::json!({"handoff_chain_max": 3, "waiting_min_share": -1}));
        let s = Settings::from_procedure(&p);
        assert_eq!(s.handoff_chain_max, 3);
        assert_eq!(s.waiting_min_share, 0.25);
        p.extra.insert("analysis_settings".into(), serde_json::json!("nonsense"));
        assert_eq!(Settings::from_procedure(&p), Settings::default());
    }
}
