/** An error as support reads it: its name and message, where it was thrown, which components. */
export function describeError(error: unknown, componentStack?: string | null): string {
  const e = error instanceof Error ? error : new Error(String(error));
  return [`${e.name}: ${e.message}`, e.stack ?? '', componentStack ? `components:${componentStack}` : '']
    .filter((part) => part.trim() !== '')
    .join('\n');
}
