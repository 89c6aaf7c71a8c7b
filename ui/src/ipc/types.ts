// Types shared with the Rust side over IPC.
// Hand-written for now; they will be generated from Rust by ts-rs into this
// folder, so keep them free of logic and in this one file.

/** A procedure as listed on the home page. Counts are plain integers. */
export interface ProcedureSummary {
  id: string;
  name: string;
  owner: string | null;
  work_steps: number;
  actors: number;
  handoffs: number;
}

export interface AppInfo {
  version: string;
}

/** What a failed command rejects with: `kind` is machine-readable, `message` is for logs only. */
export interface IpcError {
  kind: string;
  message: string;
}
