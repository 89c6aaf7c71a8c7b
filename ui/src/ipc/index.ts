export { appInfo, listProcedures, procedureView } from './commands';
export { errorMessage, isKnownErrorKind, toIpcError } from './errors';
export type { KnownErrorKind } from './errors';
export type * from './types';
