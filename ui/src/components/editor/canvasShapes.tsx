// What the canvas draws: a step, a lane band and a flow, as React Flow node and edge types.

import {
  BaseEdge,
  getSmoothStepPath,
  Handle,
  Position,
  type Edge as FlowEdge,
  type EdgeProps,
  type InternalNode,
  type Node as FlowNode,
  type NodeProps,
  useInternalNode,
} from '@xyflow/react';
import { memo } from 'react';

import type { Point, StepKind } from '../../ipc';

export type StepData = {
  kind: StepKind;
  label: string;
  width: number;
  height: number;
  highlighted: boolean;
  critical: boolean;
  kindName: string;
  /** In a comparison: `added`, `removed`, `changed` or `moved`. */
  status: string | null;
  statusName: string | null;
};
export type LaneData = { name: string; width: number; height: number };
export type StepNode = FlowNode<StepData, 'step'>;
export type LaneNode = FlowNode<LaneData, 'lane'>;
export type CanvasNode = StepNode | LaneNode;
/** `fromAt` and `toAt`: where the layout put the two steps (top-left corners) when it routed the flow. */
export type RouteData = { points: Point[]; fromAt: Point | null; toAt: Point | null; highlighted: boolean; removed: boolean };
export type RouteEdge = FlowEdge<RouteData, 'route'>;

/** A step: its shape says its kind; handles on the left (in) and right (out). */
const StepShape = memo(function StepShape({ id, data, selected }: NodeProps<StepNode>) {
  const classes = [
    'canvas-step',
    `canvas-step--${data.kind}`,
    data.highlighted ? 'is-highlighted' : '',
    data.critical ? 'is-critical' : '',
    selected ? 'is-selected' : '',
    data.status ? `is-${data.status}` : '',
  ];
  const name = data.statusName ? `${data.kindName} (${data.statusName})` : data.kindName;
  return (
    <div
      className={classes.join(' ')}
      style={{ width: data.width, height: data.height }}
      data-testid="canvas-step"
      data-step-id={id}
      data-highlighted={data.highlighted ? 'true' : 'false'}
      data-status={data.status ?? undefined}
      title={data.label ? `${name} — ${data.label}` : name}
    >
      <Handle type="target" position={Position.Left} data-testid="handle-in" />
      <span className="canvas-step__label">{data.label}</span>
      <Handle type="source" position={Position.Right} data-testid="handle-out" />
    </div>
  );
});

/** A lane band with its name in the header column. */
const LaneBand = memo(function LaneBand({ data }: NodeProps<LaneNode>) {
  return (
    <div className="canvas-lane" style={{ width: data.width, height: data.height }} data-testid="canvas-lane">
      <span className="canvas-lane__name">{data.name}</span>
    </div>
  );
});

/** Side of the round handles on a step's borders (CSS: 10 px and a 1 px border). */
const HANDLE = 12;

/**
 * The handles of a step, declared so that React Flow can draw a flow to a step it has not put in
 * the page (off screen) without measuring it; the same as it measures once the step is drawn.
 */
export function handlesOf(width: number, height: number): NonNullable<FlowNode['handles']> {
  const y = height / 2 - HANDLE / 2;
  return [
    { type: 'target', position: Position.Left, x: -HANDLE / 2, y, width: HANDLE, height: HANDLE },
    { type: 'source', position: Position.Right, x: width - HANDLE / 2, y, width: HANDLE, height: HANDLE },
  ];
}

const at = (node: InternalNode | undefined, p: Point | null) =>
  node !== undefined &&
  p !== null &&
  Math.abs(node.internals.positionAbsolute.x - p.x) < 1 &&
  Math.abs(node.internals.positionAbsolute.y - p.y) < 1;

/**
 * A flow along the route computed in Rust, as long as both its steps are where the layout put
 * them. While a step is being dragged (or waits for the new layout after a drop), a plain
 * orthogonal path between the handles takes its place until Rust routes it again.
 */
function RouteLine(props: EdgeProps<RouteEdge>) {
  const { sourceX, sourceY, targetX, targetY, data, markerEnd, id, source, target } = props;
  const points = data?.points ?? [];
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const inPlace = at(from, data?.fromAt ?? null) && at(to, data?.toAt ?? null);
  let path: string;
  if (points.length >= 2 && inPlace) {
    path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  } else {
    [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition: Position.Right, targetPosition: Position.Left });
  }
  return (
    <BaseEdge
      id={id}
      path={path}
      {...(markerEnd === undefined ? {} : { markerEnd })}
      className={`canvas-flow${data?.highlighted ? ' is-highlighted' : ''}${data?.removed ? ' is-removed' : ''}`}
    />
  );
}

export const nodeTypes = { step: StepShape, lane: LaneBand };
export const edgeTypes = { route: RouteLine };
