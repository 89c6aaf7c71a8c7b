import 'i18next';

import type fr from './fr.json';

// Type-checks every translation key against the French resources (the reference language).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
