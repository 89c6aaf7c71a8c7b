import type { ProcedureSummary, ProcedureView } from '../ipc';

export const SAMPLES: ProcedureSummary[] = [
  {
    id: 'permis-construire',
    name: 'Demande de permis de construire',
    owner: "Direction de l'urbanisme",
    work_steps: 12,
    actors: 4,
    handoffs: 7,
  },
  {
    id: 'carte-stationnement',
    name: 'Carte de stationnement résident',
    owner: null,
    work_steps: 1,
    actors: 1,
    handoffs: 0,
  },
];

/** A small procedure as `procedure_view` returns it: two lanes, a start, two steps, an end. */
export const VIEW: ProcedureView = {
  summary: SAMPLES[0] as ProcedureSummary,
  layout: {
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
  },
};
