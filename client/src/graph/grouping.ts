/**
 * Grouping of the network into boxes (Cytoscape compound nodes): by organization, each organization's box holds
 * the organization and the missions it leads (a hybrid mission sits in its lead organization's box and keeps its
 * line to the other); by region, each region's box holds the missions and host states of that region and the
 * conflicts whose missions in view are all there. The boxes are drawing aids, not data: they carry the class
 * `group-box`, take no events, are left out of counts and exports (`entityNodes`), and a box whose members are
 * all hidden is hidden too. Inside an organization's box the lines from the organization to its own missions
 * (DEPLOYED) are implied by the box and not drawn (class `implied`); they still count for the layout and the
 * degree.
 */
import type { Core, EdgeSingular, ElementDefinition, NodeCollection, NodeSingular } from 'cytoscape';

/** What the network can be grouped by. */
export const GROUP_BYS = ['organization', 'region', 'none'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The class of every group box. */
export const GROUP_BOX_CLASS = 'group-box';
/** Selector of the group boxes. */
export const GROUP_BOX = `node.${GROUP_BOX_CLASS}`;
/** The class of the lines a box stands for (an organization's DEPLOYED lines to the missions in its box). */
export const IMPLIED_CLASS = 'implied';
/** The class of a box whose members are all hidden. */
export const EMPTY_CLASS = 'group-empty';

/** The data of a group box. */
export interface GroupBoxData {
  id: string;
  /** What the box is labelled with (the region's name; empty for an organization's box, whose badge is inside). */
  name: string;
  groupBy: Exclude<GroupBy, 'none'>;
  /** The organization id or the region name. */
  key: string;
  /** Number of members. */
  members: number;
  /** Empty: a box deploys nothing (code that reads `organizations[0]` of any node stays safe). */
  organizations: string[];
  kinds: string[];
  /** For the node rules that map these fields (a box's own size and colour come from the box rules). */
  size: number;
  colour: string;
}

/** The entity nodes of the graph: every node but the group boxes. */
export function entityNodes(cy: Core): NodeCollection {
  return cy.nodes().not(GROUP_BOX);
}

/**
 * Whether an element is drawn: neither it nor a box around it has `display: none`, nor is it `visibility:
 * hidden` (read from the style, which follows class changes at once, rather than from Cytoscape's cached
 * `visible()`). An edge is drawn when it and both its ends are.
 */
export function isDrawn(ele: NodeSingular | EdgeSingular): boolean {
  if (ele.isEdge())
    return (
      styleValue(ele, 'display') !== 'none' &&
      styleValue(ele, 'visibility') !== 'hidden' &&
      isDrawn(ele.source()) &&
      isDrawn(ele.target())
    );
  const n = ele;
  return (
    styleValue(n, 'display') !== 'none' &&
    styleValue(n, 'visibility') !== 'hidden' &&
    n.ancestors().every((a) => styleValue(a, 'display') !== 'none')
  );
}

/**
 * A keyword property's value as `ele.style(name)` gives it, read from Cytoscape's parsed style (`pstyle`, not in
 * its typings), which skips the formatting: ten times faster, and isDrawn runs for every node in a label pass.
 */
function styleValue(ele: { style(name: string): unknown }, name: 'display' | 'visibility'): unknown {
  const parsed = (ele as unknown as { pstyle?: (p: string) => { value: unknown } | undefined }).pstyle?.(name);
  return parsed ? parsed.value : ele.style(name);
}

/** Whether a node is a group box. */
export function isGroupBox(n: NodeSingular): boolean {
  return n.hasClass(GROUP_BOX_CLASS);
}

/** The id of a group box. */
export function groupBoxId(by: Exclude<GroupBy, 'none'>, key: string): string {
  return `group:${by}:${key}`;
}

/** What a node needs to be placed in a group. */
interface Member {
  id: string;
  label: string;
  organizations: readonly string[];
  region: string | null;
}

/**
 * The group key of every node that belongs to a box: by organization, missions go to their lead (first)
 * organization and an organization to its own box when it leads a mission in view; by region, missions and
 * states go to their region, and a conflict to the one region of all its missions in view (`missionsOf`).
 * Nodes without a key stay outside the boxes.
 */
export function groupKeys(
  nodes: readonly Member[],
  by: GroupBy,
  missionsOf: (id: string) => readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (by === 'none') return out;
  if (by === 'organization') {
    const leads = new Set<string>();
    for (const n of nodes) {
      const lead = n.organizations[0];
      if (n.label === 'Mission' && lead) {
        out.set(n.id, lead);
        leads.add(lead);
      }
    }
    for (const n of nodes) if (n.label === 'Organization' && leads.has(n.id)) out.set(n.id, n.id);
    return out;
  }
  for (const n of nodes) if ((n.label === 'Mission' || n.label === 'State') && n.region) out.set(n.id, n.region);
  for (const n of nodes) {
    if (n.label !== 'Conflict') continue;
    const regions = new Set(missionsOf(n.id).map((m) => out.get(m) ?? null));
    const [only] = [...regions];
    if (regions.size === 1 && only) out.set(n.id, only);
  }
  return out;
}

/** Takes every node out of its box and removes the boxes (positions are kept). */
export function ungroup(cy: Core): void {
  applyGrouping(cy, 'none');
}

/** What a grouping puts where: the box of each node that has one, and the boxes' definitions. */
interface Plan {
  /** Node id -> box id. */
  parents: Map<string, string>;
  boxes: ElementDefinition[];
  /** DEPLOYED lines the boxes stand for (organization -> a mission in its own box), by id. */
  implied: Set<string>;
}

/** The plan of a grouping over nodes and relationships as plain data (from the graph or from definitions). */
function plan(
  by: GroupBy,
  nodes: readonly Member[],
  edges: readonly { id: string; type: string; source: string; target: string }[],
  present: (id: string) => boolean,
): Plan {
  const conflictMissions = new Map<string, string[]>();
  const labels = new Map(nodes.map((n) => [n.id, n.label] as const));
  for (const e of edges) {
    if (e.type !== 'IN_CONFLICT') continue;
    const [mission, conflict] = labels.get(e.source) === 'Mission' ? [e.source, e.target] : [e.target, e.source];
    if (labels.get(mission) === 'Mission')
      conflictMissions.set(conflict, [...(conflictMissions.get(conflict) ?? []), mission]);
  }
  const keys = groupKeys(nodes, by, (id) => conflictMissions.get(id) ?? []);
  const members = new Map<string, number>();
  for (const key of keys.values()) members.set(key, (members.get(key) ?? 0) + 1);
  const boxes: ElementDefinition[] = [];
  for (const [key, count] of [...members].sort(([a], [b]) => a.localeCompare(b))) {
    if (by === 'none') break;
    // An organization's box is named by the organization's badge inside it; without it, by its id.
    const named = by === 'region' || !present(key);
    const data: GroupBoxData = {
      id: groupBoxId(by, key),
      name: named ? key : '',
      groupBy: by,
      key,
      members: count,
      organizations: [],
      kinds: [],
      size: 0,
      colour: '#9aa5b1',
    };
    boxes.push({
      group: 'nodes',
      data: data,
      classes: `${GROUP_BOX_CLASS} group-${by}`,
      selectable: false,
      grabbable: false,
    });
  }
  const parents = new Map<string, string>();
  if (by !== 'none') for (const [id, key] of keys) parents.set(id, groupBoxId(by, key));
  const implied = new Set<string>();
  if (by === 'organization') {
    for (const e of edges)
      if (e.type === 'DEPLOYED' && keys.get(e.target) === e.source && keys.get(e.source) === e.source)
        implied.add(e.id);
  }
  return { parents, boxes, implied };
}

const memberOf = (data: Record<string, unknown>): Member => ({
  id: String(data.id),
  label: String(data.label),
  organizations: (data.organizations as string[] | undefined) ?? [],
  region: (data.region as string | null | undefined) ?? null,
});

/**
 * The same elements, grouped by `by` before they are added: the boxes first, then every node with its box as
 * parent, and the lines the boxes stand for marked (class IMPLIED_CLASS). Cheaper than grouping once added.
 */
export function groupDefinitions(defs: readonly ElementDefinition[], by: GroupBy): ElementDefinition[] {
  if (by === 'none') return [...defs];
  const nodes = defs.filter((d) => d.group === 'nodes').map((d) => memberOf(d.data as Record<string, unknown>));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = defs
    .filter((d) => d.group === 'edges')
    .map((d) => ({
      id: String(d.data.id),
      type: String(d.data.type),
      source: String(d.data.source),
      target: String(d.data.target),
    }));
  const { parents, boxes, implied } = plan(by, nodes, edges, (id) => ids.has(id));
  const withClass = (classes: ElementDefinition['classes'], extra: string): string =>
    [...(Array.isArray(classes) ? classes : String(classes ?? '').split(/\s+/)), extra].filter(Boolean).join(' ');
  return [
    ...boxes,
    ...defs.map((d) => {
      const id = String(d.data.id);
      if (d.group === 'nodes' && parents.has(id)) return { ...d, data: { ...d.data, parent: parents.get(id) } };
      if (d.group === 'edges' && implied.has(id)) return { ...d, classes: withClass(d.classes, IMPLIED_CLASS) };
      return d;
    }),
  ];
}

/**
 * Puts the nodes in view into boxes by `by` ('none' takes them out), moving only the nodes whose box changes:
 * a grouping already in place costs nearly nothing. Positions are kept: a layout afterwards arranges the boxes.
 * Returns the number of boxes.
 */
export function applyGrouping(cy: Core, by: GroupBy): number {
  const nodes = entityNodes(cy);
  const { parents, boxes, implied } = plan(
    by,
    nodes.map((n) => memberOf(n.data() as Record<string, unknown>)),
    cy
      .edges()
      .map((e) => ({ id: e.id(), type: String(e.data('type')), source: e.source().id(), target: e.target().id() })),
    (id) => cy.getElementById(id).nonempty(),
  );
  const wanted = new Set(boxes.map((b) => String(b.data.id)));
  cy.batch(() => {
    // New boxes, and fresh data for those that stay (member counts, names).
    for (const b of boxes) {
      const existing = cy.getElementById(String(b.data.id));
      if (existing.empty()) cy.add(b);
      else existing.data(b.data);
    }
    // Only the nodes whose box changes move, one move per box.
    const moves = new Map<string | null, string[]>();
    nodes.forEach((n) => {
      const want = parents.get(n.id()) ?? null;
      const now = n.parent().first();
      if ((now.nonempty() ? now.id() : null) !== want) moves.set(want, [...(moves.get(want) ?? []), n.id()]);
    });
    for (const [parent, ids] of moves) {
      const set = new Set(ids);
      nodes.filter((n) => set.has(n.id())).move({ parent });
    }
    cy.nodes(GROUP_BOX)
      .filter((b) => !wanted.has(b.id()))
      .remove();
    cy.edges(`.${IMPLIED_CLASS}`)
      .filter((e) => !implied.has(e.id()))
      .removeClass(IMPLIED_CLASS);
    cy.edges()
      .filter((e) => implied.has(e.id()) && !e.hasClass(IMPLIED_CLASS))
      .addClass(IMPLIED_CLASS);
  });
  syncGroupBoxes(cy);
  return boxes.length;
}

/**
 * Hides the boxes whose members are all hidden (by time, the legend, the user or any other display rule) and
 * shows the others again.
 */
export function syncGroupBoxes(cy: Core): void {
  const boxes = cy.nodes(GROUP_BOX);
  if (boxes.empty()) return;
  const empty = boxes.filter((box) => !box.children().some((c) => styleValue(c, 'display') !== 'none'));
  cy.batch(() => {
    // Only the boxes that change (Cytoscape restyles every element it adds or removes a class on, with all inside).
    boxes
      .not(empty)
      .filter((b) => b.hasClass(EMPTY_CLASS))
      .removeClass(EMPTY_CLASS);
    empty.filter((b) => !b.hasClass(EMPTY_CLASS)).addClass(EMPTY_CLASS);
  });
}

/** What the boxes in view stand for (null without boxes), for the legend. */
export function groupingOf(cy: Core): Exclude<GroupBy, 'none'> | null {
  const first = cy.nodes(GROUP_BOX).first();
  return first.nonempty() ? (first.data('groupBy') as Exclude<GroupBy, 'none'>) : null;
}
