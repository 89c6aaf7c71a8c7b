import i18next from 'i18next';
import { describe, expect, it } from 'vitest';

import en from './en.json';
import { formatDate, formatNumber, keepFrenchSpaces, localeFor } from './format';
import fr from './fr.json';
import { LANGUAGE_STORAGE_KEY, setLanguage, storedLanguage } from './index';

/** Keys of a resource with plural suffixes removed, since languages have different plural forms. */
function keysOf(resource: object, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

const NNBSP = '\u202f'; // French thousands separator

describe('translations', () => {
  it('have the same keys in French and English', () => {
    expect([...new Set(keysOf(en))].sort()).toEqual([...new Set(keysOf(fr))].sort());
  });

  it('start in French', () => {
    expect(i18next.resolvedLanguage).toBe('fr');
    expect(i18next.t('app.tagline')).toBe('Simplifier les démarches administratives');
  });
});

describe('plural forms', () => {
  it.each([
    [0, '0 étape'],
    [1, '1 étape'],
    [2, '2 étapes'],
    [1_000_000, `1${NNBSP}000${NNBSP}000 étapes`],
  ])('French: %d → %s', async (count, expected) => {
    await setLanguage('fr');
    expect(i18next.t('library.steps', { count })).toBe(expected);
  });

  it('French: handoffs and actors', async () => {
    await setLanguage('fr');
    expect(i18next.t('library.handoffs', { count: 1 })).toBe('1 passage de relais');
    expect(i18next.t('library.handoffs', { count: 3 })).toBe('3 passages de relais');
    expect(i18next.t('library.actors', { count: 1 })).toBe('1 acteur');
    expect(i18next.t('library.actors', { count: 1234 })).toBe(`1${NNBSP}234 acteurs`);
  });

  it.each([
    [0, '0 steps'],
    [1, '1 step'],
    [2, '2 steps'],
    [1234, '1,234 steps'],
  ])('English: %d → %s', async (count, expected) => {
    await setLanguage('en');
    expect(i18next.t('library.steps', { count })).toBe(expected);
  });

  it('English: handoffs and actors', async () => {
    await setLanguage('en');
    expect(i18next.t('library.handoffs', { count: 1 })).toBe('1 handoff');
    expect(i18next.t('library.actors', { count: 5 })).toBe('5 actors');
  });
});

describe('language choice', () => {
  it('is persisted and reflected on <html lang>', async () => {
    await setLanguage('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(storedLanguage()).toBe('en');

    await setLanguage('fr');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('falls back to French when nothing valid is stored', () => {
    window.localStorage.removeItem(LANGUAGE_STORAGE_KEY);
    expect(storedLanguage()).toBe('fr');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(storedLanguage()).toBe('fr');
  });
});

describe('formatting', () => {
  const date = new Date(2025, 2, 3, 12); // 3 March 2025, local time

  it('follows the current language', async () => {
    await setLanguage('fr');
    expect(localeFor()).toBe('fr-FR');
    expect(formatNumber(1234.5)).toBe(`1${NNBSP}234,5`);
    expect(formatDate(date)).toBe('3 mars 2025');
    expect(formatDate(date, { dateStyle: 'short' })).toBe('03/03/2025');

    await setLanguage('en');
    expect(localeFor()).toBe('en-GB');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatDate(date)).toBe('3 March 2025');
  });

  it('accepts an explicit language and ignores unsupported ones', () => {
    expect(formatNumber(0.5, { style: 'percent' }, 'fr')).toBe(`50${'\u00a0'}%`);
    expect(localeFor('de')).toBe('fr-FR');
  });
});

describe('French spaces', () => {
  it('keeps punctuation and quotes with their words', () => {
    expect(keepFrenchSpaces("au plus 70 % des dossiers, à l'étape « Notifier » : pourquoi ?")).toBe(
      "au plus 70\u00a0% des dossiers, à l'étape «\u00a0Notifier\u00a0»\u00a0: pourquoi\u00a0?",
    );
  });
  it('leaves English and words without such spaces alone', () => {
    expect(keepFrenchSpaces('On a way at most 70% of the files take: “Notify”')).toBe(
      'On a way at most 70% of the files take: “Notify”',
    );
  });
});
