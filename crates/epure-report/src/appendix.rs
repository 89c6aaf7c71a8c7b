//! The report's appendix: the actors, the documents and data, and the method (how each figure
//! is computed). Part of the pure report model (see [`crate::model`]).

use std::collections::BTreeSet;

use epure_core::{ActorKind, DataKind};

use crate::input::ReportInput;
use crate::model::{Align, Block, Column, Orientation, Section, Table};
use crate::text::{self, Lang};

fn actor_kind(lang: Lang, k: ActorKind) -> &'static str {
    match k {
        ActorKind::User => lang.pick("usager", "user"),
        ActorKind::Agent => lang.pick("agent d'accueil", "front office"),
        ActorKind::Service => lang.pick("service", "service"),
        ActorKind::Partner => lang.pick("partenaire", "partner"),
        ActorKind::System => lang.pick("système d'information", "information system"),
    }
}

/// The appendix section.
pub(crate) fn appendix(input: &ReportInput<'_>) -> Section {
    let lang = input.lang;
    let p = input.before.procedure;
    let mut blocks = vec![Block::Subheading(lang.pick("Acteurs", "Actors").to_owned())];
    let actors = p
        .actors
        .iter()
        .map(|a| {
            let steps = p.steps().filter(|s| s.kind.is_work() && s.actor.as_deref() == Some(a.id.as_str())).count();
            let cost =
                a.hourly_cost_eur.map_or_else(|| "—".to_owned(), |c| format!("{}\u{a0}€/h", text::number(lang, c, 2)));
            vec![a.name.clone(), actor_kind(lang, a.kind).to_owned(), cost, steps.to_string()]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column { title: lang.pick("Acteur", "Actor").to_owned(), width: 3.0, align: Align::Left },
            Column { title: lang.pick("Nature", "Kind").to_owned(), width: 1.5, align: Align::Left },
            Column { title: lang.pick("Coût horaire", "Hourly cost").to_owned(), width: 1.1, align: Align::Right },
            Column { title: lang.pick("Étapes", "Steps").to_owned(), width: 0.8, align: Align::Right },
        ],
        rows: actors,
    }));
    blocks.push(Block::Subheading(lang.pick("Documents et données", "Documents and data").to_owned()));
    if p.data.is_empty() {
        blocks
            .push(Block::Paragraph(lang.pick("Aucune donnée n'est décrite.", "No data item is described.").to_owned()));
    } else {
        let uses = |f: fn(&epure_core::Step) -> &Vec<String>, id: &str| {
            p.steps().filter(|s| f(s).iter().any(|d| d == id)).count()
        };
        let rows = p
            .data
            .iter()
            .map(|d| {
                let kind = match d.kind() {
                    DataKind::Document => lang.pick("pièce", "document"),
                    DataKind::Field => lang.pick("donnée", "datum"),
                };
                let held = if d.held_by.is_empty() { "—".to_owned() } else { d.held_by.join(", ") };
                vec![
                    d.name.clone(),
                    kind.to_owned(),
                    held,
                    uses(|s| &s.requests, &d.id).to_string(),
                    uses(|s| &s.enters, &d.id).to_string(),
                    uses(|s| &s.checks, &d.id).to_string(),
                    uses(|s| &s.produces, &d.id).to_string(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column {
                    title: lang.pick("Document ou donnée", "Document or datum").to_owned(),
                    width: 2.8,
                    align: Align::Left,
                },
                Column { title: lang.pick("Nature", "Kind").to_owned(), width: 1.15, align: Align::Left },
                Column { title: lang.pick("Détenu par", "Held by").to_owned(), width: 1.3, align: Align::Left },
                Column { title: lang.pick("Demandé", "Asked").to_owned(), width: 1.0, align: Align::Right },
                Column { title: lang.pick("Saisi", "Keyed").to_owned(), width: 0.8, align: Align::Right },
                Column { title: lang.pick("Vérifié", "Checked").to_owned(), width: 0.9, align: Align::Right },
                Column { title: lang.pick("Produit", "Made").to_owned(), width: 0.9, align: Align::Right },
            ],
            rows,
        }));
        blocks.push(Block::Paragraph(
            lang.pick(
                "Les quatre dernières colonnes comptent les étapes où la pièce ou la donnée est demandée à l'usager, saisie dans un système, vérifiée ou produite.",
                "The last four columns count the steps where the item is asked of the user, keyed into a system, checked or produced.",
            )
            .to_owned(),
        ));
    }
    blocks.push(Block::Subheading(lang.pick("Méthode", "Method").to_owned()));
    blocks.push(Block::Paragraph(lang.pick(
        "Les chiffres sont calculés par Épure à partir de la description de la démarche (étapes, couloirs, durées, pièces) ; ils ne dépendent que de cette description et sont reproductibles.",
        "The figures are computed by Épure from the description of the procedure (steps, lanes, durations, documents); they depend on that description only and are reproducible.",
    ).to_owned()));
    let mut seen = BTreeSet::new();
    let all = input.before.metrics.iter().chain(input.after.iter().flat_map(|a| a.metrics.iter()));
    for m in all {
        let method = lang.pick(&m.method_fr, &m.method_en);
        if method.is_empty() || !seen.insert(m.key.as_str()) {
            continue;
        }
        blocks.push(Block::Paragraph(format!("{}{} {method}.", m.label(lang), lang.pick("\u{a0}:", ":"))));
    }
    if let Some(desc) = &p.meta.description {
        blocks.push(Block::Subheading(
            lang.pick("Description de la démarche", "Description of the procedure").to_owned(),
        ));
        blocks.push(Block::Paragraph(desc.clone()));
    }
    Section {
        key: "appendix",
        title: lang.pick("Annexe", "Appendix").to_owned(),
        orientation: Orientation::Portrait,
        blocks,
    }
}
