import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { App } from './App';
import { LANGUAGE_STORAGE_KEY } from './i18n';
import type { AppInfo, ProcedureSummary } from './ipc';
import { SAMPLES } from './test/fixtures';

interface Backend {
  samples?: () => ProcedureSummary[] | Promise<ProcedureSummary[]>;
  info?: () => AppInfo;
}

/** Mocks the Rust commands the home page uses. */
function mockBackend({ samples = () => SAMPLES, info = () => ({ version: '0.1.0' }) }: Backend = {}) {
  mockIPC((cmd) => {
    switch (cmd) {
      case 'list_procedures':
        return samples();
      case 'app_info':
        return info();
      default:
        throw { kind: 'not_found', message: `unexpected command ${cmd}` };
    }
  });
}

describe('Home page', () => {
  it('lists the sample procedures from list_procedures', async () => {
    mockBackend();
    render(<App />);

    const items = await screen.findAllByTestId('procedure-item');
    expect(items).toHaveLength(2);

    const [first, second] = items as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Demande de permis de construire',
    );
    // French typography: a no-break space before the colon.
    expect(first.textContent).toContain("Service responsable\u00a0: Direction de l'urbanisme");
    expect(first).toHaveTextContent('12 étapes · 4 acteurs · 7 passages de relais');
    expect(second).toHaveTextContent('Carte de stationnement résident');
    expect(second).toHaveTextContent('Service responsable non renseigné');
    expect(second).toHaveTextContent('1 étape · 1 acteur · 0 passage de relais');
    expect(screen.queryByTestId('loading')).not.toBeInTheDocument();
  });

  it('shows the title, tagline and version', async () => {
    mockBackend({ info: () => ({ version: '3.4.5' }) });
    render(<App />);

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Épure');
    expect(screen.getByText('Simplifier les démarches administratives')).toBeInTheDocument();
    expect(await screen.findByTestId('app-version')).toHaveTextContent('Version 3.4.5');
  });

  it('shows a loading state until the list arrives', async () => {
    let resolve: (samples: ProcedureSummary[]) => void = () => {};
    mockBackend({ samples: () => new Promise((r) => (resolve = r)) });
    render(<App />);

    expect(await screen.findByTestId('loading')).toHaveTextContent('Chargement des démarches…');
    expect(screen.queryByTestId('procedure-item')).not.toBeInTheDocument();

    resolve(SAMPLES);
    expect(await screen.findAllByTestId('procedure-item')).toHaveLength(2);
    expect(screen.queryByTestId('loading')).not.toBeInTheDocument();
  });

  it('shows an empty state when there is no sample', async () => {
    mockBackend({ samples: () => [] });
    render(<App />);

    expect(await screen.findByTestId('empty')).toHaveTextContent(
      "Aucune démarche n'est enregistrée.",
    );
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('explains an error in French without leaking the raw message', async () => {
    mockBackend({
      samples: () => {
        throw { kind: 'internal', message: 'boom' };
      },
    });
    render(<App />);

    const alert = await screen.findByRole('alert');
    expect(alert).toBe(screen.getByTestId('error'));
    expect(alert).toHaveTextContent("Une erreur interne s'est produite dans Épure.");
    expect(document.body).not.toHaveTextContent('boom');
    expect(screen.queryByTestId('procedure-item')).not.toBeInTheDocument();
  });

  it('can retry after an error', async () => {
    let failures = 1;
    mockBackend({
      samples: () => {
        if (failures-- > 0) throw 'panicked at src/lib.rs:12';
        return SAMPLES;
      },
    });
    render(<App />);

    const alert = await screen.findByTestId('error');
    expect(alert).toHaveTextContent("Une erreur inattendue s'est produite.");
    expect(alert).not.toHaveTextContent('panicked');

    await userEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findAllByTestId('procedure-item')).toHaveLength(2);
    expect(screen.queryByTestId('error')).not.toBeInTheDocument();
  });
});

describe('Language switch', () => {
  it('switches the texts to English and back, and remembers the choice', async () => {
    const user = userEvent.setup();
    mockBackend();
    render(<App />);
    await screen.findAllByTestId('procedure-item');

    const fr = within(screen.getByTestId('lang-switch')).getByRole('button', { name: 'FR' });
    const en = within(screen.getByTestId('lang-switch')).getByRole('button', { name: 'EN' });
    expect(fr).toHaveAttribute('aria-pressed', 'true');
    expect(en).toHaveAttribute('aria-pressed', 'false');

    await user.click(en);

    expect(screen.getByText('Simplify administrative procedures')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Procedures');
    const [first, second] = screen.getAllByTestId('procedure-item') as [HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('12 steps · 4 actors · 7 handoffs');
    expect(second).toHaveTextContent('1 step · 1 actor · 0 handoffs');
    expect(en).toHaveAttribute('aria-pressed', 'true');
    expect(fr).toHaveAttribute('aria-pressed', 'false');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await user.click(fr);

    expect(screen.getByText('Simplifier les démarches administratives')).toBeInTheDocument();
    expect(first).toHaveTextContent('12 étapes · 4 acteurs · 7 passages de relais');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
  });
});

describe('Accessibility', () => {
  async function expectNoViolations(container: HTMLElement) {
    const results = await axe.run(container, {
      resultTypes: ['violations'],
      // jsdom has no layout nor canvas: contrast cannot be computed here (the palette is
      // chosen for AA contrast; check it in a real WebView).
      rules: { 'color-contrast': { enabled: false } },
    });
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} node(s) — ${v.help}`);
    expect(summary).toEqual([]);
  }

  it('has no axe violations on the loaded home page', async () => {
    mockBackend();
    const { container } = render(<App />);
    await screen.findAllByTestId('procedure-item');
    await screen.findByTestId('app-version');

    await expectNoViolations(container);
  });

  it('has no axe violations in the error state', async () => {
    mockBackend({
      samples: () => {
        throw { kind: 'io', message: 'disk' };
      },
    });
    const { container } = render(<App />);
    await screen.findByTestId('error');

    await expectNoViolations(container);
  });
});
