//! What the import did with the elements that did not map one to one: every BPMN element that
//! was not turned into its obvious Épure counterpart is listed here, with what was done
//! instead. Nothing is dropped silently.

/// Language of the sentences for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

/// The counts of BPMN elements the importer met, at every depth (inside sub-processes too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Tasks of every type (`task`, `userTask`, … `businessRuleTask`) and call activities.
    pub tasks: usize,
    /// `subProcess`, `transaction`, `adHocSubProcess`.
    pub sub_processes: usize,
    /// Gateways of every type.
    pub gateways: usize,
    /// Start, end, intermediate and boundary events.
    pub events: usize,
    pub lanes: usize,
    pub sequence_flows: usize,
    pub message_flows: usize,
    /// Participants (pools).
    pub pools: usize,
}

/// One element the report speaks of.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The BPMN element's local name (`inclusiveGateway`, `group`, …).
    pub element: String,
    /// Its BPMN id ("" when it has none).
    pub id: String,
    pub action: Action,
}

/// What was done with an element.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A decision's outgoing flows got even probabilities, for the agent to confirm.
    ProbabilitiesSpread { step: String, flows: usize },
    /// An inclusive (OR) or complex gateway was read as an exclusive decision.
    ReadAsDecision { step: String },
    /// A sub-process became one step; its content is listed in the step's note.
    SubProcessCollapsed { step: String, inner: usize },
    /// An element inside a collapsed sub-process: named in the note of that step.
    InsideSubProcess { step: String },
    /// A call activity became one step; the called process is named in its note.
    CallActivity { step: String },
    /// A start event beyond the first: kept as a task step (a procedure has one start).
    ExtraStart { step: String },
    /// No start event: a start step was added, joined to the steps nothing leads to.
    StartAdded { step: String, joined: usize },
    /// A boundary event became a step, reached from the activity it is attached to.
    Boundary { step: String, attached_to: Option<String> },
    /// An intermediate event became a task step (a timer: a wait).
    EventAsTask { step: String, wait_min: Option<f64> },
    /// A message flow became a flow between two steps (a handoff).
    MessageFlow { flow: String },
    /// A message flow that touches a pool rather than a step: no flow can carry it.
    MessageFlowToPool,
    /// A text annotation became (part of) a step's note.
    AnnotationOnStep { step: String },
    /// A text annotation with no step became part of the procedure's description.
    AnnotationOnProcedure,
    /// A pool of another participant with no process of its own: a `partner` actor.
    BlackBoxPool { actor: String },
    /// A process with no lanes: one actor named after its pool or process.
    DefaultActor { actor: String },
    /// An id already used (or missing): the element got a new one.
    Renamed { new_id: String },
    /// A flow or association whose end is unknown: it could not be kept.
    DanglingReference { missing: String },
    /// A root definition that only supports the model (message, error, item definition…).
    SupportingDefinition,
    /// An element the importer does not map (a group, a choreography, an unknown element).
    NotImported,
}

impl Action {
    /// Whether the agent should look at it (as opposed to a plain account of what was done).
    pub fn needs_attention(&self) -> bool {
        matches!(
            self,
            Action::ProbabilitiesSpread { .. }
                | Action::ReadAsDecision { .. }
                | Action::ExtraStart { .. }
                | Action::StartAdded { .. }
                | Action::MessageFlowToPool
                | Action::DanglingReference { .. }
                | Action::NotImported
        )
    }
}

/// The account of one import.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    pub counts: Counts,
    pub entries: Vec<Entry>,
}

impl ImportReport {
    pub(crate) fn push(&mut self, element: &str, id: &str, action: Action) {
        self.entries.push(Entry { element: element.to_owned(), id: id.to_owned(), action });
    }

    /// The entries the agent should look at.
    pub fn warnings(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.action.needs_attention())
    }

    /// One line per entry, for a terminal or a dialog.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.entries.iter().map(|e| e.sentence(lang)).collect()
    }

    /// The counts, in one line.
    pub fn summary(&self, lang: Lang) -> String {
        let c = &self.counts;
        match lang {
            Lang::Fr => format!(
                "{} tâches, {} sous-processus, {} branchements, {} événements, {} couloirs, {} flux de séquence, \
                 {} flux de message, {} bassins ; {} remarques dont {} à vérifier",
                c.tasks,
                c.sub_processes,
                c.gateways,
                c.events,
                c.lanes,
                c.sequence_flows,
                c.message_flows,
                c.pools,
                self.entries.len(),
                self.warnings().count()
            ),
            Lang::En => format!(
                "{} tasks, {} sub-processes, {} gateways, {} events, {} lanes, {} sequence flows, \
                 {} message flows, {} pools; {} notes, {} to check",
                c.tasks,
                c.sub_processes,
                c.gateways,
                c.events,
                c.lanes,
                c.sequence_flows,
                c.message_flows,
                c.pools,
                self.entries.len(),
                self.warnings().count()
            ),
        }
    }
}

impl Entry {
    /// "element id: what was done", in the chosen language.
    pub fn sentence(&self, lang: Lang) -> String {
        let what = match (lang, &self.action) {
            (Lang::Fr, Action::ProbabilitiesSpread { step, flows }) => {
                format!("décision « {step} » : probabilités réparties également entre ses {flows} sorties, à confirmer")
            }
            (Lang::En, Action::ProbabilitiesSpread { step, flows }) => {
                format!("decision \"{step}\": probabilities spread evenly over its {flows} ways out, to confirm")
            }
            (Lang::Fr, Action::ReadAsDecision { step }) => format!(
                "lu comme une décision exclusive « {step} » (plusieurs sorties pouvaient être prises ensemble), à vérifier"
            ),
            (Lang::En, Action::ReadAsDecision { step }) => {
                format!("read as an exclusive decision \"{step}\" (several ways out could be taken together), to check")
            }
            (Lang::Fr, Action::SubProcessCollapsed { step, inner }) => {
                format!("sous-processus gardé comme une étape « {step} » ; ses {inner} éléments sont dans sa note")
            }
            (Lang::En, Action::SubProcessCollapsed { step, inner }) => {
                format!("sub-process kept as one step \"{step}\"; its {inner} elements are listed in its note")
            }
            (Lang::Fr, Action::InsideSubProcess { step }) => {
                format!("dans le sous-processus « {step} » (dans sa note)")
            }
            (Lang::En, Action::InsideSubProcess { step }) => format!("inside sub-process \"{step}\" (in its note)"),
            (Lang::Fr, Action::CallActivity { step }) => format!("activité appelée, gardée comme l'étape « {step} »"),
            (Lang::En, Action::CallActivity { step }) => format!("call activity, kept as step \"{step}\""),
            (Lang::Fr, Action::ExtraStart { step }) => format!(
                "autre événement de début, gardé comme l'étape « {step} » (une démarche n'a qu'un début), à relier"
            ),
            (Lang::En, Action::ExtraStart { step }) => {
                format!("another start event, kept as step \"{step}\" (a procedure has one start), to connect")
            }
            (Lang::Fr, Action::StartAdded { step, joined }) => {
                format!("aucun événement de début : début « {step} » ajouté, relié à {joined} étapes")
            }
            (Lang::En, Action::StartAdded { step, joined }) => {
                format!("no start event: start \"{step}\" added, joined to {joined} steps")
            }
            (Lang::Fr, Action::Boundary { step, attached_to: Some(a) }) => {
                format!("événement de bordure, étape « {step} » atteinte depuis « {a} »")
            }
            (Lang::En, Action::Boundary { step, attached_to: Some(a) }) => {
                format!("boundary event, step \"{step}\" reached from \"{a}\"")
            }
            (Lang::Fr, Action::Boundary { step, attached_to: None }) => {
                format!("événement de bordure sans activité connue, étape « {step} »")
            }
            (Lang::En, Action::Boundary { step, attached_to: None }) => {
                format!("boundary event with no known activity, step \"{step}\"")
            }
            (Lang::Fr, Action::EventAsTask { step, wait_min: Some(w) }) => {
                format!("minuterie, devenue l'attente de l'étape « {step} » ({w} min)")
            }
            (Lang::En, Action::EventAsTask { step, wait_min: Some(w) }) => {
                format!("timer, became the wait of step \"{step}\" ({w} min)")
            }
            (Lang::Fr, Action::EventAsTask { step, wait_min: None }) => {
                format!("événement intermédiaire, devenu l'étape « {step} »")
            }
            (Lang::En, Action::EventAsTask { step, wait_min: None }) => {
                format!("intermediate event, became step \"{step}\"")
            }
            (Lang::Fr, Action::MessageFlow { flow }) => format!("flux de message, devenu le flux « {flow} »"),
            (Lang::En, Action::MessageFlow { flow }) => format!("message flow, became flow \"{flow}\""),
            (Lang::Fr, Action::MessageFlowToPool) => {
                "flux de message vers ou depuis un bassin entier : aucun flux entre étapes ne peut le porter".into()
            }
            (Lang::En, Action::MessageFlowToPool) => {
                "message flow to or from a whole pool: no flow between steps can carry it".into()
            }
            (Lang::Fr, Action::AnnotationOnStep { step }) => format!("annotation, ajoutée à la note de « {step} »"),
            (Lang::En, Action::AnnotationOnStep { step }) => format!("annotation, added to the note of \"{step}\""),
            (Lang::Fr, Action::AnnotationOnProcedure) => "annotation, ajoutée à la description de la démarche".into(),
            (Lang::En, Action::AnnotationOnProcedure) => "annotation, added to the procedure's description".into(),
            (Lang::Fr, Action::BlackBoxPool { actor }) => {
                format!("bassin sans processus, acteur partenaire « {actor} »")
            }
            (Lang::En, Action::BlackBoxPool { actor }) => format!("pool without a process, partner actor \"{actor}\""),
            (Lang::Fr, Action::DefaultActor { actor }) => format!("processus sans couloir, acteur « {actor} » créé"),
            (Lang::En, Action::DefaultActor { actor }) => format!("process without lanes, actor \"{actor}\" created"),
            (Lang::Fr, Action::Renamed { new_id }) => format!("identifiant absent ou déjà pris, renommé « {new_id} »"),
            (Lang::En, Action::Renamed { new_id }) => format!("id missing or already taken, renamed \"{new_id}\""),
            (Lang::Fr, Action::DanglingReference { missing }) => {
                format!("fait référence à « {missing} », inconnu : non importé")
            }
            (Lang::En, Action::DanglingReference { missing }) => {
                format!("refers to \"{missing}\", which is unknown: not imported")
            }
            (Lang::Fr, Action::SupportingDefinition) => {
                "définition annexe (message, erreur, type…), inutile à la démarche".into()
            }
            (Lang::En, Action::SupportingDefinition) => {
                "supporting definition (message, error, item type…), not needed by a procedure".into()
            }
            (Lang::Fr, Action::NotImported) => "élément non pris en charge : non importé".into(),
            (Lang::En, Action::NotImported) => "element not supported: not imported".into(),
        };
        if self.id.is_empty() {
            format!("{}: {what}", self.element)
        } else {
            format!("{} {}: {what}", self.element, self.id)
        }
    }
}
