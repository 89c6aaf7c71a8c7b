import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { App } from '../App';
import type { ProcedureView } from '../ipc';
import { SAMPLES, VIEW } from '../test/fixtures';

/** Mocks the commands; records the ids `procedure_view` was asked for. */
function mockBackend(view: (id: string) => ProcedureView = () => VIEW) {
  const opened: string[] = [];
  mockIPC((cmd, args) => {
    switch (cmd) {
      case 'list_procedures':
        return SAMPLES;
      case 'app_info':
        return { version: '0.1.0' };
      case 'procedure_view': {
        const id = (args as { id: string }).id;
        opened.push(id);
        return view(id);
      }
      default:
        throw { kind: 'not_found', message: `unexpected command ${cmd}` };
    }
  });
  return opened;
}

async function openFirstSample() {
  const [first] = await screen.findAllByTestId('open-procedure');
  await userEvent.click(first as HTMLElement);
}

describe('Procedure page', () => {
  it('opens a sample from the list and draws its steps, lanes and flows from the Rust layout', async () => {
    const opened = mockBackend();
    render(<App />);
    await openFirstSample();

    const diagram = await screen.findByTestId('procedure-diagram');
    expect(opened).toEqual(['permis-construire']);
    expect(screen.getByTestId('procedure-title')).toHaveTextContent('Demande de permis de construire');

    const steps = within(diagram).getAllByTestId('diagram-step');
    expect(steps.map((s) => s.getAttribute('data-step-id'))).toEqual(['s', 'depot', 'verif', 'e']);
    expect(within(diagram).getByText('Déposer la demande')).toBeInTheDocument();
    expect(within(diagram).getByText('Vérifier le dossier')).toBeInTheDocument();
    // An end's label is a caption under its circle.
    expect(within(diagram).getByText('Permis délivré')).toBeInTheDocument();
    expect(within(diagram).getAllByTestId('diagram-lane').map((l) => l.textContent)).toEqual([
      'Pétitionnaire',
      'Guichet urbanisme',
    ]);
    // Flows are drawn exactly where Rust routed them.
    const flows = diagram.querySelectorAll('polyline');
    expect(flows).toHaveLength(3);
    expect(flows[1]?.getAttribute('points')).toBe('524,56 552,56 552,168 580,168');
    // Steps are named for assistive technologies: kind and label.
    expect(steps[2]?.querySelector('title')?.textContent).toBe('Contrôle : Vérifier le dossier');
  });

  it('goes back to the list', async () => {
    mockBackend();
    render(<App />);
    await openFirstSample();
    await screen.findByTestId('procedure-diagram');
    await userEvent.click(screen.getByTestId('back'));
    expect(await screen.findAllByTestId('procedure-item')).toHaveLength(2);
  });

  it('shows a readable message when the procedure cannot be opened', async () => {
    mockBackend(() => {
      throw { kind: 'not_found', message: 'no sample "x"' };
    });
    render(<App />);
    await openFirstSample();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("L'élément demandé est introuvable.");
    expect(alert).not.toHaveTextContent('no sample');
  });

  it('has no axe violations', async () => {
    mockBackend();
    const { container } = render(<App />);
    await openFirstSample();
    await screen.findByTestId('procedure-diagram');
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
