import { useTranslation } from 'react-i18next';

import type { Layout, Node, StepKind } from '../ipc';

interface Props {
  /** The swimlane layout computed in Rust (the same one the printed report draws). */
  layout: Layout;
  /** Accessible name of the drawing. */
  title: string;
}

/** Width of the margin inside a step box around its label. */
const LABEL_INSET = 6;

/**
 * Draws a procedure from its Rust layout: lanes as bands, steps as boxes, events as
 * circles, gateways as diamonds, flows as orthogonal arrows. No geometry is computed here.
 */
export function ProcedureDiagram({ layout, title }: Props) {
  const { t } = useTranslation();
  const { width, height } = layout;

  return (
    <div className="diagram" data-testid="procedure-diagram">
      <svg
        className="diagram__svg"
        role="img"
        aria-label={title}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        <defs>
          <marker
            id="diagram-arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="diagram__arrowhead" />
          </marker>
        </defs>

        {layout.lanes.map((lane, i) => (
          <g key={lane.actor ?? `lane-${i}`} className="diagram__lane" data-testid="diagram-lane">
            <rect
              x={0}
              y={lane.y}
              width={width}
              height={lane.height}
              className={i % 2 === 0 ? 'diagram__band' : 'diagram__band diagram__band--alt'}
            />
            <foreignObject x={4} y={lane.y} width={LANE_NAME_WIDTH} height={lane.height}>
              <div className="diagram__lane-name">{lane.name}</div>
            </foreignObject>
          </g>
        ))}

        {layout.edges.map((edge) => (
          <polyline
            key={edge.id}
            className={edge.back ? 'diagram__flow diagram__flow--back' : 'diagram__flow'}
            points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
            markerEnd="url(#diagram-arrow)"
          />
        ))}

        {layout.nodes.map((node) => (
          <Step key={node.id} node={node} kindLabel={t(`diagram.kind.${node.kind}`)} />
        ))}
      </svg>
    </div>
  );
}

/** Room for the lane names, inside the layout's lane header. */
const LANE_NAME_WIDTH = 110;

function Step({ node, kindLabel }: { node: Node; kindLabel: string }) {
  const { x, y, width: w, height: h } = node;
  const cx = x + w / 2;
  const cy = y + h / 2;
  const name = node.label ? `${kindLabel} : ${node.label}` : kindLabel;

  return (
    <g className={`diagram__step diagram__step--${node.kind}`} data-testid="diagram-step" data-step-id={node.id}>
      <title>{name}</title>
      {shape(node.kind, { x, y, w, h, cx, cy })}
      {isWork(node.kind) ? (
        <foreignObject x={x + LABEL_INSET} y={y + 2} width={w - 2 * LABEL_INSET} height={h - 4}>
          <div className="diagram__label">{node.label}</div>
        </foreignObject>
      ) : (
        node.label && (
          <text x={cx} y={y + h + 14} className="diagram__caption" textAnchor="middle">
            {node.label}
          </text>
        )
      )}
    </g>
  );
}

function isWork(kind: StepKind): boolean {
  return kind === 'task' || kind === 'approval' || kind === 'check';
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  cx: number;
  cy: number;
}

function shape(kind: StepKind, { x, y, w, h, cx, cy }: Box) {
  switch (kind) {
    case 'start':
    case 'end':
      return <circle cx={cx} cy={cy} r={w / 2} className="diagram__event" />;
    case 'decision':
    case 'parallel':
      return (
        <>
          <polygon points={`${cx},${y} ${x + w},${cy} ${cx},${y + h} ${x},${cy}`} className="diagram__gateway" />
          <text x={cx} y={cy + 6} textAnchor="middle" className="diagram__gateway-mark" aria-hidden="true">
            {kind === 'parallel' ? '+' : '×'}
          </text>
        </>
      );
    default:
      return <rect x={x} y={y} width={w} height={h} rx={6} className="diagram__box" />;
  }
}
