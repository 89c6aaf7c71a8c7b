import i18next from 'i18next';
import { describe, expect, it } from 'vitest';

import { errorMessage, isKnownErrorKind, toIpcError } from './errors';

describe('toIpcError', () => {
  it('keeps the kind and message sent by Rust', () => {
    expect(toIpcError({ kind: 'not_found', message: 'no procedure "x"' })).toEqual({
      kind: 'not_found',
      message: 'no procedure "x"',
    });
  });

  it('accepts an object with a kind but no message', () => {
    expect(toIpcError({ kind: 'internal' })).toEqual({ kind: 'internal', message: '' });
  });

  it('turns a plain string into an unknown error', () => {
    expect(toIpcError('command list_procedures not found')).toEqual({
      kind: 'unknown',
      message: 'command list_procedures not found',
    });
  });

  it('turns an Error into an unknown error, without its stack', () => {
    const error = toIpcError(new TypeError('x is not a function'));
    expect(error).toEqual({ kind: 'unknown', message: 'x is not a function' });
    expect(Object.keys(error)).toEqual(['kind', 'message']);
  });

  it.each([
    [undefined, ''],
    [null, ''],
    [42, '42'],
    [{ message: 'only a message' }, 'only a message'],
    [{ kind: '', message: 'empty kind' }, 'empty kind'],
    [{ kind: 7, message: 'kind is not a string' }, 'kind is not a string'],
    [{ code: 3 }, '{"code":3}'],
  ])('turns %j into an unknown error', (reason, message) => {
    expect(toIpcError(reason)).toEqual({ kind: 'unknown', message });
  });

  it('is idempotent', () => {
    const once = toIpcError({ kind: 'io', message: 'disk full' });
    expect(toIpcError(once)).toEqual(once);
  });
});

describe('isKnownErrorKind', () => {
  it('knows the kinds that have a translation, and nothing inherited', () => {
    expect(isKnownErrorKind('internal')).toBe(true);
    expect(isKnownErrorKind('unknown')).toBe(true);
    expect(isKnownErrorKind('no_such_kind')).toBe(false);
    expect(isKnownErrorKind('toString')).toBe(false);
    expect(isKnownErrorKind('__proto__')).toBe(false);
  });
});

describe('errorMessage', () => {
  const t = i18next.t;

  it('shows the sentence for the kind, never the raw message', async () => {
    await i18next.changeLanguage('fr');
    const text = errorMessage({ kind: 'internal', message: 'boom' }, t);
    expect(text).toBe(
      "Une erreur interne s'est produite dans Épure. Veuillez réessayer ; si le problème persiste, contactez votre support informatique.",
    );
    expect(text).not.toContain('boom');
  });

  it('falls back to the unknown sentence for unknown kinds and odd values', async () => {
    await i18next.changeLanguage('fr');
    const unknown = "Une erreur inattendue s'est produite. Veuillez réessayer.";
    expect(errorMessage({ kind: 'exploded', message: 'boom' }, t)).toBe(unknown);
    expect(errorMessage({ kind: 'errors.internal' }, t)).toBe(unknown);
    expect(errorMessage('boom', t)).toBe(unknown);
    expect(errorMessage(new Error('boom'), t)).toBe(unknown);
    expect(errorMessage(undefined, t)).toBe(unknown);
  });

  it('speaks the current language', async () => {
    await i18next.changeLanguage('en');
    expect(errorMessage({ kind: 'not_found', message: 'boom' }, t)).toBe(
      'The requested item could not be found.',
    );
  });
});
