/**
 * Turns API subgraphs into Cytoscape elements and merges them into a graph: new elements are added, known ones
 * keep their position and get fresh data, and new nodes are placed around the node they came from.
 */
import type { Core, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import { groupDefinitions, ungroup } from './grouping';
import type { GroupBy } from './grouping';
import { edgeColour, edgeLook, edgeWidth, nodeColour, nodeSize, orgColour } from './style';
import type { GraphEdge, GraphNode, Subgraph } from './types';

/** The element data of a node: the API fields plus the computed look. */
export interface NodeData extends GraphNode {
  colour: string;
  colour2: string | null;
  size: number;
  /** Width of an organization's box, which holds its name. */
  labelWidth: number;
}

/** The element data of an edge: the API fields plus the computed look. */
export interface EdgeData extends GraphEdge {
  colour: string;
  width: number;
}

/** The Cytoscape definition of one API node. */
export function nodeElement(n: GraphNode): ElementDefinition {
  const data: NodeData = {
    ...n,
    kinds: [...n.kinds],
    organizations: [...n.organizations],
    colour: nodeColour(n.label, n.organizations),
    colour2: n.label === 'Mission' && n.organizations.length > 1 ? orgColour(n.organizations[1]) : null,
    size: nodeSize(n.label, n.personnel),
    labelWidth: Math.max(46, Math.min(170, Math.round(n.name.length * 8.5 + 16))),
  };
  const classes = [n.label.toLowerCase()];
  if (data.colour2) classes.push('hybrid');
  if (hasUnknownPersonnel(n)) classes.push(PERSONNEL_UNKNOWN_CLASS);
  return { group: 'nodes', data: data, classes };
}

/** The class of a mission with no personnel figure on record (drawn hollow and dashed, never as a figure of 0). */
export const PERSONNEL_UNKNOWN_CLASS = 'personnel-unknown';

/** Whether a node is a mission whose personnel no source gives. */
export function hasUnknownPersonnel(n: Pick<GraphNode, 'label' | 'personnel'>): boolean {
  return n.label === 'Mission' && (n.personnel === null || n.personnel === undefined);
}

/** The Cytoscape definition of one API edge. */
export function edgeElement(e: GraphEdge): ElementDefinition {
  const look = edgeLook(e.type);
  const data: EdgeData = {
    ...e,
    sources: [...e.sources],
    colour: edgeColour(e.type, e.kind),
    width: edgeWidth(e.type, e.weight),
  };
  const classes = [e.type.toLowerCase()];
  if (look.arrow) classes.push('arrow');
  if (look.line !== 'solid') classes.push(look.line);
  return { group: 'edges', data: data, classes };
}

/**
 * All elements of a subgraph; edges whose endpoints are missing are dropped (Cytoscape rejects them). With
 * `group`, the nodes come already in their boxes (grouping.ts), which is cheaper than grouping them once added.
 */
export function toElements(sub: Pick<Subgraph, 'nodes' | 'edges'>, group: GroupBy = 'none'): ElementDefinition[] {
  const ids = new Set<string>();
  const out: ElementDefinition[] = [];
  for (const n of sub.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    out.push(nodeElement(n));
  }
  const edgeIds = new Set<string>();
  for (const e of sub.edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || edgeIds.has(e.id)) continue;
    edgeIds.add(e.id);
    out.push(edgeElement(e));
  }
  return groupDefinitions(out, group);
}

/** What a merge changed. */
export interface MergeResult {
  addedNodes: string[];
  addedEdges: string[];
}

/**
 * Adds a subgraph to the graph without moving the nodes already there. New nodes are put on rings around
 * `around` (a node id, or a position), spaced so that they do not overlap; without it they go at the centre of
 * the existing nodes' bounding box, on the same rings.
 */
export function mergeSubgraph(
  cy: Core,
  sub: Pick<Subgraph, 'nodes' | 'edges'>,
  around?: string | Position,
): MergeResult {
  const newNodes = sub.nodes.filter(
    (n, i, all) => cy.getElementById(n.id).empty() && all.findIndex((m) => m.id === n.id) === i,
  );
  const centre = centreOf(cy, around);
  const positions = ringPositions(centre, newNodes.length, 60);
  const added: ElementDefinition[] = newNodes.map((n, i) => ({ ...nodeElement(n), position: positions[i] }));
  // Refresh the data of nodes already there (the same id may come back with, e.g., a period-dependent MSPO flag).
  for (const n of sub.nodes) {
    const existing = cy.getElementById(n.id);
    if (existing.nonempty() && existing.isNode()) {
      existing.data(mutableData(nodeElement(n)));
      existing.toggleClass(PERSONNEL_UNKNOWN_CLASS, hasUnknownPersonnel(n));
    }
  }
  const present = new Set<string>();
  cy.nodes().forEach((n) => {
    present.add(n.id());
  });
  for (const n of newNodes) present.add(n.id);
  const addedEdges: ElementDefinition[] = [];
  const seen = new Set<string>();
  for (const e of sub.edges) {
    if (seen.has(e.id) || cy.getElementById(e.id).nonempty() || !present.has(e.source) || !present.has(e.target))
      continue;
    seen.add(e.id);
    addedEdges.push(edgeElement(e));
  }
  cy.add([...added, ...addedEdges]);
  return { addedNodes: newNodes.map((n) => n.id), addedEdges: addedEdges.map((e) => String(e.data.id)) };
}

/** Element data without the fields Cytoscape does not let change (id, endpoints). */
function mutableData(def: ElementDefinition): Record<string, unknown> {
  const { id: _id, source: _source, target: _target, ...rest } = def.data as Record<string, unknown>;
  return rest;
}

function centreOf(cy: Core, around?: string | Position): Position {
  if (typeof around === 'string') {
    const n = cy.getElementById(around);
    if (n.nonempty() && n.isNode()) return { ...(n as NodeSingular).position() };
  } else if (around) return around;
  if (cy.nodes().empty()) return { x: 0, y: 0 };
  const bb = cy.nodes().boundingBox({});
  return { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
}

/** Positions for `count` nodes on concentric rings around `centre`, `gap` pixels apart along each ring. */
export function ringPositions(centre: Position, count: number, gap: number): Position[] {
  const out: Position[] = [];
  let ring = 1;
  while (out.length < count) {
    const radius = ring * gap * 1.5;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / gap));
    const n = Math.min(capacity, count - out.length);
    for (let i = 0; i < n; i++) {
      const angle = (2 * Math.PI * i) / n + ring * 0.35;
      out.push({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    }
    ring++;
  }
  return out;
}

/** The API node data of a Cytoscape node. */
export function nodeData(n: NodeSingular): NodeData {
  return n.data() as NodeData;
}

/**
 * Replaces the graph's elements by a subgraph's, keeping the position of every node that stays (so that a
 * change of time or filter does not reshuffle the picture). Returns the ids of the nodes that are new.
 */
export function replaceElements(cy: Core, sub: Pick<Subgraph, 'nodes' | 'edges'>): string[] {
  const keep = new Set(sub.nodes.map((n) => n.id));
  let added: string[] = [];
  // Removing a box would remove what is inside it: the boxes go first (the caller groups again).
  ungroup(cy);
  cy.batch(() => {
    cy.nodes()
      .filter((n) => !keep.has(n.id()))
      .remove();
    const edgeIds = new Set(sub.edges.map((e) => e.id));
    cy.edges()
      .filter((e) => !edgeIds.has(e.id()))
      .remove();
    added = mergeSubgraph(cy, sub).addedNodes;
    for (const e of sub.edges) {
      const existing = cy.getElementById(e.id);
      if (existing.nonempty() && existing.isEdge()) existing.data(mutableData(edgeElement(e)));
    }
  });
  return added;
}
