// The procedure file format (`*.epure.json`, shared/spec/procedure-format.md) as the editor
// receives it from Rust and sends parts of it back in edits. Written by hand: the Rust model
// keeps unknown fields (`extra`), which ts-rs cannot express. Optional fields are left out
// when unset, as the canonical writer does.

import type { ActorKind, DataKind, StepKind } from './generated';

export type Variant = 'current' | 'target';
export type Channel = 'counter' | 'paper' | 'mail' | 'email' | 'phone' | 'online' | 'internal';
export type ValueClass = 'value_adding' | 'required' | 'waste';
export type Outcome = 'granted' | 'refused' | 'abandoned';
export type Medium = 'paper' | 'mail' | 'email' | 'system' | 'oral';

export interface MetaJson {
  id?: string;
  name: string;
  description?: string;
  owner?: string;
  variant?: Variant;
  derived_from?: string;
  cases_per_year?: number;
  tags?: string[];
  [unknown: string]: unknown;
}

export interface ActorJson {
  id: string;
  name: string;
  kind: ActorKind;
  hourly_cost_eur?: number;
  [unknown: string]: unknown;
}

export interface DataJson {
  id: string;
  name: string;
  kind?: DataKind;
  held_by?: string[];
  [unknown: string]: unknown;
}

export interface StepJson {
  id: string;
  label?: string;
  kind: StepKind;
  actor?: string;
  duration_min?: number;
  wait_min?: number;
  cost_eur?: number;
  channel?: Channel;
  value?: ValueClass;
  requests?: string[];
  enters?: string[];
  checks?: string[];
  produces?: string[];
  outcome?: Outcome;
  position?: { x: number; y: number };
  legal_basis?: string;
  note?: string;
  [unknown: string]: unknown;
}

export interface FlowJson {
  id: string;
  from: string;
  to: string;
  label?: string;
  probability?: number;
  delay_min?: number;
  medium?: Medium;
  [unknown: string]: unknown;
}

export interface ProcedureFile {
  format: 'epure.procedure';
  version: number;
  procedure: MetaJson;
  actors: ActorJson[];
  data: DataJson[];
  steps: StepJson[];
  flows: FlowJson[];
}

/** The model's own edits (epure_core::edit::Edit) that the editor sends as they are. */
export type Edit =
  | { op: 'update_actor'; actor: ActorJson }
  | { op: 'move_actor'; id: string; index: number }
  | { op: 'update_data'; item: DataJson }
  | { op: 'update_flow'; flow: Omit<FlowJson, 'from' | 'to'> }
  | { op: 'set_meta'; meta: MetaJson }
  | { op: 'batch'; edits: Edit[] };

/** The data lists of a step, in the order the properties panel shows them. */
export const DATA_ROLES = ['requests', 'enters', 'checks', 'produces'] as const;
export type DataRole = (typeof DATA_ROLES)[number];

/** A change of some fields of a record; a field set to `undefined` is cleared. */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };
