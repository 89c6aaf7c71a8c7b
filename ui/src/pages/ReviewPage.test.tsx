import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { ReportsPanel } from '../components/reports/ReportsPanel';
import type { CompareView, MetricDeltaView, PreviewView, ReportProgress, ReportView, ReviewView } from '../ipc';
import { LAYOUT } from '../test/fixtures';
import { shimReactFlow } from '../test/reactflow';
import { ComparePage } from './ComparePage';
import { ReviewPage } from './ReviewPage';

beforeAll(shimReactFlow);

/** The accepted findings of the last preview the page asked for. */
function lastPreview(calls: [string, Record<string, unknown>][]): unknown {
  const previews = calls.filter(([c]) => c === 'preview_target');
  return previews[previews.length - 1]?.[1].accepted;
}

const REVIEW: ReviewView = {
  id: 'permis-construire',
  revision: 4,
  name: 'Demande de permis de construire',
  proposals: [
    {
      key: { rule: 'once-only', subjects: ['depot', 'plan'] },
      severity: 'critical',
      title_fr: 'Dites-le-nous une fois : « Plan » demandé deux fois',
      title_en: 'Tell us once: “Plan” asked twice',
      explanation_fr: 'Le plan est demandé au dépôt puis au contrôle.',
      explanation_en: 'The plan is asked at filing and again at the check.',
      changes: [{ kind: 'changed', label: 'Vérifier le dossier', fields: ['requests'], to_lane: null }],
      flows_added: 0,
      flows_removed: 0,
      effect: { work_steps: 0, lead_time_min: -420, handoffs_per_case: 0, user_contacts: -0.5, requests_per_case: -1, cost_per_case_eur: -12.5 },
      refusal_fr: null,
      refusal_en: null,
    },
    {
      key: { rule: 'transit-step', subjects: ['verif'] },
      severity: 'warning',
      title_fr: 'Étape de transit : « Vérifier le dossier »',
      title_en: 'Transit step: “Vérifier le dossier”',
      explanation_fr: "L'étape ne fait que transmettre.",
      explanation_en: 'The step only passes the file on.',
      changes: [],
      flows_added: 0,
      flows_removed: 0,
      effect: null,
      refusal_fr: "l'étape a une base légale",
      refusal_en: 'the step has a legal basis',
    },
  ],
};

const delta = (metric: string, before: number, after: number): MetricDeltaView => ({
  metric,
  before,
  after,
  change: after - before,
  percent: before === 0 ? null : (100 * (after - before)) / before,
});

const METRICS = {
  work_steps: 2, actors: 2, handoffs: 1, handoffs_per_case: 1, user_contacts: 1, documents_requested: 1,
  requests_per_case: 1, touch_time_min: 30, lead_time_min: 840, cost_per_case_eur: 20, cases_per_year: 300,
  cost_per_year_eur: 6000, agent_hours_per_year: 150, critical_path: [],
};

function preview(accepted: number): PreviewView {
  return {
    revision: 4,
    layout: LAYOUT,
    metrics: METRICS,
    deltas: [delta('lead_time_min', 840, accepted ? 420 : 840), delta('work_steps', 2, 2)],
    statuses: accepted ? [{ step: 'verif', status: 'changed' }] : [],
    applied: [],
  };
}

describe('the review of proposals', () => {
  it('lists each proposal with its effect, previews the accepted ones and creates the target', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, (args ?? {}) as Record<string, unknown>]);
      if (cmd === 'list_proposals') return REVIEW;
      if (cmd === 'preview_target') return preview((args as { accepted: unknown[] }).accepted.length);
      if (cmd === 'create_target')
        return { id: 7, procedure_id: 'permis-construire', name: 'Cible A', variant: 'target', derived_from: 6, author: '', created_at: '' };
      throw { kind: 'not_found', message: cmd };
    });
    let compared: number | null = null;
    const { container } = render(<ReviewPage id="permis-construire" onBack={() => {}} onCompare={(v) => (compared = v.id)} />);
    const items = await screen.findAllByTestId('proposal-item');
    expect(items).toHaveLength(2);
    const [first, refused] = items as [HTMLElement, HTMLElement];
    expect(within(first).getByText('Modifiée (pièces demandées) : Vérifier le dossier')).toBeInTheDocument();
    expect(within(first).getByText('-1 j ouvrés')).toBeInTheDocument();
    expect(within(refused).getByTestId('proposal-refusal')).toHaveTextContent("Transformation impossible : l'étape a une base légale");
    expect(within(refused).queryByTestId('accept-proposal')).toBeNull();

    await userEvent.click(within(first).getByTestId('accept-proposal'));
    await waitFor(() => expect(first).toHaveAttribute('data-accepted', 'true'));
    await waitFor(() =>
      expect(lastPreview(calls)).toEqual([REVIEW.proposals[0]?.key]),
    );
    await screen.findByText('-1 j ouvrés', { selector: '[data-testid=preview-deltas] td' });
    expect(screen.getByTestId('accepted-count')).toHaveTextContent('1 acceptée sur 1');

    const name = screen.getByTestId('target-name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Cible A');
    await userEvent.click(screen.getByTestId('create-target'));
    await screen.findByTestId('target-created');
    expect(calls.find(([c]) => c === 'create_target')?.[1]).toEqual({
      id: 'permis-construire',
      revision: 4,
      accepted: [REVIEW.proposals[0]?.key],
      name: 'Cible A',
    });
    await userEvent.click(screen.getByTestId('compare-button'));
    expect(compared).toBe(7);

    // Rejecting takes it out of the preview again.
    await userEvent.click(within(first).getByTestId('reject-proposal'));
    await waitFor(() => expect(lastPreview(calls)).toEqual([]));

    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  }, 30_000);
});

const COMPARE: CompareView = {
  before: { reference: { procedure: 'p', version: 6 }, name: 'Permis', version_name: 'État actuel', layout: LAYOUT, metrics: METRICS },
  after: { reference: { procedure: 'p', version: 7 }, name: 'Permis', version_name: 'Cible', layout: LAYOUT, metrics: METRICS },
  deltas: [delta('work_steps', 3, 2), delta('lead_time_min', 840, 420), delta('yearly.agent_hours', 150, 100)],
  before_status: [{ step: 'verif', status: 'removed' }],
  after_status: [{ step: 'depot', status: 'added' }],
  overlay: { ...LAYOUT, edges: [...LAYOUT.edges, { id: 'removed:f9', from: 's', to: 'verif', points: [], back: false }] },
  overlay_status: [{ step: 'depot', status: 'added' }, { step: 'verif', status: 'removed' }],
  overlay_removed_flows: ['removed:f9'],
};

describe('the comparison', () => {
  it('shows both sides, the overlay, the deltas, the chart and the yearly figures', async () => {
    mockIPC((cmd) => {
      if (cmd === 'compare_sides') return COMPARE;
      if (cmd === 'list_procedures') return [];
      if (cmd === 'list_versions') return [];
      if (cmd === 'list_reports') return [];
      throw { kind: 'not_found', message: cmd };
    });
    const { container } = render(
      <ComparePage procedureId="p" initial={{ before: { procedure: 'p', version: 6 }, after: { procedure: 'p', version: 7 } }} onBack={() => {}} />,
    );
    await screen.findByTestId('compare-canvas-before');
    expect(screen.getByTestId('before-title')).toHaveTextContent('Permis — État actuel');
    const row = screen.getByTestId('delta-table').querySelector('tr[data-metric=lead_time_min]') as HTMLElement;
    expect(within(row).getByText('2 j ouvrés')).toBeInTheDocument();
    expect(within(row).getByText('-1 j ouvrés')).toBeInTheDocument();
    expect(within(row).getByText('-50 %')).toBeInTheDocument();
    expect(screen.getByTestId('yearly-table')).toHaveTextContent("Heures d'agent par an");
    expect(screen.getByTestId('bar-chart').querySelectorAll('g[data-metric]')).toHaveLength(2);
    expect(screen.getByTestId('compare-canvas-before').querySelector('[data-status=removed]')).not.toBeNull();
    await userEvent.click(screen.getByTestId('mode-overlay'));
    const overlay = await screen.findByTestId('compare-canvas-overlay');
    expect(overlay.querySelector('[data-status=added]')).not.toBeNull();
    expect(overlay.querySelector('[data-status=removed]')).not.toBeNull();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  }, 30_000);
});

const REPORT: ReportView = {
  id: 3,
  procedure_id: 'p',
  created_at: '2026-12-01T09:30:00.000Z',
  lang: 'fr',
  page_count: 5,
  size: 1000,
  sha256: 'ab'.repeat(32),
  version_a: 'État actuel',
  version_b: 'Cible',
  comparison: true,
};

describe('the reports', () => {
  it('shows the progress Rust sends, then lists the new report', async () => {
    let finish: ((r: ReportView) => void) | null = null;
    let channel: { onmessage: (p: ReportProgress) => void } | null = null;
    let listed: ReportView[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'list_reports') return listed;
      if (cmd === 'generate_report') {
        channel = (args as { onProgress: typeof channel }).onProgress;
        return new Promise<ReportView>((resolve) => (finish = resolve));
      }
      throw { kind: 'not_found', message: cmd };
    });
    render(<ReportsPanel procedureId="p" before={{ procedure: 'p', version: 6 }} after={{ procedure: 'p', version: 7 }} fileStem="Permis" />);
    await screen.findByTestId('reports-empty');
    await userEvent.click(screen.getByTestId('report-button'));
    await waitFor(() => expect(channel).not.toBeNull());
    channel!.onmessage({ phase: 'pdf', done: 2, total: 5, percent: 65 });
    await screen.findByText('Écriture du PDF : page 3 sur 5…');
    // An older message never moves the bar back.
    channel!.onmessage({ phase: 'model', done: 0, total: 1, percent: 10 });
    expect(screen.getByTestId('report-progress')).toHaveAttribute('data-percent', '65');
    expect(screen.getByTestId('report-button')).toBeDisabled();
    listed = [REPORT];
    finish!(REPORT);
    const done = await screen.findByTestId('report-done');
    expect(done).toHaveTextContent('Le rapport est enregistré (5 pages).');
    expect(done).toHaveAttribute('data-progress', '2');
    const item = await screen.findByTestId('report-list-item');
    expect(item).toHaveAttribute('data-sha256', REPORT.sha256);
    expect(item).toHaveTextContent('Avant / après : État actuel → Cible · français · 5 pages');
    expect(screen.queryByTestId('report-progress')).toBeNull();
  });

  it('says in French that a cancelled report kept nothing', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === 'list_reports') return [];
      if (cmd === 'generate_report') return Promise.reject({ kind: 'cancelled', message: 'the report was cancelled' });
      if (cmd === 'cancel_report') return null;
      throw { kind: 'not_found', message: cmd };
    });
    render(<ReportsPanel procedureId="p" before={{ procedure: 'p', version: null }} after={null} fileStem="Permis" />);
    await screen.findByTestId('reports-empty');
    await userEvent.click(screen.getByTestId('report-button'));
    expect(await screen.findByTestId('error')).toHaveTextContent("La génération du rapport a été annulée ; rien n'a été enregistré.");
    expect(screen.getByTestId('error')).not.toHaveTextContent('the report was cancelled');
  });
});
