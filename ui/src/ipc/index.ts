export {
  analyzeProcedure,
  appInfo,
  cancelReport,
  changedEvent,
  compareSides,
  createProcedure,
  createTarget,
  deleteProcedure,
  deleteReport,
  generateReport,
  listProposals,
  listReports,
  listVersions,
  openReport,
  previewTarget,
  recordUiError,
  saveReport,
  duplicateProcedure,
  exportProcedure,
  importFiles,
  editProcedure,
  listProcedures,
  openEditor,
  redo,
  renameProcedure,
  undo,
} from './commands';
export { errorMessage, isKnownErrorKind, toIpcError } from './errors';
export type { KnownErrorKind } from './errors';
export type * from './types';
export { DATA_ROLES } from './types';
