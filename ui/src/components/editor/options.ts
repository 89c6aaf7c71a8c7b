// The choices the editor offers for each enumerated field of the file format, in the order
// the menus list them.
import type { ActorKind, Channel, DataKind, Medium, Outcome, StepKind, ValueClass } from '../../ipc';

export const ACTOR_KINDS: ActorKind[] = ['user', 'agent', 'service', 'partner', 'system'];
export const STEP_KINDS: StepKind[] = ['task', 'approval', 'check', 'decision', 'parallel', 'start', 'end'];
export const PALETTE: StepKind[] = ['task', 'approval', 'check', 'decision', 'parallel', 'end'];
export const CHANNELS: Channel[] = ['counter', 'paper', 'mail', 'email', 'phone', 'online', 'internal'];
export const VALUE_CLASSES: ValueClass[] = ['value_adding', 'required', 'waste'];
export const OUTCOMES: Outcome[] = ['granted', 'refused', 'abandoned'];
export const MEDIA: Medium[] = ['paper', 'mail', 'email', 'system', 'oral'];
export const DATA_KINDS: DataKind[] = ['document', 'field'];

/** Minutes in each unit a duration can be typed in; 1 working day = 7 hours. */
export const UNITS = { min: 1, h: 60, d: 420 } as const;
export type Unit = keyof typeof UNITS;

/** The unit a duration reads best in: days or hours when it is a whole number of them. */
export function unitFor(minutes: number | undefined): Unit {
  if (minutes === undefined || minutes === 0) return 'min';
  if (minutes % UNITS.d === 0) return 'd';
  if (minutes % UNITS.h === 0) return 'h';
  return 'min';
}
