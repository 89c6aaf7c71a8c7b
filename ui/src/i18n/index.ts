import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from './en.json';
import fr from './fr.json';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'fr';
export const LANGUAGE_STORAGE_KEY = 'epure.language';

export const resources = {
  fr: { translation: fr },
  en: { translation: en },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the user chose last time, or French. Never throws. */
export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Storage may be unavailable (privacy settings, quota): fall back silently.
    return DEFAULT_LANGUAGE;
  }
}

function persistLanguage(lng: string): void {
  if (!isLanguage(lng)) return;
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Not being able to remember the choice is not worth bothering the user.
  }
}

/** Switches the interface language; the choice is remembered across launches. */
export async function setLanguage(lng: Language): Promise<void> {
  await i18next.changeLanguage(lng);
}

i18next.on('languageChanged', persistLanguage);

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  // Resources are bundled: initialise synchronously so the first render is translated.
  initAsync: false,
  interpolation: {
    // React already escapes what it renders.
    escapeValue: false,
  },
  returnNull: false,
});

export default i18next;
