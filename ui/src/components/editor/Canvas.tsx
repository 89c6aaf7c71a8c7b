import '@xyflow/react/dist/style.css';

import {
  applyNodeChanges,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Connection,
  type NodeChange,
  type OnSelectionChangeParams,
  type ReactFlowInstance,
  type Viewport,
  useStoreApi,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { Layout, StepKind } from '../../ipc';
import {
  type CanvasNode,
  edgeTypes,
  handlesOf,
  type LaneNode,
  nodeTypes,
  type RouteEdge,
  type StepNode,
} from './canvasShapes';
import { READABLE_ZOOM, revealViewport } from './reveal';
import { type Rect, serves, viewOf, windowAround, windowContents, WINDOWED_ABOVE } from './viewWindow';

const LANE_PREFIX = 'lane:';
/**
 * Above this many steps the overview map is left out: it redraws every step at each frame of a
 * pan, which under WebKit's software rendering costs more than the drawing itself (measured on
 * 1,000 steps: 53 → 31 ms a frame without it). The "whole procedure" control remains.
 */
const MINIMAP_MAX_STEPS = WINDOWED_ABOVE;

/**
 * Where the canvas first looks: the whole procedure when it fits at a readable size, else its
 * beginning (the start and the first lanes, top left) at the smallest readable zoom, the rest a pan
 * away.
 */
export function initialViewport(width: number, height: number, boxWidth: number, boxHeight: number) {
  const margin = 12;
  const fit = Math.min((boxWidth - 2 * margin) / width, (boxHeight - 2 * margin) / height, 1);
  const zoom = Math.max(fit, READABLE_ZOOM);
  const centre = (box: number, size: number) => Math.max((box - size * zoom) / 2, margin);
  // Shown whole, it is centred; shown in part, it reads like a page, from its top left corner
  // (centred, its lanes would float in mid-canvas above the overview map).
  if (fit >= READABLE_ZOOM) return { x: centre(boxWidth, width), y: centre(boxHeight, height), zoom };
  return { x: margin, y: margin, zoom };
}

/** The React Flow instance of a canvas (to move it with another one). */
export type CanvasInstance = ReactFlowInstance<CanvasNode, RouteEdge>;

/**
 * Watches the view (every pan, zoom and programmatic move) without re-rendering at each frame,
 * and asks for a new window only when the current one no longer serves the view.
 */
function WindowKeeper({ win, onLeave }: { win: Rect | null; onLeave: (view: Rect) => void }) {
  const store = useStoreApi<CanvasNode, RouteEdge>();
  useEffect(() => {
    const check = () => {
      const { transform, width, height } = store.getState();
      const view = viewOf(transform, width, height);
      if (view && (!win || !serves(win, view))) onLeave(view);
    };
    check();
    return store.subscribe(check);
  }, [store, win, onLeave]);
  return null;
}

interface Props {
  layout: Layout;
  /** Ids to highlight (the subjects of the finding being looked at). */
  highlighted?: ReadonlySet<string>;
  /** Steps of the critical path. */
  critical?: ReadonlySet<string>;
  selected?: ReadonlySet<string>;
  onSelect?: (ids: string[]) => void;
  onConnect?: (from: string, to: string) => void;
  /** A step dropped at a new place (top-left corner, layout units). */
  onPlace?: (id: string, x: number, y: number) => void;
  /**
   * Steps to bring into view (a finding's, or one found by name), the first kept in view
   * when they cannot all be; `seq` changes at each request.
   */
  reveal?: { ids: readonly string[]; seq: number } | null;
  /** A drawing to look at, not to edit: no dragging, connecting or selecting. */
  readOnly?: boolean;
  /** A comparison's status of each step (`added`, `removed`, `changed`, `moved`). */
  statuses?: ReadonlyMap<string, string>;
  /** In a comparison's overlay: the flows the procedure after no longer has. */
  removedFlows?: ReadonlySet<string>;
  /** The accessible name of the drawing (several may be on one page). */
  label?: string;
  testId?: string;
  /** The agent panned or zoomed this drawing (to move another one with it). */
  onViewport?: (v: Viewport) => void;
  onReady?: (instance: CanvasInstance) => void;
}

const NONE: ReadonlySet<string> = new Set();
/** A window far from any step: nothing but the selection is handed over. */
const NOWHERE: Rect = { x: -1e9, y: -1e9, width: 0, height: 0 };
const NO_STATUS: ReadonlyMap<string, string> = new Map();
const ignore = () => {};

function buildNodes(
  layout: Layout,
  highlighted: ReadonlySet<string>,
  critical: ReadonlySet<string>,
  selected: ReadonlySet<string>,
  kindName: (k: StepKind) => string,
  statuses: ReadonlyMap<string, string>,
  statusName: (s: string) => string,
  readOnly: boolean,
): CanvasNode[] {
  const lanes: LaneNode[] = layout.lanes.map((lane, i) => ({
    id: `${LANE_PREFIX}${i}`,
    type: 'lane',
    position: { x: 0, y: lane.y },
    // Its size is known without measuring: "whole procedure" fits the lanes, so the whole
    // drawing, even when React Flow holds only a window of the steps.
    width: layout.width,
    height: lane.height,
    measured: { width: layout.width, height: lane.height },
    data: { name: lane.name, width: layout.width, height: lane.height },
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    zIndex: -1,
  }));
  const steps: StepNode[] = layout.nodes.map((n) => ({
    id: n.id,
    type: 'step',
    position: { x: n.x, y: n.y },
    width: n.width,
    height: n.height,
    // Sizes and handles are known from the layout, so React Flow needs to measure no step to
    // draw flows or fit the view: it puts in the page only the steps on screen, from the start.
    measured: { width: n.width, height: n.height },
    handles: handlesOf(n.width, n.height),
    selected: selected.has(n.id),
    ariaLabel: `${n.label ? `${kindName(n.kind)} : ${n.label}` : kindName(n.kind)}${statuses.has(n.id) ? ` (${statusName(statuses.get(n.id) ?? '')})` : ''}`,
    ...(readOnly ? { draggable: false, connectable: false, selectable: false } : {}),
    data: {
      kind: n.kind,
      label: n.label,
      width: n.width,
      height: n.height,
      highlighted: highlighted.has(n.id),
      critical: critical.has(n.id),
      kindName: kindName(n.kind),
      status: statuses.get(n.id) ?? null,
      statusName: statuses.has(n.id) ? statusName(statuses.get(n.id) ?? '') : null,
    },
  }));
  return [...lanes, ...steps];
}

/**
 * The swimlane canvas (React Flow). It draws what Rust laid out and routed; dragging a step,
 * connecting two steps or selecting is reported to the page, which turns it into an edit.
 * Off-screen elements are not rendered, so a 1,000-step procedure pans smoothly.
 */
export function Canvas({
  layout,
  highlighted = NONE,
  critical = NONE,
  selected = NONE,
  onSelect = ignore,
  onConnect = ignore,
  onPlace = ignore,
  readOnly = false,
  statuses = NO_STATUS,
  removedFlows = NONE,
  label,
  testId = 'editor-canvas',
  onViewport,
  onReady,
  reveal = null,
}: Props) {
  const { t } = useTranslation();
  const kindName = useCallback((k: StepKind) => t(`diagram.kind.${k}`), [t]);
  const statusName = useCallback((s: string) => t(`compare.status.${s}`, { defaultValue: s }), [t]);
  const base = useMemo(
    () => buildNodes(layout, highlighted, critical, selected, kindName, statuses, statusName, readOnly),
    [layout, highlighted, critical, selected, kindName, statuses, statusName, readOnly],
  );
  const [nodes, setNodes] = useState<CanvasNode[]>(base);
  useEffect(() => setNodes(base), [base]);

  const edges: RouteEdge[] = useMemo(() => {
    const corner = new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    return layout.edges.map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        type: 'route',
        data: {
          points: e.points,
          fromAt: corner.get(e.from) ?? null,
          toAt: corner.get(e.to) ?? null,
          highlighted: highlighted.has(e.id),
          removed: removedFlows.has(e.id),
        },
        ...(readOnly ? { selectable: false, focusable: false } : {}),
        selected: selected.has(e.id),
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      }));
  }, [layout, highlighted, selected, removedFlows, readOnly]);

  // A large procedure is handed to React Flow a window at a time (see `viewWindow`).
  const windowed = !readOnly && layout.nodes.length > WINDOWED_ABOVE;
  const [win, setWin] = useState<Rect | null>(null);
  // Until the view is known (the first frame), a large procedure hands over only its lanes.
  const contents = useMemo(
    () => (windowed ? windowContents(layout, win ?? NOWHERE, selected) : null),
    [windowed, win, layout, selected],
  );
  const shownNodes = useMemo(
    () => (contents ? nodes.filter((n) => n.type === 'lane' || n.selected || contents.steps.has(n.id)) : nodes),
    [contents, nodes],
  );
  const shownEdges = useMemo(() => (contents ? edges.filter((e) => contents.flows.has(e.id)) : edges), [contents, edges]);
  const moveWindow = useCallback((view: Rect) => setWin(windowAround(view)), []);

  const box = useRef<HTMLDivElement>(null);
  const flow = useRef<CanvasInstance | null>(null);
  // The first drawing only sets the view: later edits keep the agent's view where it is.
  const first = useRef(layout);
  const onInit = useCallback(
    (instance: CanvasInstance) => {
      flow.current = instance;
      const el = box.current;
      const { width, height } = first.current;
      // A drawing to edit opens readable; one to look at (a comparison) shows the whole procedure.
      if (el && !readOnly) void instance.setViewport(initialViewport(width, height, el.clientWidth, el.clientHeight));
      onReady?.(instance);
    },
    [onReady, readOnly],
  );
  useEffect(() => {
    const el = box.current;
    if (!reveal || !flow.current || !el) return;
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    const boxes = reveal.ids.flatMap((id) => at.get(id) ?? []);
    const canvas = { width: el.clientWidth, height: el.clientHeight };
    const view = revealViewport(boxes, layout, canvas, flow.current.getViewport());
    if (view) void flow.current.setViewport(view, { duration: 200 });
  }, [reveal, layout]);

  // Steps moved with the arrow keys (React Flow moves a selected step 5 px a press and tells no
  // one): their last place, committed as one edit each when the key is released.
  const keyMoves = useRef(new Map<string, { x: number; y: number }>());
  const pointerDrag = useRef(false);
  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    for (const c of changes) {
      if (c.type === 'position' && c.dragging === false && c.position && !pointerDrag.current && !c.id.startsWith(LANE_PREFIX)) {
        keyMoves.current.set(c.id, c.position);
      }
    }
    setNodes((ns) => applyNodeChanges(changes, ns));
  }, []);
  const handleKeyUp = useCallback(
    (e: KeyboardEvent) => {
      if (!e.key.startsWith('Arrow') || keyMoves.current.size === 0) return;
      const moved = [...keyMoves.current];
      keyMoves.current.clear();
      for (const [id, p] of moved) onPlace(id, p.x, p.y);
    },
    [onPlace],
  );
  const handleConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.source !== c.target) onConnect(c.source, c.target);
    },
    [onConnect],
  );
  const handleSelection = useCallback(
    ({ nodes: ns, edges: es }: OnSelectionChangeParams) => onSelect([...ns.map((n) => n.id), ...es.map((e) => e.id)]),
    [onSelect],
  );
  const handleDragStart = useCallback(() => {
    pointerDrag.current = true;
  }, []);
  const handleDragStop = useCallback(
    (_: unknown, node: CanvasNode) => {
      pointerDrag.current = false;
      if (node.type === 'step') onPlace(node.id, node.position.x, node.position.y);
    },
    [onPlace],
  );

  return (
    <div
      className="canvas"
      data-testid={testId}
      role={label ? 'region' : undefined}
      aria-label={label}
      // What Rust laid out (the DOM holds only what is on screen).
      data-steps={layout.nodes.length}
      data-flows={layout.edges.length}
      ref={box}
      onKeyUp={readOnly ? undefined : handleKeyUp}
    >
      <ReactFlow<CanvasNode, RouteEdge>
        nodes={shownNodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onConnect={handleConnect}
        onSelectionChange={handleSelection}
        onNodeDragStart={handleDragStart}
        onNodeDragStop={handleDragStop}
        onInit={onInit}
        fitView={readOnly}
        fitViewOptions={{ maxZoom: 1, padding: 0.05 }}
        {...(onViewport ? { onMove: (_: unknown, v: Viewport) => onViewport(v) } : {})}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable={!readOnly}
        onlyRenderVisibleElements
        connectOnClick
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode="Shift"
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('canvas.a11y.node'),
          'node.a11yDescription.keyboardDisabled': t('canvas.a11y.node'),
          'edge.a11yDescription.default': t('canvas.a11y.edge'),
          'controls.ariaLabel': t('canvas.controls'),
          'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
          'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
          'controls.fitView.ariaLabel': t('canvas.fitView'),
          'controls.interactive.ariaLabel': t('canvas.interactive'),
          'minimap.ariaLabel': t('canvas.minimap'),
          'handle.ariaLabel': t('canvas.handle'),
        }}
      >
        {windowed && <WindowKeeper win={win} onLeave={moveWindow} />}
        {/* A drawing shown whole fills its box: the controls go where no lane name is. */}
        <Controls showInteractive={false} position={readOnly ? 'top-right' : 'bottom-left'} />
        {!readOnly && layout.nodes.length <= MINIMAP_MAX_STEPS && (
          <MiniMap
            pannable
            zoomable
            style={{ width: 160, height: 100 }}
            nodeColor={(n) => (n.type === 'lane' ? '#f0f0fa' : '#3a3a8c')}
            nodeStrokeColor={(n) => (n.type === 'lane' ? '#c9c9d8' : '#3a3a8c')}
          />
        )}
      </ReactFlow>
    </div>
  );
}
