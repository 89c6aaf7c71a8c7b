import type { AnalysisView, EditorState, Layout, ProcedureFile, ProcedureSummary } from '../ipc';

export const SAMPLES: ProcedureSummary[] = [
  {
    id: 'permis-construire',
    name: 'Demande de permis de construire',
    owner: "Direction de l'urbanisme",
    work_steps: 12,
    actors: 4,
    handoffs: 7,
    versions: [
      {
        id: 6,
        procedure_id: 'permis-construire',
        name: 'État actuel',
        variant: 'current',
        derived_from: null,
        author: '',
        created_at: '2026-11-30T10:00:00.000Z',
      },
      {
        id: 7,
        procedure_id: 'permis-construire',
        name: 'Cible simplifiée',
        variant: 'target',
        derived_from: 6,
        author: '',
        created_at: '2026-12-01T09:30:00.000Z',
      },
    ],
  },
  {
    id: 'carte-stationnement',
    name: 'Carte de stationnement résident',
    owner: null,
    work_steps: 1,
    actors: 1,
    handoffs: 0,
    versions: [],
  },
];

/** The Rust layout of the procedure below: two lanes, a start, two steps, an end. */
export const LAYOUT: Layout = {
    width: 900,
    height: 240,
    lanes: [
      { actor: 'usager', name: 'Pétitionnaire', y: 0, height: 112 },
      { actor: 'mairie', name: 'Guichet urbanisme', y: 112, height: 128 },
    ],
    nodes: [
      { id: 's', kind: 'start', label: '', lane: 0, rank: 0, x: 190, y: 38, width: 36, height: 36, fixed: false },
      { id: 'depot', kind: 'task', label: 'Déposer la demande', lane: 0, rank: 1, x: 364, y: 24, width: 160, height: 64, fixed: false },
      { id: 'verif', kind: 'check', label: 'Vérifier le dossier', lane: 1, rank: 2, x: 580, y: 136, width: 160, height: 64, fixed: false },
      { id: 'e', kind: 'end', label: 'Permis délivré', lane: 1, rank: 3, x: 840, y: 150, width: 36, height: 36, fixed: false },
    ],
    edges: [
      { id: 'f1', from: 's', to: 'depot', points: [{ x: 226, y: 56 }, { x: 364, y: 56 }], back: false },
      { id: 'f2', from: 'depot', to: 'verif', points: [{ x: 524, y: 56 }, { x: 552, y: 56 }, { x: 552, y: 168 }, { x: 580, y: 168 }], back: false },
      { id: 'f3', from: 'verif', to: 'e', points: [{ x: 740, y: 168 }, { x: 840, y: 168 }], back: false },
    ],
};

/** A small procedure open in the editor: two lanes, a start, two steps, an end. */
export function editorState(overrides: Partial<EditorState> = {}): EditorState {
  const procedure: ProcedureFile = {
    format: 'epure.procedure',
    version: 1,
    procedure: { id: 'permis-construire', name: 'Demande de permis de construire', cases_per_year: 300 },
    actors: [
      { id: 'usager', name: 'Pétitionnaire', kind: 'user' },
      { id: 'mairie', name: 'Guichet urbanisme', kind: 'agent' },
    ],
    data: [{ id: 'plan', name: 'Plan de situation' }],
    steps: [
      { id: 's', kind: 'start' },
      { id: 'depot', kind: 'task', label: 'Déposer la demande', actor: 'usager', requests: ['plan'] },
      { id: 'verif', kind: 'check', label: 'Vérifier le dossier', actor: 'mairie', duration_min: 30 },
      { id: 'e', kind: 'end', label: 'Permis délivré', outcome: 'granted' },
    ],
    flows: [
      { id: 'f1', from: 's', to: 'depot' },
      { id: 'f2', from: 'depot', to: 'verif' },
      { id: 'f3', from: 'verif', to: 'e' },
    ],
  };
  return {
    id: 'permis-construire',
    revision: 1,
    procedure,
    layout: LAYOUT,
    history: { undo: 0, redo: 0 },
    created: null,
    ...overrides,
  };
}

export const ANALYSIS: AnalysisView = {
  revision: 1,
  metrics: {
    work_steps: 2,
    actors: 2,
    handoffs: 1,
    handoffs_per_case: 1,
    user_contacts: 1,
    documents_requested: 1,
    requests_per_case: 1,
    touch_time_min: 30,
    lead_time_min: 840,
    cost_per_case_eur: 20,
    cases_per_year: 300,
    cost_per_year_eur: 6000,
    agent_hours_per_year: 150,
    critical_path: ['s', 'depot', 'verif', 'e'],
  },
  findings: [
    {
      rule: 'once-only',
      severity: 'critical',
      subjects: ['depot', 'plan'],
      title_fr: 'Pièce demandée alors qu\u2019elle est déjà détenue',
      title_en: 'Document requested although it is already held',
      explanation_fr: 'La pièce « Plan de situation » est demandée à l\u2019étape « Déposer la demande ».',
      explanation_en: 'The document “Plan de situation” is requested at step “Déposer la demande”.',
      suggestion: 'fetch-from-holder',
    },
  ],
};
