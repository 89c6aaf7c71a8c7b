import '@testing-library/jest-dom/vitest';
import '../i18n';

import { clearMocks } from '@tauri-apps/api/mocks';
import { cleanup } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach } from 'vitest';

// Tauri's mocks register callbacks with random ids.
if (typeof window.crypto?.getRandomValues !== 'function') {
  throw new Error('window.crypto.getRandomValues is required by @tauri-apps/api/mocks');
}

afterEach(async () => {
  cleanup();
  clearMocks();
  await i18next.changeLanguage('fr');
  window.localStorage.clear();
});
