/**
 * Labels by priority, so that what is shown can be read. Labels keep one size on screen whatever the zoom (their
 * font size in the model is the screen size divided by the zoom), and a pass after each layout, zoom, pan or
 * change of what is visible decides which nodes show theirs: in order of priority (what is selected or marked by
 * a path, focus or comparison; region boxes; organizations; conflicts; the largest missions, and any mission drawn
 * large enough on screen to be told apart; host states and people; then what is dimmed), a label is shown when
 * its box on screen overlaps no label already shown. Zooming in spreads the nodes apart, so more labels fit.
 * The label of the node under the pointer is drawn on top of the others without changing them.
 */
import type { Core, NodeSingular, StylesheetJson } from 'cytoscape';
import { GROUP_BOX_CLASS, isDrawn } from './grouping';
import { setScratch } from './scratch';

/** The class of nodes whose label is shown. */
export const LABEL_CLASS = 'lbl';
/** The class of the node under the pointer (its label shows on top). */
export const HOVER_LABEL_CLASS = 'lbl-hover';
/** What always shows its label, overlapping or not. */
export const FORCED_LABELS = ':selected, .focus, .path, .compare, .focus-centre, .kbd-cursor';

/** What is drawn faint (its label comes after every other). */
const DIMMED = '.dim, .faded, .focus-faded';

/** Font of every label. */
export const LABEL_FONT = 'system-ui, sans-serif';
/** Label size on screen (CSS pixels) per entity type; group boxes use BOX_LABEL_PX. */
export const LABEL_PX: Readonly<Record<string, number>> = {
  Organization: 12,
  Conflict: 10.5,
  Mission: 10.5,
  State: 10,
  Person: 10,
};
export const BOX_LABEL_PX = 12;
/** Widest label on screen; longer names end with an ellipsis. */
export const LABEL_MAX_PX = 150;
/** Gap between a node and its label, and the padding of the label's background, on screen. */
export const LABEL_GAP_PX = 2;
export const LABEL_PAD_PX = 1.5;
/** Padding of an organization's badge (its label on its own colour). */
export const BADGE_PAD_PX = 3;
/** A mission is a label candidate when it is among the TOP_MISSIONS largest by personnel or drawn this wide. */
export const TOP_MISSIONS = 12;
export const MISSION_DISC_PX = 14;
/** Labels closer than this (screen pixels) count as overlapping. */
const CLEARANCE_PX = 1;
/** Nodes this far outside the viewport (screen pixels) are not considered. */
const VIEWPORT_MARGIN_PX = 200;

/** The zoom the label sizes were last computed for (so that the model sizes match the screen sizes). */
export function labelZoom(cy: Core): number {
  const z = cy.scratch('labelZoom') as number | undefined;
  return z && z > 0 ? z : cy.zoom();
}

/**
 * The text of a node's label: its name, except that a conflict named as UCDP does ("Sudan: Government of Sudan vs
 * SLM/A") is shortened to its location and opponents ("Sudan vs SLM/A"); the tooltip and the details keep the
 * full name.
 */
export function labelText(name: string, label: string | undefined): string {
  if (label !== 'Conflict') return name;
  const m = /^([^:]+):\s*Government of (.+?) vs (.+)$/.exec(name);
  return m && m[1]?.trim() === m[2]?.trim() ? `${m[1]?.trim()} vs ${m[3]?.trim()}` : name;
}

const textOf = (n: NodeSingular): string =>
  labelText(String(n.data('name') ?? ''), n.data('label') as string | undefined);

const px = (n: NodeSingular): number =>
  n.hasClass(GROUP_BOX_CLASS) ? BOX_LABEL_PX : (LABEL_PX[String(n.data('label'))] ?? 10);
const perZoom = (screen: number) => (n: NodeSingular) => screen / labelZoom(n.cy());

/** Style rules of the labels (appended to the stylesheet; every size is a screen size divided by the zoom). */
export function labelStyles(): StylesheetJson {
  const labelled = {
    label: textOf,
    'font-size': (n: NodeSingular) => px(n) / labelZoom(n.cy()),
    'text-max-width': perZoom(LABEL_MAX_PX),
    'text-margin-y': perZoom(LABEL_GAP_PX),
    'text-background-padding': perZoom(LABEL_PAD_PX),
    'min-zoomed-font-size': 0,
  };
  return [
    { selector: `node.${LABEL_CLASS}, node.${HOVER_LABEL_CLASS}`, style: labelled as never },
    { selector: `node.${HOVER_LABEL_CLASS}`, style: { 'z-index': 100, 'text-background-opacity': 0.95 } },
    {
      selector: `node.${LABEL_CLASS}[label = "Organization"], node.${HOVER_LABEL_CLASS}[label = "Organization"]`,
      style: {
        'text-valign': 'center',
        'text-margin-y': 0,
        color: '#ffffff',
        'font-weight': 'bold',
        'text-background-color': 'data(colour)',
        'text-background-opacity': 1,
        'text-background-shape': 'roundrectangle',
        'text-background-padding': perZoom(BADGE_PAD_PX) as never,
      },
    },
    { selector: `node.${LABEL_CLASS}[label = "Conflict"]`, style: { color: '#7b241c' } },
    // A group box's name sits above it.
    {
      selector: `node.${GROUP_BOX_CLASS}`,
      style: {
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': perZoom(-LABEL_GAP_PX) as never,
        'font-weight': 'bold',
        color: '#52606d',
        'text-background-opacity': 0,
      },
    },
  ];
}

/** A label's box on screen. */
export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/** Width in CSS pixels of `text` at `size` pixels (an estimate where the browser offers no canvas). */
export function textWidth(text: string, size: number, bold = false): number {
  if (measureContext === undefined) {
    try {
      measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      measureContext = null;
    }
  }
  if (!measureContext) return text.length * size * 0.56;
  measureContext.font = `${bold ? 'bold ' : ''}${size}px ${LABEL_FONT}`;
  return measureContext.measureText(text).width;
}

/** Cytoscape widens every label's box by this much (model pixels) on each side, for the browsers' inaccuracies. */
const LABEL_MARGIN_OF_ERROR = 2;

/**
 * Where a node's label is drawn on screen (rendered coordinates), as the label styles place it and as Cytoscape
 * counts its box (text, background padding, its margin of error, one pixel of slack).
 */
export function labelBoxOf(n: NodeSingular): LabelBox {
  const name = textOf(n);
  const size = px(n);
  const isOrg = n.data('label') === 'Organization';
  const isBox = n.hasClass(GROUP_BOX_CLASS);
  const pad = isOrg ? BADGE_PAD_PX : LABEL_PAD_PX;
  const slack = LABEL_MARGIN_OF_ERROR * n.cy().zoom() + 1;
  const w = Math.min(textWidth(name, size, isOrg || isBox), LABEL_MAX_PX) + 2 * (pad + slack);
  const h = size * 1.15 + 2 * (pad + slack);
  const p = n.renderedPosition();
  if (isBox) {
    const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    const bottom = bb.y1 - LABEL_GAP_PX + pad + slack;
    return { id: n.id(), x1: p.x - w / 2, x2: p.x + w / 2, y1: bottom - h, y2: bottom };
  }
  if (isOrg) return { id: n.id(), x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - h / 2, y2: p.y + h / 2 };
  const top = p.y + n.renderedHeight() / 2 + LABEL_GAP_PX - pad - slack;
  return { id: n.id(), x1: p.x - w / 2, x2: p.x + w / 2, y1: top, y2: top + h };
}

/** Whether two label boxes overlap (closer than the clearance). */
export function overlaps(a: LabelBox, b: LabelBox, clearance = CLEARANCE_PX): boolean {
  return a.x1 < b.x2 + clearance && b.x1 < a.x2 + clearance && a.y1 < b.y2 + clearance && b.y1 < a.y2 + clearance;
}

/** A label that may be shown: its box, whether it must be, and its rank (lower first). */
export interface LabelCandidate {
  box: LabelBox;
  forced: boolean;
  rank: number[];
}

/**
 * The labels to show: every forced one, then the others in rank order when they overlap none already chosen
 * (a grid of cells keeps this near-linear).
 */
export function chooseLabels(candidates: readonly LabelCandidate[]): Set<string> {
  const cell = 64;
  const grid = new Map<string, LabelBox[]>();
  const cellsOf = (b: LabelBox): string[] => {
    const out: string[] = [];
    for (let x = Math.floor(b.x1 / cell); x <= Math.floor(b.x2 / cell); x++)
      for (let y = Math.floor(b.y1 / cell); y <= Math.floor(b.y2 / cell); y++) out.push(`${x},${y}`);
    return out;
  };
  const chosen = new Set<string>();
  const take = (b: LabelBox) => {
    chosen.add(b.id);
    for (const c of cellsOf(b)) grid.set(c, [...(grid.get(c) ?? []), b]);
  };
  const byRank = [...candidates].sort(
    (a, b) =>
      Number(b.forced) - Number(a.forced) ||
      compareRanks(a.rank, b.rank) ||
      (a.box.id < b.box.id ? -1 : a.box.id > b.box.id ? 1 : 0),
  );
  for (const c of byRank) {
    if (c.forced || !cellsOf(c.box).some((k) => (grid.get(k) ?? []).some((o) => overlaps(o, c.box)))) take(c.box);
  }
  return chosen;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The classes of a selector list made of classes only (and `:selected` when `selected`), or null when it holds
 * anything else: checking classes is much cheaper than matching the selector, which the label pass does for
 * every node in view.
 */
function classesOf(selectors: string, selected: boolean): string[] | null {
  const parts = selectors.split(',').map((s) => s.trim());
  const simple = parts.every((s) => /^\.[\w-]+$/.test(s) || (selected && s === ':selected'));
  return simple ? parts.filter((s) => s.startsWith('.')).map((s) => s.slice(1)) : null;
}
const FORCED_CLASSES = classesOf(FORCED_LABELS, true);
const DIMMED_CLASSES = classesOf(DIMMED, false);

/** Whether a node matches FORCED_LABELS. */
const isForced = (n: NodeSingular): boolean =>
  FORCED_CLASSES ? n.selected() || FORCED_CLASSES.some((c) => n.hasClass(c)) : n.is(FORCED_LABELS);
/** Whether a node matches DIMMED. */
const isDimmed = (n: NodeSingular): boolean =>
  DIMMED_CLASSES ? DIMMED_CLASSES.some((c) => n.hasClass(c)) : n.is(DIMMED);

/** The rank of a node's label (lower first); null when it is no candidate at the current zoom. */
function rankOf(n: NodeSingular, largeMissions: ReadonlySet<string>): number[] | null {
  const dimmed = isDimmed(n) ? 10 : 0;
  const degree = n.degree(false);
  if (n.hasClass(GROUP_BOX_CLASS))
    return String(n.data('name') ?? '') ? [dimmed, -Number(n.data('members') ?? 0)] : null;
  switch (n.data('label') as string) {
    case 'Organization': {
      // First the organizations with the most missions in their box, then by their lines.
      const box = n.parent().first();
      const members = box.nonempty() && box.hasClass(GROUP_BOX_CLASS) ? Number(box.data('members') ?? 0) : 0;
      return [dimmed + 2, -members, -degree];
    }
    case 'Conflict':
      return [dimmed + 3, -degree];
    case 'Mission': {
      if (!largeMissions.has(n.id()) && n.renderedOuterWidth() < MISSION_DISC_PX) return null;
      const personnel = n.data('personnel') as number | null;
      return [dimmed + 4, -(personnel ?? -1), -degree];
    }
    default:
      return [dimmed + 5, -degree];
  }
}

/**
 * Decides which labels show at the current zoom and pan (class LABEL_CLASS) and sizes them for it. Returns the
 * number of labels shown.
 */
export function updateLabels(cy: Core): number {
  const zoom = cy.zoom();
  const ext = { w: cy.width(), h: cy.height() };
  const inView = cy.nodes().filter((n) => {
    if (!isDrawn(n)) return false;
    const p = n.renderedPosition();
    return (
      p.x > -VIEWPORT_MARGIN_PX &&
      p.y > -VIEWPORT_MARGIN_PX &&
      p.x < ext.w + VIEWPORT_MARGIN_PX &&
      p.y < ext.h + VIEWPORT_MARGIN_PX
    );
  });
  const missions = inView.filter((n) => n.data('label') === 'Mission' && typeof n.data('personnel') === 'number');
  const largeMissions = new Set(
    missions
      .sort((a, b) => Number(b.data('personnel')) - Number(a.data('personnel')))
      .slice(0, TOP_MISSIONS)
      .map((n) => n.id()),
  );
  const zoomChanged = cy.scratch('labelZoom') !== zoom;
  setScratch(cy, 'labelZoom', zoom);
  const candidates: LabelCandidate[] = [];
  inView.forEach((n) => {
    // A label the style keeps transparent (what a focus fades) takes no room.
    if (n.numericStyle('text-opacity') === 0) return;
    const forced = isForced(n);
    const rank = rankOf(n, largeMissions);
    if (!forced && !rank) return;
    if (!String(n.data('name') ?? '')) return;
    candidates.push({ box: labelBoxOf(n), forced, rank: rank ?? [0] });
  });
  const chosen = chooseLabels(candidates);
  const labelled = cy.nodes(`.${LABEL_CLASS}`);
  cy.batch(() => {
    labelled.filter((n) => !chosen.has(n.id())).removeClass(LABEL_CLASS);
    cy.nodes()
      .filter((n) => chosen.has(n.id()))
      .addClass(LABEL_CLASS);
    // Sizes follow the zoom: restyle what keeps its label (what gains one is styled as its class changes) and the
    // MSPO rings (style.ts). Not the boxes: a box without a label shows nothing that the zoom sizes, and
    // restyling a box restyles everything in it.
    if (zoomChanged) restyle(cy, cy.nodes(`.${LABEL_CLASS}, .${HOVER_LABEL_CLASS}, .mspo`));
  });
  setScratch(cy, 'labelsShown', chosen.size);
  return chosen.size;
}

/** Recomputes the style of some elements (Cytoscape's collection updateStyle; the whole style where absent). */
function restyle(cy: Core, eles: ReturnType<Core['nodes']>): void {
  const update = (eles as unknown as { updateStyle?: (notify?: boolean) => void }).updateStyle;
  if (typeof update === 'function') update.call(eles, true);
  else cy.style().update();
}

/** Takes every label away (before a layout fits the view to the nodes alone); the next pass brings them back. */
export function clearLabels(cy: Core): void {
  cy.nodes(`.${LABEL_CLASS}, .${HOVER_LABEL_CLASS}`).removeClass(`${LABEL_CLASS} ${HOVER_LABEL_CLASS}`);
}
