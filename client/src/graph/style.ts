/**
 * Styling rules of the network: shape by entity type, colour by the (first) deploying organization, size by
 * personnel, line style by relationship type. Pure data, so that the legend, the stylesheet and the tests read
 * the same rules.
 */
import type { NodeSingular, StylesheetJson } from 'cytoscape';
import { EMPTY_CLASS, GROUP_BOX_CLASS, IMPLIED_CLASS } from './grouping';
import { LABEL_FONT, labelStyles, labelZoom } from './labels';
import { SIZE_MEASURE_TEXT } from './measures';
import type { SizeMeasure } from './measures';
import type { EntityLabel } from './types';

/** Colours of the organizations that deploy most missions; others get a stable colour from PALETTE. */
export const ORG_COLOURS: Readonly<Record<string, string>> = {
  UN: '#3b8fd9',
  EU: '#e3b505',
  AU: '#2e9e4f',
  NATO: '#24366b',
  OSCE: '#e07b39',
  ECOWAS: '#8c564b',
  CIS: '#c0392b',
  OAU: '#79b77d',
  SADC: '#17a2b8',
  ECCAS: '#9467bd',
  OAS: '#a3a31f',
  WEU: '#6b6ecf',
  CSTO: '#b5485d',
  CSCE: '#f0a36b',
};

/** Colours for organizations outside ORG_COLOURS, picked by a hash of the id. */
export const PALETTE = [
  '#7f7f7f',
  '#5a9e8f',
  '#b07aa1',
  '#9c755f',
  '#4e79a7',
  '#76b7b2',
  '#af7aa1',
  '#ff9da7',
] as const;

/** Colour of nodes that belong to no organization. */
export const TYPE_COLOURS: Readonly<Record<EntityLabel, string>> = {
  Organization: '#555f6b',
  Mission: '#9aa5b1',
  Conflict: '#a93226',
  State: '#aab4be',
  Person: '#8e44ad',
};

/** Cytoscape node shape per entity type. */
export const NODE_SHAPES: Readonly<Record<EntityLabel, string>> = {
  Organization: 'round-rectangle',
  Mission: 'ellipse',
  Conflict: 'diamond',
  State: 'hexagon',
  Person: 'round-triangle',
};

/** How a relationship type is drawn. */
export interface EdgeLook {
  colour: string;
  line: 'solid' | 'dashed' | 'dotted';
  arrow: boolean;
  /** Width when the edge has no weight. */
  width: number;
  /** Plain-language meaning, for the legend. */
  meaning: string;
}

/** Line style per relationship type (FULL mode, neighbours and paths, and ORGANIZATIONS mode). */
const EDGE_STYLES = {
  DEPLOYED: { colour: '#8a96a3', line: 'solid', arrow: false, width: 1.5 },
  SUPPORTED: { colour: '#2a9d8f', line: 'dashed', arrow: true, width: 2 },
  COOPERATED_WITH: { colour: '#ff7f0e', line: 'solid', arrow: true, width: 3 },
  IN_CONFLICT: { colour: '#c0392b', line: 'dashed', arrow: false, width: 1.2 },
  HOSTED_BY: { colour: '#b8c2cc', line: 'dotted', arrow: false, width: 1.2 },
  PART_OF: { colour: '#4d5660', line: 'dashed', arrow: true, width: 1.5 },
  CONTRIBUTED_TO: { colour: '#9fb3c8', line: 'solid', arrow: true, width: 0.8 },
  MEMBER_OF: { colour: '#c3b5dc', line: 'solid', arrow: false, width: 0.8 },
  SERVED_IN: { colour: '#8e44ad', line: 'solid', arrow: false, width: 1.5 },
  HELD_POST: { colour: '#8e44ad', line: 'dashed', arrow: false, width: 1.5 },
  NATIONAL_OF: { colour: '#b27fc6', line: 'dotted', arrow: false, width: 1 },
  PARTY_TO: { colour: '#d98880', line: 'dotted', arrow: false, width: 1 },
  LOCATED_IN: { colour: '#b8c2cc', line: 'dashed', arrow: false, width: 1 },
  SUCCEEDED: { colour: '#333d47', line: 'dashed', arrow: true, width: 1.5 },
  PERSONNEL_IN: { colour: '#9fb3c8', line: 'dotted', arrow: false, width: 0.8 },
  CO_DEPLOYED: { colour: '#5b6b7b', line: 'solid', arrow: false, width: 2 },
  COOPERATED: { colour: '#ff7f0e', line: 'solid', arrow: false, width: 2 },
} as const satisfies Record<string, Omit<EdgeLook, 'meaning'>>;

/** What each relationship type means, in plain language, for the legend and the edge panel. */
const EDGE_MEANINGS: Readonly<Record<keyof typeof EDGE_STYLES, string>> = {
  DEPLOYED: 'organization deployed mission',
  SUPPORTED: "organization supported another organization's mission (funding, logistics, training)",
  COOPERATED_WITH: 'missions cooperated (handover, bridging, hybrid, support...)',
  IN_CONFLICT: 'mission in conflict',
  HOSTED_BY: 'mission hosted by state',
  PART_OF: 'mission part of an umbrella mission',
  CONTRIBUTED_TO:
    'state contributed personnel (width: peak monthly personnel in the period; dashed: no figure on record)',
  MEMBER_OF: 'state member of organization',
  SERVED_IN: 'person served in mission',
  HELD_POST: 'person held post in organization',
  NATIONAL_OF: 'person national of state',
  PARTY_TO: 'state party to conflict',
  LOCATED_IN: 'conflict located in state',
  SUCCEEDED: 'organization succeeded another',
  PERSONNEL_IN: 'mission personnel in state',
  CO_DEPLOYED: 'organizations co-deployed (width: shared conflicts)',
  COOPERATED: 'organizations cooperated (width: recorded links)',
};

/** The look of each relationship type of the model and of the organization network. */
export const EDGE_LOOKS: Readonly<Record<string, EdgeLook>> = Object.fromEntries(
  Object.entries(EDGE_STYLES).map(([type, style]) => [
    type,
    { ...style, meaning: EDGE_MEANINGS[type as keyof typeof EDGE_STYLES] },
  ]),
);

/** Colour of a COOPERATED_WITH edge by its kind. */
export const COOPERATION_COLOURS: Readonly<Record<string, string>> = {
  handover: '#ff7f0e',
  bridging: '#9467bd',
  hybrid: '#e6007e',
  support: '#2ca02c',
  joint: '#17becf',
  coordination: '#8c564b',
};

/** Border colour that marks missions in a multiple simultaneous peace operation. */
export const MSPO_COLOUR = '#e6007e';
/** Colour of a highlighted path. */
export const PATH_COLOUR = '#ffb000';

const UNKNOWN_EDGE: EdgeLook = {
  colour: '#9aa5b1',
  line: 'solid',
  arrow: false,
  width: 1,
  meaning: 'other relationship',
};

/** The look of a relationship type (a neutral one for unknown types). */
export function edgeLook(type: string): EdgeLook {
  return EDGE_LOOKS[type] ?? UNKNOWN_EDGE;
}

/** A stable colour for an organization id. */
export function orgColour(id: string | undefined | null): string | null {
  if (!id) return null;
  const known = ORG_COLOURS[id];
  if (known) return known;
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? PALETTE[0];
}

/** Fill colour of a node: its first organization's colour, else its type's. */
export function nodeColour(label: EntityLabel, organizations: readonly string[]): string {
  if (label === 'Mission' || label === 'Organization') return orgColour(organizations[0]) ?? TYPE_COLOURS[label];
  return TYPE_COLOURS[label] ?? '#9aa5b1';
}

/** Personnel at which a mission node reaches its largest size (about the largest UN operations). */
export const PERSONNEL_FULL_SIZE = 30000;
/** Diameter of a mission with a personnel figure of 0, and of one with PERSONNEL_FULL_SIZE or more. */
export const PERSONNEL_MIN_SIZE = 12;
export const PERSONNEL_MAX_SIZE = 60;
/**
 * Diameter of a mission with no personnel figure on record: drawn hollow and dashed (class
 * `personnel-unknown`), and never at the size of a figure of 0.
 */
export const UNKNOWN_PERSONNEL_SIZE = 18;

/**
 * Node diameter in pixels. Missions grow with the square root of their largest monthly personnel (so that the
 * area is proportional to it), from PERSONNEL_MIN_SIZE for 0; missions without a figure get
 * UNKNOWN_PERSONNEL_SIZE (and a hollow, dashed look); organizations are drawn large.
 */
export function nodeSize(label: EntityLabel, personnel: number | null): number {
  switch (label) {
    case 'Organization':
      return 36;
    case 'Mission': {
      if (personnel === null || !Number.isFinite(personnel)) return UNKNOWN_PERSONNEL_SIZE;
      const share = Math.min(Math.max(personnel, 0), PERSONNEL_FULL_SIZE) / PERSONNEL_FULL_SIZE;
      return Math.round(PERSONNEL_MIN_SIZE + (PERSONNEL_MAX_SIZE - PERSONNEL_MIN_SIZE) * Math.sqrt(share));
    }
    case 'Conflict':
      return 22;
    default:
      return 18;
  }
}

/** Edge width: weighted organization-network edges grow with their weight (1 to 10 px), others use the type's width. */
export function edgeWidth(type: string, weight: number | null): number {
  const look = edgeLook(type);
  if ((type === 'CO_DEPLOYED' || type === 'COOPERATED') && weight !== null && weight > 0)
    return Math.min(10, 1 + 1.5 * Math.sqrt(weight));
  return look.width;
}

/** Edge colour: cooperation links by kind, others by type. */
export function edgeColour(type: string, kind: string | null): string {
  if (type === 'COOPERATED_WITH' && kind && COOPERATION_COLOURS[kind]) return COOPERATION_COLOURS[kind];
  return edgeLook(type).colour;
}

/** The stylesheet of the network view; element data carry the computed colour, size and width. */
export function buildStylesheet(): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        // No label unless the label pass (labels.ts) gives the node one: see labelStyles().
        label: '',
        'font-size': 9,
        'font-family': LABEL_FONT,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '110px',
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': '#ffffff',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.6,
        'text-background-padding': '1px',
      },
    },
    {
      selector: 'node.hybrid',
      style: {
        'pie-size': '100%',
        'pie-1-background-color': 'data(colour)',
        'pie-1-background-size': 50,
        'pie-2-background-color': 'data(colour2)',
        'pie-2-background-size': 50,
      },
    },
  ];
  for (const [label, shape] of Object.entries(NODE_SHAPES))
    sheet.push({ selector: `node[label = "${label}"]`, style: { shape: shape as never } });
  sheet.push(
    // A mission with no personnel figure: hollow and dashed (size by personnel only).
    {
      selector: 'node.personnel-unknown',
      style: {
        'background-opacity': 0.18,
        'border-style': 'dashed',
        'border-width': 2,
        'border-color': 'data(colour)',
        'pie-1-background-opacity': 0.25,
        'pie-2-background-opacity': 0.25,
      },
    },
    // Size by a counted measure (measures.ts): the same scale for every type.
    {
      selector: 'node.measure-size',
      style: {
        width: 'data(msize)',
        height: 'data(msize)',
        'background-opacity': 1,
        'border-style': 'solid',
        'border-width': 1,
        'border-color': '#ffffff',
        'pie-1-background-opacity': 1,
        'pie-2-background-opacity': 1,
      },
    },
  );
  sheet.push(
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'curve-style': 'bezier',
        opacity: 0.75,
        'arrow-scale': 0.8,
      },
    },
    // Lines to conflicts are context: drawn lighter, so that organizations, missions and their ties stand out.
    { selector: 'edge[type = "IN_CONFLICT"]', style: { opacity: 0.4 } },
    { selector: 'edge.arrow', style: { 'target-arrow-shape': 'triangle' } },
    { selector: 'edge.dashed', style: { 'line-style': 'dashed' } },
    { selector: 'edge.dotted', style: { 'line-style': 'dotted' } },
    // Contributions: width by the personnel figure (the edge's weight: peak monthly personnel in the period asked),
    // 1 px at the least; a contribution without a figure stays thin and dashed, never drawn as 0.
    { selector: 'edge[type = "CONTRIBUTED_TO"][weight > 0]', style: { width: 'mapData(weight, 0, 4000, 1, 8)' } },
    { selector: 'edge[type = "CONTRIBUTED_TO"][!weight]', style: { width: 0.8, 'line-style': 'dashed' } },
    // The map layout (view/map.ts): a tie to a node in the "not on the map" column is drawn faint, so that the
    // ties between places stand out; before the rules below, so that dimming and paths still win.
    { selector: 'edge.map-offmap-edge', style: { opacity: 0.22 } },
    // MSPO rings (the server's mspoShare): light for "at some time in the period", strong for "at the slider's time".
    {
      selector: 'node.mspo',
      style: {
        'border-width': ringWidth(MSPO_PERIOD_RING_PX),
        'border-color': MSPO_COLOUR,
        'border-opacity': 0.55,
      } as never,
    },
    {
      selector: 'node.mspo.mspo-now',
      style: { 'border-width': ringWidth(MSPO_NOW_RING_PX), 'border-opacity': 1, 'border-style': 'solid' } as never,
    },
    { selector: 'node.dim', style: { opacity: 0.25 } },
    { selector: 'edge.dim', style: { opacity: 0.1 } },
    // What a legend entry switched off stands for.
    { selector: '.legend-hidden', style: { display: 'none' } },
    { selector: '.time-hidden', style: { display: 'none' } },
    { selector: '.user-hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'node.path', style: { 'border-width': 6, 'border-color': PATH_COLOUR, opacity: 1 } },
    {
      selector: 'edge.path',
      style: { width: 6, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, opacity: 1, 'z-index': 10 },
    },
    { selector: 'node.compare', style: { 'border-width': 6, 'border-color': '#17becf', opacity: 1 } },
    { selector: 'node:selected', style: { 'overlay-color': '#ffb000', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    // The edge the edge panel explains.
    { selector: 'edge:selected', style: { 'overlay-color': '#ffb000', 'overlay-opacity': 0.35, 'overlay-padding': 4 } },
    { selector: 'node.focus', style: { 'border-width': 5, 'border-color': '#111827' } },
    // Focus mode (view/focus.ts): what lies outside the focus is faded without labels, or hidden.
    { selector: '.focus-faded', style: { opacity: 0.1, 'text-opacity': 0 } },
    { selector: '.focus-hidden', style: { display: 'none' } },
    { selector: 'node.focus-centre', style: { 'outline-width': 3, 'outline-color': '#0b6bcb', 'outline-offset': 3 } },
    // The keyboard cursor (view/node-nav.ts).
    {
      selector: 'node.kbd-cursor',
      style: { 'outline-width': 3, 'outline-color': '#ffb000', 'outline-style': 'dashed', 'outline-offset': 6 },
    },
  );
  sheet.push(...groupStyles(), ...labelStyles(), ...groupStylesLast());
  return sheet;
}

/** Ring widths of the MSPO marks on screen (CSS pixels), whatever the zoom (at most 8 model pixels). */
export const MSPO_PERIOD_RING_PX = 2;
export const MSPO_NOW_RING_PX = 4;

/** A border width that stays `screen` pixels wide on screen (capped at 8 model pixels when zoomed far out). */
function ringWidth(screen: number) {
  return (n: NodeSingular): number => Math.min(8, screen / labelZoom(n.cy()));
}

/** Group boxes (grouping.ts): tinted with the organization's colour, or grey for a region; they take no events. */
function groupStyles(): StylesheetJson {
  return [
    {
      selector: `node.${GROUP_BOX_CLASS}`,
      style: {
        shape: 'round-rectangle',
        'background-color': '#9aa5b1',
        'background-opacity': 0.06,
        'border-width': 1.5,
        'border-color': '#9aa5b1',
        'border-opacity': 0.6,
        padding: '12px',
        // Labels keep their size on screen, so they are large in the model when zoomed out: a box holds its nodes only.
        'compound-sizing-wrt-labels': 'exclude',
        events: 'no',
        'z-compound-depth': 'bottom',
      },
    },
    {
      selector: `node.${GROUP_BOX_CLASS}.group-organization`,
      style: {
        'background-color': (n: NodeSingular) => orgColour(String(n.data('key'))) ?? '#9aa5b1',
        'border-color': (n: NodeSingular) => orgColour(String(n.data('key'))) ?? '#9aa5b1',
      } as never,
    },
    // The lines a box stands for (an organization's DEPLOYED lines to its own missions) are not drawn, unless on a path.
    { selector: `edge.${IMPLIED_CLASS}`, style: { display: 'none' } },
    { selector: `edge.${IMPLIED_CLASS}.path`, style: { display: 'element' } },
  ];
}

/**
 * Last rules: a box is never faded, dimmed or hidden by what marks its members (a compound node's opacity and
 * display apply to everything inside it); it is hidden only when all its members are.
 */
function groupStylesLast(): StylesheetJson {
  return [
    {
      selector: `node.${GROUP_BOX_CLASS}`,
      style: {
        opacity: 1,
        display: 'element',
        'border-width': 1.5,
        'border-style': 'solid',
        'overlay-opacity': 0,
        'outline-width': 0,
      },
    },
    { selector: `node.${GROUP_BOX_CLASS}.${EMPTY_CLASS}`, style: { display: 'none' } },
  ];
}

/** One row of the legend. */
export interface LegendEntry {
  kind: 'node' | 'edge' | 'organization' | 'mark';
  key: string;
  text: string;
  colour: string;
  shape?: string;
  line?: EdgeLook['line'];
}

/** How the view draws its nodes, for the legend: the boxes in view (grouping.ts) and the size measure (measures.ts). */
export interface LegendAppearance {
  grouping: 'organization' | 'region' | null;
  size: SizeMeasure;
}

/** The legend's rows for the boxes, the size measure and the look of a mission with no personnel figure. */
function appearanceEntries(view: LegendAppearance, labels: ReadonlySet<EntityLabel>): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (view.grouping === 'organization')
    out.push({
      kind: 'mark',
      key: 'group',
      text: 'Box: an organization and the missions it leads (the box stands for their DEPLOYED lines; a hybrid mission sits with its lead and keeps its line to the other)',
      colour: '#9aa5b1',
    });
  if (view.grouping === 'region')
    out.push({
      kind: 'mark',
      key: 'group',
      text: 'Box: a region: its missions and host states, and the conflicts whose missions in view are all there',
      colour: '#9aa5b1',
    });
  out.push({ kind: 'mark', key: 'size', text: `Size: ${SIZE_MEASURE_TEXT[view.size]}`, colour: '#9aa5b1' });
  if (view.size === 'personnel' && labels.has('Mission'))
    out.push({
      kind: 'mark',
      key: 'personnel-unknown',
      text: 'Hollow, dashed mission: no personnel figure on record (not zero)',
      colour: '#9aa5b1',
    });
  return out;
}

/**
 * The legend for what is in view: entity types, the organizations present, relationship types present, how the
 * nodes are grouped and sized (`view`, when given), and the MSPO rings (the last row is the period's ring).
 */
export function legendEntries(
  labels: Iterable<EntityLabel>,
  organizations: Iterable<string>,
  edgeTypes: Iterable<string>,
  view?: LegendAppearance,
): LegendEntry[] {
  const out: LegendEntry[] = [];
  const labelSet = new Set(labels);
  for (const label of Object.keys(NODE_SHAPES) as EntityLabel[]) {
    if (labelSet.has(label))
      out.push({ kind: 'node', key: label, text: label, colour: TYPE_COLOURS[label], shape: NODE_SHAPES[label] });
  }
  const orgs = [...new Set(organizations)].sort(
    (a, b) => Number(!(a in ORG_COLOURS)) - Number(!(b in ORG_COLOURS)) || a.localeCompare(b),
  );
  for (const org of orgs.slice(0, 14))
    out.push({ kind: 'organization', key: org, text: org, colour: orgColour(org) ?? '#999' });
  if (orgs.length > 14)
    out.push({ kind: 'organization', key: '…', text: `${orgs.length - 14} more (hashed colours)`, colour: PALETTE[0] });
  for (const type of [...new Set(edgeTypes)].sort()) {
    const look = edgeLook(type);
    out.push({ kind: 'edge', key: type, text: `${type}: ${look.meaning}`, colour: look.colour, line: look.line });
  }
  if (view) out.push(...appearanceEntries(view, labelSet));
  // The rings are the server's answer (mspoShare's rule); the view computes none.
  out.push({
    kind: 'mark',
    key: 'mspo-now',
    text: "MSPO at the slider's year or month (strong ring)",
    colour: MSPO_COLOUR,
  });
  out.push({
    kind: 'mark',
    key: 'mspo',
    text: "MSPO at some time in the period shown (light ring; strong at the slider's time): another organization's operation in the same conflict at the same time",
    colour: MSPO_COLOUR,
  });
  return out;
}
