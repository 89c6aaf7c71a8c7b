//! `once-only`: the finding of a piece asked of the user although an administration holds it.

use super::{ID, own, subject_fr};
use crate::analysis::metrics::Context;
use crate::analysis::rules::{finding, text};
use crate::analysis::words::{list, quote, quoted_list};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::DataItem;

/// The finding of item `d`, which `held_by` names holders of, asked at steps `askers`: one
/// finding naming every step that asks for it (`fetch-from-holder`).
pub(super) fn finding_of(ctx: &Context, d: &DataItem, askers: &[usize]) -> Finding {
    let name = d.name.clone();
    let labels: Vec<String> = askers.iter().map(|&n| ctx.label(n)).collect();
    let holders_fr = list(Lang::Fr, &d.held_by);
    let holders_en = list(Lang::En, &d.held_by);
    let per_case: f64 = askers.iter().map(|&n| ctx.visits[n]).sum();
    let mut subjects = vec![d.id.clone()];
    subjects.extend(askers.iter().map(|&n| ctx.id(n)));
    let (holders_label, by_fr, from_fr) = if d.held_by.len() == 1 {
        ("détenteur", "une administration", "auprès d'elle")
    } else {
        ("détenteurs", "des administrations", "auprès de l'une d'elles")
    };
    let (step_fr, step_en) = if askers.len() == 1 { ("à l'étape", "at step") } else { ("aux étapes", "at steps") };
    // The administration asking for it holds it itself: in its own files, not another's.
    let holder = own::holder_of(ctx, d);
    let own = holder == own::Holder::Asker;
    let (held_fr, fetch_fr, held_en, fetch_en) = match holder {
        own::Holder::Asker => (
            "l'administration qui la demande".to_owned(),
            "Elle peut être consultée dans ses propres fichiers".to_owned(),
            format!("the administration asking for it ({holders_en})"),
            "It can look it up in its own files".to_owned(),
        ),
        own::Holder::Other => (
            by_fr.to_owned(),
            format!("Elle peut être récupérée directement {from_fr} (échange de données, API)"),
            holders_en.clone(),
            "The administration can fetch it directly (data exchange, API)".to_owned(),
        ),
    };
    finding(
        ID,
        Severity::Warning,
        subjects,
        text(
            format!("Dites-le-nous une fois : {} ({holders_label} : {holders_fr})", quote(Lang::Fr, &name)),
            format!("Tell us once: {} is already held by {holders_en}", quote(Lang::En, &name)),
        ),
        text(
            format!(
                "{} est demandée à l'usager {step_fr} {}, alors qu'elle est déjà détenue par {held_fr} \
                 ({holders_label} : {holders_fr}). {fetch_fr} au lieu d'être redemandée (CRPA art. L113-12 \
                 et L114-8).",
                subject_fr(d),
                quoted_list(Lang::Fr, &labels),
            ),
            format!(
                "{} is requested from the user {step_en} {} although {held_en} already {} it. \
                 {fetch_en} instead of asking for it (CRPA art. L113-12 and L114-8).",
                quote(Lang::En, &name),
                quoted_list(Lang::En, &labels),
                if d.held_by.len() == 1 || own { "holds" } else { "hold" },
            ),
        ),
        Gain { requests: per_case, ..Gain::default() },
        Some("fetch-from-holder"),
    )
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::B;

    /// The explanation of the once-only finding on a decision held by `holder`, checked by lane
    /// `checker` after the user asked for it.
    fn held_by(holder: &str, checker: &str) -> String {
        let p = B::new()
            .start("s")
            .task("depot", "u", "Déposer le dossier")
            .held("dec", holder)
            .requests("depot", &["dec"])
            .check("k", checker, "Vérifier le dossier")
            .checks("k", &["dec"])
            .end("e")
            .chain(&["s", "depot", "k", "e"])
            .build();
        let f = crate::analysis::analyze(&p, &Default::default()).findings;
        f.into_iter().find(|f| f.rule == "once-only").expect("fires").explanation_fr
    }

    #[test]
    fn a_piece_held_by_the_lane_that_checks_it_is_in_the_askers_own_files() {
        // The secretariat of the commission keeps the commission's earlier decisions.
        let fr = held_by("Service instructeur (archives des décisions)", "b");
        assert!(fr.contains("déjà détenue par l'administration qui la demande"), "{fr}");
        assert!(fr.contains("Elle peut être consultée dans ses propres fichiers"), "{fr}");
        // Near misses: held by a lane that does not check it, or by a partner's lane.
        for (holder, checker) in [("Service instructeur", "a"), ("Partenaire", "d")] {
            let fr = held_by(holder, checker);
            assert!(fr.contains("déjà détenue par une administration"), "{holder}, {checker}: {fr}");
        }
    }

    #[test]
    fn the_english_names_the_law_the_french_names() {
        let p = B::new()
            .start("s")
            .task("depot", "u", "Déposer le dossier")
            .held("avis", "DGFiP")
            .requests("depot", &["avis"])
            .end("e")
            .chain(&["s", "depot", "e"])
            .build();
        let f = crate::analysis::analyze(&p, &Default::default()).findings;
        let f = f.into_iter().find(|f| f.rule == "once-only").expect("fires");
        assert!(
            f.explanation_fr.ends_with("au lieu d'être redemandée (CRPA art. L113-12 et L114-8)."),
            "{}",
            f.explanation_fr
        );
        assert!(
            f.explanation_en.ends_with("instead of asking for it (CRPA art. L113-12 and L114-8)."),
            "{}",
            f.explanation_en
        );
    }
}
