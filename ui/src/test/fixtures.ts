import type { ProcedureSummary } from '../ipc';

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
