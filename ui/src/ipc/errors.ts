import type { TFunction } from 'i18next';

import fr from '../i18n/fr.json';
import type { IpcError } from './types';

export const UNKNOWN_ERROR_KIND = 'unknown';

/** Error kinds that have a sentence in the translations (`errors.<kind>`). */
export type KnownErrorKind = keyof typeof fr.errors;

export function isKnownErrorKind(kind: string): kind is KnownErrorKind {
  return Object.prototype.hasOwnProperty.call(fr.errors, kind);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function describe(reason: unknown): string {
  if (reason === undefined || reason === null) return '';
  if (typeof reason === 'string') return reason;
  if (reason instanceof Error) return reason.message;
  if (isRecord(reason) && typeof reason.message === 'string') return reason.message;
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
}

/**
 * Normalises whatever a Tauri command rejected with into an `IpcError`.
 * Rust sends `{ kind, message }`; anything else (a string, an `Error`, nothing)
 * becomes the `unknown` kind, keeping a description for diagnostics.
 */
export function toIpcError(reason: unknown): IpcError {
  if (isRecord(reason) && typeof reason.kind === 'string' && reason.kind.trim() !== '') {
    return {
      kind: reason.kind.trim(),
      message: typeof reason.message === 'string' ? reason.message : '',
    };
  }
  return { kind: UNKNOWN_ERROR_KIND, message: describe(reason) };
}

/**
 * A sentence to show the user for an error, in the current language.
 * Only the error's kind is used: the raw message never reaches the screen.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  const { kind } = toIpcError(error);
  return t(`errors.${isKnownErrorKind(kind) ? kind : UNKNOWN_ERROR_KIND}`);
}
