import i18next from 'i18next';

import { DEFAULT_LANGUAGE, isLanguage, type Language } from './index';

/** BCP 47 locale used by `Intl` for each interface language. */
const LOCALES: Record<Language, string> = {
  fr: 'fr-FR',
  en: 'en-GB',
};

export function localeFor(lng: string | undefined = i18next.resolvedLanguage): string {
  return LOCALES[isLanguage(lng) ? lng : DEFAULT_LANGUAGE];
}

/** Formats a number for the given (by default the current) language: `1 234,5` in French. */
export function formatNumber(
  value: number,
  options?: Intl.NumberFormatOptions,
  lng?: string,
): string {
  return new Intl.NumberFormat(localeFor(lng), options).format(value);
}

/** Formats a date for the given (by default the current) language: `3 mars 2025` in French. */
export function formatDate(
  value: Date | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
  lng?: string,
): string {
  return new Intl.DateTimeFormat(localeFor(lng), options).format(value);
}

/**
 * A date as the store keeps it (`2026-12-01T09:30:00.000Z`, or SQLite's `2026-12-01 09:30:00`)
 * in words; the text itself when it is not a date.
 */
export function formatStoredDate(
  stored: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' },
  lng?: string,
): string {
  const d = new Date(stored.includes('T') ? stored : `${stored.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? stored : formatDate(d, options, lng);
}

/**
 * French typography for a text the analysis writes with plain spaces: the space before « % »,
 * « : », « ; », « ? », « ! » and « » », and the one after « « », become no-break spaces, so that
 * « 70 % » and « « Notifier l'accord » » stay together when the line wraps, as in the report.
 */
export function keepFrenchSpaces(text: string): string {
  return text.replace(/ ([%:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}
