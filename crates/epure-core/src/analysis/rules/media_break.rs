//! `media-break` — Rupture de support.
//!
//! Fires on a flow where the file goes from paper to digital and the next step keys data into a
//! system: the case arrives on paper (a paper or postal flow, or from a step done at the counter
//! or on paper) at a step carried out in a system that `enters` data. Not fired: paper to paper,
//! digital to digital; a digital step that prints or posts a letter (the normal way to notify
//! by post, counted in the `media_breaks` metric but not flagged); a paper document arriving at
//! a step that enters nothing.

use super::{Context, finding, text};
use crate::analysis::metrics::{Support, channel_support, medium_support};
use crate::analysis::words::{quote, quoted_list};
use crate::analysis::{Finding, Gain, Lang, Severity};

pub const ID: &str = "media-break";

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for &n in &ctx.g.order {
        if !ctx.reachable[n] {
            continue;
        }
        let from = ctx.step(n);
        for a in &ctx.g.out[n] {
            let flow = &ctx.p.graph()[a.edge];
            let to = ctx.step(a.node);
            let arrives_on_paper = match medium_support(flow.medium) {
                Some(s) => s == Support::Paper,
                None => matches!(from.channel, Some(crate::model::Channel::Counter | crate::model::Channel::Paper)),
            };
            if !arrives_on_paper || channel_support(to.channel) != Some(Support::Digital) || to.enters.is_empty() {
                continue;
            }
            let names: Vec<String> = to.enters.iter().map(|d| ctx.data_name(d)).collect();
            let mut subjects = vec![flow.id.clone(), ctx.id(a.node)];
            subjects.extend(to.enters.iter().cloned());
            out.push(finding(
                ID,
                Severity::Warning,
                subjects,
                text(
                    format!("Rupture de support avant {}", quote(Lang::Fr, &ctx.label(a.node))),
                    format!("Media break before {}", quote(Lang::En, &ctx.label(a.node))),
                ),
                text(
                    format!(
                        "Le dossier arrive sur papier de l'étape {} à l'étape {} ({}), qui saisit {} dans un système \
                         d'information : le papier est recopié à la main. Une transmission dématérialisée de bout en bout \
                         supprimerait la saisie et les erreurs de recopie.",
                        quote(Lang::Fr, &ctx.label(n)),
                        quote(Lang::Fr, &ctx.label(a.node)),
                        ctx.lane_name(a.node),
                        quoted_list(Lang::Fr, &names)
                    ),
                    format!(
                        "The file arrives on paper from step {} at step {} ({}), which keys {} into an information system: \
                         paper is copied by hand. A digital transfer end to end would remove the keying and copying errors.",
                        quote(Lang::En, &ctx.label(n)),
                        quote(Lang::En, &ctx.label(a.node)),
                        ctx.lane_name(a.node),
                        quoted_list(Lang::En, &names)
                    ),
                ),
                Gain {
                    touch_min: ctx.visits[a.node] * to.duration(),
                    lead_min: ctx.visits[n] * a.share * flow.delay(),
                    ..Gain::default()
                },
                Some("go-digital"),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::{Channel, Medium};

    fn two(from: Channel, medium: Option<Medium>, to: Channel, enters: bool) -> crate::model::Procedure {
        let b = B::new()
            .start("s")
            .task("x", "a", "Recevoir le formulaire")
            .channel("x", from)
            .task("y", "b", "Traiter la demande")
            .channel("y", to)
            .end("e")
            .chain(&["s", "x"])
            .flow("x", "y", 0.0, medium)
            .chain(&["y", "e"]);
        if enters { b.enters("y", &["formulaire"]).build() } else { b.build() }
    }

    #[test]
    fn fires_when_paper_is_keyed_in() {
        check(
            &two(Channel::Internal, Some(Medium::Paper), Channel::Internal, true),
            "media-break",
            &["f2 y formulaire"],
        );
        check(&two(Channel::Counter, None, Channel::Internal, true), "media-break", &["f2 y formulaire"]);
    }

    #[test]
    fn does_not_fire_without_keying_or_from_digital_or_on_a_posted_letter() {
        check(&two(Channel::Internal, Some(Medium::Paper), Channel::Internal, false), "media-break", &[]);
        check(&two(Channel::Online, Some(Medium::System), Channel::Internal, true), "media-break", &[]);
        check(&two(Channel::Mail, None, Channel::Internal, true), "media-break", &[]);
        check(&two(Channel::Internal, Some(Medium::Paper), Channel::Paper, true), "media-break", &[]);
    }
}
