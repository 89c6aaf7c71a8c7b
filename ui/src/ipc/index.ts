export { appInfo, listSamples } from './commands';
export { errorMessage, isKnownErrorKind, toIpcError } from './errors';
export type { KnownErrorKind } from './errors';
export type { AppInfo, IpcError, ProcedureSummary } from './types';
