import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import '../i18n';
import { CrashScreen } from './CrashScreen';

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'internals')");
}

describe('CrashScreen', () => {
  it('shows a sentence, never the error, and writes the detail to the support log', async () => {
    const log: string[] = [];
    mockIPC((cmd, payload) => {
      if (cmd === 'record_ui_error') log.push((payload as { message: string }).message);
      return null;
    });
    // React reports the caught error on the console too; keep the test output clean.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <CrashScreen>
        <Broken />
      </CrashScreen>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent("Épure a rencontré un problème d'affichage");
    expect(alert).not.toHaveTextContent('internals');
    await waitFor(() => expect(log).toHaveLength(1));
    expect(log[0]).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'internals'\)/);
    expect(log[0]).toContain('components:');
    expect(log[0]).toContain('Broken');
    quiet.mockRestore();
  });

  it('shows the crash screen even when the log cannot be written', async () => {
    mockIPC(() => {
      throw { kind: 'internal', message: 'disk full' };
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <CrashScreen>
        <Broken />
      </CrashScreen>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Recharger');
    quiet.mockRestore();
  });
});
