import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { App } from '../App';
import type { AnalysisView, EditorState, Gesture } from '../ipc';
import { ANALYSIS, editorState, SAMPLES } from '../test/fixtures';
import { shimReactFlow } from '../test/reactflow';

beforeAll(shimReactFlow);

function last<T>(list: T[]): T | undefined {
  return list[list.length - 1];
}

interface Backend {
  /** Every command the page sent, with its arguments. */
  calls: [string, Record<string, unknown>][];
  gestures: Gesture[];
}

/**
 * A fake Rust side: answers the library and the editor's commands. `onGesture` says what the
 * store answers to a gesture (by default: the same state, one revision later).
 */
function mockBackend({
  state = editorState(),
  analysis = () => ANALYSIS,
  onGesture = (g: Gesture, s: EditorState): EditorState => {
    void g;
    return { ...s, revision: s.revision + 1, history: { undo: s.history.undo + 1, redo: 0 } };
  },
}: {
  state?: EditorState;
  analysis?: () => AnalysisView;
  onGesture?: (g: Gesture, s: EditorState) => EditorState;
} = {}): Backend {
  const backend: Backend = { calls: [], gestures: [] };
  let current = state;
  mockIPC(
    (cmd, args) => {
      backend.calls.push([cmd, (args ?? {}) as Record<string, unknown>]);
      switch (cmd) {
        case 'list_procedures':
          return SAMPLES;
        case 'app_info':
          return { version: '0.1.0' };
        case 'open_editor':
          return current;
        case 'analyze_procedure':
          return analysis();
        case 'edit_procedure': {
          const gesture = (args as { gesture: Gesture }).gesture;
          backend.gestures.push(gesture);
          current = onGesture(gesture, current);
          return current;
        }
        case 'undo':
          current = { ...current, revision: current.revision + 1, history: { undo: current.history.undo - 1, redo: current.history.redo + 1 } };
          return current;
        case 'redo':
          current = { ...current, revision: current.revision + 1, history: { undo: current.history.undo + 1, redo: current.history.redo - 1 } };
          return current;
        default:
          throw { kind: 'not_found', message: `unexpected command ${cmd}` };
      }
    },
    { shouldMockEvents: true },
  );
  return backend;
}

async function openEditor() {
  const [first] = await screen.findAllByTestId('open-procedure');
  await userEvent.click(first as HTMLElement);
  await screen.findByTestId('editor-canvas');
}

async function showOutline() {
  await userEvent.click(screen.getByTestId('view-outline'));
  return screen.findByTestId('outline-view');
}

describe('Editor', () => {
  it('opens a procedure of the store and draws its lanes and steps from the Rust layout', async () => {
    const backend = mockBackend();
    render(<App />);
    await openEditor();

    expect(backend.calls.find(([c]) => c === 'open_editor')?.[1]).toEqual({ id: 'permis-construire' });
    expect(screen.getByTestId('procedure-title')).toHaveTextContent('Demande de permis de construire');
    const canvas = screen.getByTestId('editor-canvas');
    await waitFor(() => expect(within(canvas).getAllByTestId('canvas-step')).toHaveLength(4));
    expect(within(canvas).getAllByTestId('canvas-step').map((s) => s.getAttribute('data-step-id'))).toEqual([
      's',
      'depot',
      'verif',
      'e',
    ]);
    expect(within(canvas).getAllByTestId('canvas-lane').map((l) => l.textContent)).toEqual([
      'Pétitionnaire',
      'Guichet urbanisme',
    ]);
    expect(screen.getByTestId('save-status')).toHaveTextContent('Enregistré');
  });

  it('shows the metrics bar and the findings in French; a finding highlights its steps', async () => {
    mockBackend();
    render(<App />);
    await openEditor();

    const bar = await screen.findByTestId('metrics-bar');
    await waitFor(() => expect(bar).toHaveTextContent('2'));
    // 840 minutes = 2 working days of 7 hours; 6 000 € a year with French separators.
    expect(bar).toHaveTextContent('2 j ouvrés');
    expect(bar.textContent?.replace(/\s/g, ' ')).toContain('6 000 €');
    const finding = await screen.findByTestId('finding-item');
    expect(finding).toHaveTextContent('Pièce demandée alors qu\u2019elle est déjà détenue');
    expect(screen.getByTestId('side-findings')).toHaveTextContent('Constats (1)');

    const depot = () => screen.getAllByTestId('canvas-step').find((s) => s.getAttribute('data-step-id') === 'depot');
    expect(depot()).toHaveAttribute('data-highlighted', 'false');
    await userEvent.click(finding);
    await waitFor(() => expect(depot()).toHaveAttribute('data-highlighted', 'true'));
    expect(finding).toHaveAttribute('aria-pressed', 'true');
  });

  it('draws the first fifty findings of a long list and the rest on demand', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...ANALYSIS.findings[0]!, subjects: ['depot', `d${i}`] }));
    mockBackend({ analysis: () => ({ ...ANALYSIS, findings: many }) });
    render(<App />);
    await openEditor();
    await waitFor(() => expect(screen.getAllByTestId('finding-item')).toHaveLength(50));
    expect(screen.getByTestId('side-findings')).toHaveTextContent('Constats (120)');
    await userEvent.click(screen.getByTestId('findings-more'));
    expect(screen.getAllByTestId('finding-item')).toHaveLength(100);
    expect(screen.getByTestId('findings-more')).toHaveTextContent('Afficher 20 constats de plus (20 non affichés)');
    await userEvent.click(screen.getByTestId('findings-more'));
    expect(screen.getAllByTestId('finding-item')).toHaveLength(120);
    expect(screen.queryByTestId('findings-more')).not.toBeInTheDocument();
  });

  it('runs the analysis again when the store announces a change', async () => {
    let version = 0;
    mockBackend({ analysis: () => ({ ...ANALYSIS, revision: ++version, findings: version > 1 ? [] : ANALYSIS.findings }) });
    render(<App />);
    await openEditor();
    await screen.findByTestId('finding-item');
    await act(() => emit('procedure://permis-construire/changed', 2));
    await screen.findByTestId('findings-empty', undefined, { timeout: 2000 });
  });

  it('moves a selected step with the arrow keys on the canvas, one edit when the key is released', async () => {
    const backend = mockBackend();
    const user = userEvent.setup();
    render(<App />);
    await openEditor();
    const canvas = screen.getByTestId('editor-canvas');
    const depot = await waitFor(() => {
      const step = within(canvas).getAllByTestId('canvas-step').find((s) => s.getAttribute('data-step-id') === 'depot');
      expect(step).toBeDefined();
      return step as HTMLElement;
    });
    // From the keyboard alone: the step has the focus, Enter selects it.
    const node = depot.closest('.react-flow__node') as HTMLElement;
    act(() => node.focus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(node).toHaveClass('selected'));
    // Held down: the key repeats, and only its release commits.
    await user.keyboard('{ArrowRight>3}');
    expect(backend.gestures.filter((g) => g.op === 'place')).toEqual([]);
    await user.keyboard('{/ArrowRight}');
    // 5 px a press, from x = 364 in the layout.
    await waitFor(() => expect(backend.gestures.filter((g) => g.op === 'place')).toEqual([{ op: 'place', step: 'depot', x: 379, y: 24 }]));
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(backend.gestures.filter((g) => g.op === 'place')).toHaveLength(2));
    expect(last(backend.gestures)).toEqual({ op: 'place', step: 'depot', x: 379, y: 29 });
  });

  it('types a procedure from the keyboard in the outline', async () => {
    const backend = mockBackend({
      onGesture: (g, s) => {
        const created = g.op === 'insert_after' ? 'etape5' : null;
        const steps =
          g.op === 'insert_after'
            ? [...s.procedure.steps.slice(0, 2), { id: 'etape5', kind: 'task' as const, label: g.label, actor: 'usager' }, ...s.procedure.steps.slice(2)]
            : s.procedure.steps;
        return { ...s, revision: s.revision + 1, created, procedure: { ...s.procedure, steps } };
      },
    });
    render(<App />);
    await openEditor();
    const outline = await showOutline();

    const depot = within(outline).getByDisplayValue('Déposer la demande');
    await userEvent.click(depot);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(backend.gestures[0]).toEqual({ op: 'insert_after', after: 'depot', kind: 'task', label: 'Nouvelle étape', actor: 'usager' }));
    // The new step gets the focus with its placeholder name selected: typing replaces it.
    const created = await within(outline).findByDisplayValue('Nouvelle étape');
    await waitFor(() => expect(created).toHaveFocus());
    await userEvent.keyboard('Compléter le dossier{Tab}');
    await waitFor(() => expect(backend.gestures).toHaveLength(2));
    // The label typed and the new lane are one change (one undo).
    expect(backend.gestures[1]).toMatchObject({ op: 'update_step', step: { id: 'etape5', label: 'Compléter le dossier', actor: 'mairie' } });

    // Arrow keys move between steps; Ctrl+Delete removes one.
    await userEvent.keyboard('{ArrowDown}');
    expect(within(outline).getByDisplayValue('Vérifier le dossier')).toHaveFocus();
    await userEvent.keyboard('{Control>}{Delete}{/Control}');
    await waitFor(() => expect(last(backend.gestures)).toEqual({ op: 'remove_steps', steps: ['verif'] }));
  });

  it('adds a lane from the outline and names it', async () => {
    const backend = mockBackend({
      onGesture: (g, s) =>
        g.op === 'add_actor'
          ? { ...s, revision: s.revision + 1, created: 'acteur-3', procedure: { ...s.procedure, actors: [...s.procedure.actors, { id: 'acteur-3', name: g.name, kind: g.kind }] } }
          : { ...s, revision: s.revision + 1, created: null },
    });
    render(<App />);
    await openEditor();
    const outline = await showOutline();
    await userEvent.click(within(outline).getByTestId('add-lane'));
    const name = await within(outline).findByDisplayValue('Nouvel acteur');
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.keyboard('Trésorerie{Enter}');
    await waitFor(() =>
      expect(last(backend.gestures)).toEqual({ op: 'edit', edit: { op: 'update_actor', actor: { id: 'acteur-3', name: 'Trésorerie', kind: 'service' } } }),
    );
  });

  it('sets a document requested from the properties panel', async () => {
    const backend = mockBackend();
    render(<App />);
    await openEditor();
    const outline = await showOutline();
    await userEvent.click(within(outline).getByDisplayValue('Vérifier le dossier'));
    await userEvent.click(screen.getByTestId('side-properties'));
    await userEvent.click(await screen.findByTestId('prop-requests-plan'));
    await waitFor(() =>
      expect(last(backend.gestures)).toEqual({
        op: 'update_step',
        step: { id: 'verif', kind: 'check', label: 'Vérifier le dossier', actor: 'mairie', duration_min: 30, requests: ['plan'] },
      }),
    );
  });

  it('types a duration in working days and sends minutes', async () => {
    const backend = mockBackend();
    render(<App />);
    await openEditor();
    const outline = await showOutline();
    await userEvent.click(within(outline).getByDisplayValue('Vérifier le dossier'));
    await userEvent.click(screen.getByTestId('side-properties'));
    const wait = await screen.findByTestId('prop-wait');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: "Unité de « Attente avant l'étape »" }), 'd');
    await userEvent.type(wait, '2,5{Enter}');
    await waitFor(() => expect(last(backend.gestures)).toMatchObject({ op: 'update_step', step: { id: 'verif', wait_min: 1050 } }));
  });

  it('undoes and redoes with the buttons and the shortcuts', async () => {
    const backend = mockBackend({ state: editorState({ history: { undo: 2, redo: 0 } }) });
    render(<App />);
    await openEditor();
    expect(screen.getByTestId('redo')).toBeDisabled();
    await userEvent.click(screen.getByTestId('undo'));
    await waitFor(() => expect(screen.getByTestId('redo')).toBeEnabled());
    await userEvent.keyboard('{Control>}z{/Control}');
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(backend.calls.map(([c]) => c).filter((c) => c === 'undo' || c === 'redo')).toEqual(['undo', 'undo', 'redo']));
  });

  it('explains a refused change in French, keeps the state and says it was not saved', async () => {
    mockBackend({
      onGesture: () => {
        throw { kind: 'invalid_input', message: 'unknown step "x"' };
      },
    });
    render(<App />);
    await openEditor();
    await userEvent.click(screen.getByTestId('layout-button'));
    const alert = await screen.findByTestId('edit-error');
    expect(alert).toHaveTextContent('Modification non enregistrée : Les données fournies ne sont pas valides.');
    expect(alert).not.toHaveTextContent('unknown step');
    expect(screen.getByTestId('save-status')).toHaveTextContent('Dernière modification non enregistrée');
    expect(screen.getAllByTestId('canvas-step')).toHaveLength(4);
  });

  it('has no detectable accessibility problem in the canvas and the outline', async () => {
    mockBackend();
    const { container } = render(<App />);
    await openEditor();
    await screen.findByTestId('finding-item');
    const rules = { 'color-contrast': { enabled: false } }; // jsdom computes no styles
    const canvasResults = await axe.run(container, { rules });
    expect(canvasResults.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    await showOutline();
    const outlineResults = await axe.run(container, { rules });
    expect(outlineResults.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  }, 30_000); // axe walks the whole page twice: slow in jsdom on a loaded machine
});
