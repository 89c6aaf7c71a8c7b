import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { App } from '../App';
import type { ImportOutcome, ProcedureSummary } from '../ipc';
import { SAMPLES } from '../test/fixtures';

/** A fake Rust side for the library; records every command with its arguments. */
function mockLibrary(options: { picked?: string[] | null; outcomes?: ImportOutcome[] } = {}) {
  const calls: [string, Record<string, unknown>][] = [];
  let list: ProcedureSummary[] = [...SAMPLES];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push([cmd, a]);
    switch (cmd) {
      case 'list_procedures':
        return list;
      case 'app_info':
        return { version: '0.1.0' };
      case 'plugin:dialog|open':
        return options.picked ?? null;
      case 'import_files':
        return options.outcomes ?? [];
      case 'delete_procedure':
        list = list.filter((p) => p.id !== a.id);
        return null;
      case 'rename_procedure': {
        const renamed = { ...(list.find((p) => p.id === a.id) as ProcedureSummary), name: a.name as string };
        list = list.map((p) => (p.id === a.id ? renamed : p));
        return renamed;
      }
      default:
        throw { kind: 'not_found', message: `unexpected command ${cmd}` };
    }
  });
  return calls;
}

const names = () => screen.getAllByTestId('open-procedure').map((b) => b.textContent);

describe('Library', () => {
  it('finds procedures whatever the accents and the case', async () => {
    mockLibrary();
    render(<App />);
    await screen.findAllByTestId('procedure-item');
    await userEvent.type(screen.getByTestId('library-search'), 'RESIDENT');
    expect(names()).toEqual(['Carte de stationnement résident']);
    await userEvent.clear(screen.getByTestId('library-search'));
    await userEvent.type(screen.getByTestId('library-search'), 'cadastre');
    expect(screen.getByTestId('empty')).toHaveTextContent('Aucune démarche ne correspond à la recherche.');
  });

  it('lists the saved versions of a procedure and compares one with the state it comes from', async () => {
    const calls = mockLibrary();
    render(<App />);
    const [permis] = await screen.findAllByTestId('procedure-item');
    const versions = within(permis as HTMLElement).getByTestId('procedure-versions');
    expect(versions).toHaveTextContent('2 versions enregistrées');
    // The version without any is shown without a list.
    expect(screen.getAllByTestId('procedure-versions')).toHaveLength(1);
    await userEvent.click(within(versions).getByText('2 versions enregistrées'));
    const items = within(versions).getAllByTestId('version-item');
    expect(items.map((i) => i.textContent)).toEqual([
      'État actuelétat actuel · 30 novembre 2026Comparer',
      'Cible simplifiéecible · 1 décembre 2026Comparer',
    ]);
    await userEvent.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Comparer « Cible simplifiée » avec l\'état dont elle est issue' }));
    await waitFor(() => expect(calls.find(([c]) => c === 'compare_sides')?.[1]).toEqual({
      before: { procedure: 'permis-construire', version: 6 },
      after: { procedure: 'permis-construire', version: 7 },
    }));
    // Back from the comparison is back to the library.
    await userEvent.click(await screen.findByTestId('back'));
    expect(await screen.findAllByTestId('procedure-item')).toHaveLength(2);
  });

  it('deletes only after the agent confirms', async () => {
    const calls = mockLibrary();
    render(<App />);
    const [first] = await screen.findAllByTestId('procedure-item');
    await userEvent.click(within(first as HTMLElement).getByTestId('delete-procedure'));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog).toHaveTextContent('« Demande de permis de construire », ses versions et ses rapports seront supprimés');
    expect(screen.getByTestId('confirm-cancel')).toHaveFocus();
    await userEvent.click(screen.getByTestId('confirm-cancel'));
    expect(calls.some(([c]) => c === 'delete_procedure')).toBe(false);

    await userEvent.click(within(first as HTMLElement).getByTestId('delete-procedure'));
    await userEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(names()).toEqual(['Carte de stationnement résident']));
    expect(calls.find(([c]) => c === 'delete_procedure')?.[1]).toEqual({ id: 'permis-construire' });
  });

  it('renames in place', async () => {
    const calls = mockLibrary();
    render(<App />);
    const [first] = await screen.findAllByTestId('procedure-item');
    await userEvent.click(within(first as HTMLElement).getByTestId('rename-procedure'));
    const input = screen.getByTestId('rename-input');
    await userEvent.clear(input);
    await userEvent.type(input, 'Permis de construire{Enter}');
    await waitFor(() => expect(names()).toContain('Permis de construire'));
    expect(calls.find(([c]) => c === 'rename_procedure')?.[1]).toEqual({ id: 'permis-construire', name: 'Permis de construire' });
  });

  it('imports the files chosen in the dialog and says, in French, what became of each', async () => {
    const calls = mockLibrary({
      picked: ['/home/agent/cantine.epure.json', '/home/agent/modele.bpmn', '/home/agent/casse.epure.json'],
      outcomes: [
        { file: 'cantine.epure.json', procedure: SAMPLES[0] as ProcedureSummary, copy: true, error: null, details: [] },
        { file: 'modele.bpmn', procedure: SAMPLES[1] as ProcedureSummary, copy: false, error: null, details: ['Passerelle inclusive « g1 » : traitée comme une décision'] },
        { file: 'casse.epure.json', procedure: null, copy: false, error: 'invalid_procedure', details: ['steps[0].actor: missing (step "a")'] },
      ],
    });
    render(<App />);
    await screen.findAllByTestId('procedure-item');
    await userEvent.click(screen.getByTestId('import-procedure'));
    const results = await screen.findAllByTestId('import-result');
    expect(calls.find(([c]) => c === 'import_files')?.[1]).toEqual({
      paths: ['/home/agent/cantine.epure.json', '/home/agent/modele.bpmn', '/home/agent/casse.epure.json'],
      english: false,
    });
    expect(results[0]).toHaveTextContent('« cantine.epure.json » importé comme copie (cette démarche était déjà là)');
    expect(results[1]).toHaveTextContent('1 élément à vérifier');
    expect(results[2]).toHaveTextContent("« casse.epure.json » n'est pas une démarche Épure valide ; rien n'a été importé.");
    // The technical detail is there for whoever opens it, not in the sentence.
    expect(within(results[2] as HTMLElement).getByRole('alert')).not.toHaveTextContent('steps[0]');
  });

  it('does nothing when the dialog is cancelled', async () => {
    const calls = mockLibrary({ picked: null });
    render(<App />);
    await screen.findAllByTestId('procedure-item');
    await userEvent.click(screen.getByTestId('import-procedure'));
    await waitFor(() => expect(calls.some(([c]) => c === 'plugin:dialog|open')).toBe(true));
    expect(calls.some(([c]) => c === 'import_files')).toBe(false);
    expect(screen.queryByTestId('import-results')).not.toBeInTheDocument();
  });
});
