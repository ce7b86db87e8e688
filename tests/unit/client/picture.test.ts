import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import {
  applyGrouping,
  entityNodes,
  groupDefinitions,
  GROUP_BOX,
  IMPLIED_CLASS,
  syncGroupBoxes,
} from '../../../client/src/graph/grouping';
import { groupedPositions, packRings, separateSquares } from '../../../client/src/graph/grouped-layout';
import { chooseLabels, labelText } from '../../../client/src/graph/labels';
import type { LabelCandidate } from '../../../client/src/graph/labels';
import {
  applySizes,
  degrees,
  MAX_SIZE,
  measureSize,
  MIN_SIZE,
  organizationCounts,
} from '../../../client/src/graph/measures';
import { decodeState, encodeState } from '../../../client/src/graph/view-state';
import { headless } from './fixtures';

// The view registers fcose in extensions.ts, whose svg extension needs a browser.
cytoscape.use(fcose);

const parentOf = (cy: ReturnType<typeof headless>, id: string): string | null => {
  const p = cy.getElementById(id).parent().first();
  return p.nonempty() ? p.id() : null;
};

describe('grouping into boxes', () => {
  it('puts each organization and the missions it leads in its box; a hybrid mission goes to its lead', () => {
    const cy = headless();
    expect(applyGrouping(cy, 'organization')).toBe(4);
    for (const id of ['EU', 'EUFOR-ALTHEA', 'EUPM', 'EUNAVFOR']) expect(parentOf(cy, id)).toBe('group:organization:EU');
    expect(parentOf(cy, 'UNAMID')).toBe('group:organization:UN');
    expect(parentOf(cy, 'ucdp-darfur')).toBeNull();
    // The box stands for the lead's DEPLOYED line, not for the other organization's.
    expect(cy.getElementById('DEPLOYED:UN>UNAMID:').hasClass(IMPLIED_CLASS)).toBe(true);
    expect(cy.getElementById('DEPLOYED:AU>UNAMID:').hasClass(IMPLIED_CLASS)).toBe(false);
    expect(cy.getElementById('DEPLOYED:UN>UNAMID:').style('display')).toBe('none');
    // Boxes are not nodes of the graph, take no events, and are never faded with what they hold.
    expect(entityNodes(cy).length).toBe(cy.nodes().length - 4);
    const box = cy.getElementById('group:organization:EU');
    expect(box.style('events')).toBe('no');
    box.addClass('dim focus-faded');
    expect(box.numericStyle('opacity')).toBe(1);
  });

  it('groups by region: missions and states by their region, a conflict when all its missions share one', () => {
    const cy = headless();
    applyGrouping(cy, 'region');
    for (const id of ['SFOR', 'EUFOR-ALTHEA', 'EUPM', 'BIH', 'ucdp-bosnia'])
      expect(parentOf(cy, id)).toBe('group:region:Southern Europe');
    expect(parentOf(cy, 'ucdp-darfur')).toBe('group:region:Eastern Africa');
    expect(parentOf(cy, 'SDN')).toBe('group:region:Northern Africa');
    expect(parentOf(cy, 'EUNAVFOR')).toBeNull();
    expect(parentOf(cy, 'UN')).toBeNull();
    expect(cy.getElementById('group:region:Southern Europe').data('name')).toBe('Southern Europe');
    applyGrouping(cy, 'none');
    expect(cy.nodes(GROUP_BOX).length).toBe(0);
    expect(cy.nodes().filter((n) => parentOf(cy, n.id()) !== null).length).toBe(0);
  });

  it('groups definitions before they are added exactly as it groups a graph, and moves nothing when the grouping is in place', () => {
    const grouped = headless();
    applyGrouping(grouped, 'organization');
    const fromDefinitions = headless();
    fromDefinitions.elements().remove();
    fromDefinitions.add(
      groupDefinitions(
        grouped
          .elements()
          .not(GROUP_BOX)
          .jsons()
          .map((j) => ({ ...(j as object), data: { ...(j as { data: object }).data, parent: undefined } })),
        'organization',
      ),
    );
    for (const n of grouped.nodes()) expect(parentOf(fromDefinitions, n.id())).toBe(parentOf(grouped, n.id()));
    let moves = 0;
    grouped.on('move', () => moves++);
    applyGrouping(grouped, 'organization');
    expect(moves).toBe(0);
  });

  it('hides a box when all its members are hidden', () => {
    const cy = headless();
    applyGrouping(cy, 'organization');
    cy.nodes('[label = "Mission"], [label = "Organization"]')
      .filter((n) => (n.data('organizations') as string[])[0] === 'NATO')
      .addClass('legend-hidden');
    syncGroupBoxes(cy);
    expect(cy.getElementById('group:organization:NATO').style('display')).toBe('none');
    expect(cy.getElementById('group:organization:EU').style('display')).toBe('element');
  });
});

describe('sizes by a measure', () => {
  it('counts degree as distinct neighbours in view, the lines a box stands for included', () => {
    const cy = headless();
    applyGrouping(cy, 'organization');
    const d = degrees(cy);
    expect(d.get('UNAMID')).toBe(4); // UN, AU, Darfur, AMIS
    expect(d.get('EU')).toBe(3);
    expect(d.has('group:organization:EU')).toBe(false);
    cy.getElementById('AMIS').addClass('user-hidden');
    expect(degrees(cy).get('UNAMID')).toBe(3);
  });

  it('counts organizations: deploying a mission, with missions in a conflict, and working beside an organization', () => {
    const cy = headless();
    const c = organizationCounts(cy);
    expect(c.get('UNAMID')).toBe(2);
    expect(c.get('SFOR')).toBe(1);
    expect(c.get('ucdp-darfur')).toBe(2);
    expect(c.get('ucdp-bosnia')).toBe(2);
    expect(c.get('EU')).toBe(1); // NATO, in Bosnia
    expect(c.get('AU')).toBe(1); // the UN, in Darfur and in UNAMID
    expect(c.get('BIH')).toBe(2);
  });

  it('sizes in the order of the values, the same scale for every type, and back to personnel', () => {
    expect(measureSize(0, 10)).toBe(MIN_SIZE);
    expect(measureSize(10, 10)).toBe(MAX_SIZE);
    expect(measureSize(3, 10)).toBeLessThan(measureSize(4, 10));
    const cy = headless();
    const values = applySizes(cy, 'degree')!;
    const ids = [...values.keys()].sort((a, b) => values.get(a)! - values.get(b)!);
    for (let i = 1; i < ids.length; i++) {
      const [a, b] = [cy.getElementById(ids[i - 1]), cy.getElementById(ids[i])];
      if (values.get(ids[i])! > values.get(ids[i - 1])!)
        expect(b.numericStyle('width')).toBeGreaterThan(a.numericStyle('width'));
      else expect(b.numericStyle('width')).toBe(a.numericStyle('width'));
    }
    applySizes(cy, 'personnel');
    expect(cy.getElementById('SFOR').numericStyle('width')).toBeGreaterThan(
      cy.getElementById('AMIS').numericStyle('width'),
    );
  });

  it('draws a mission with no personnel figure hollow and dashed', () => {
    const cy = headless();
    const eupm = cy.getElementById('EUPM'); // no figure
    expect(eupm.hasClass('personnel-unknown')).toBe(true);
    expect(eupm.style('border-style')).toBe('dashed');
    expect(eupm.numericStyle('background-opacity')).toBeLessThan(0.5);
    expect(cy.getElementById('SFOR').hasClass('personnel-unknown')).toBe(false);
  });
});

describe('labels by priority', () => {
  const box = (id: string, x: number, y: number, w = 40, h = 12) => ({ id, x1: x, y1: y, x2: x + w, y2: y + h });
  it('shows what is forced, then the others in rank order when they overlap nothing shown', () => {
    const candidates: LabelCandidate[] = [
      { box: box('mission', 10, 10), forced: false, rank: [4] },
      { box: box('org', 20, 15), forced: false, rank: [2] },
      { box: box('selected', 100, 100), forced: true, rank: [9] },
      { box: box('overlaps-selected', 110, 105), forced: false, rank: [1] },
      { box: box('alone', 300, 300), forced: false, rank: [5] },
    ];
    expect([...chooseLabels(candidates)].sort()).toEqual(['alone', 'org', 'selected']);
  });

  it('shortens a conflict named as UCDP does to its location and opponents', () => {
    expect(labelText('Sudan: Government of Sudan vs SLM/A', 'Conflict')).toBe('Sudan vs SLM/A');
    expect(labelText('Sudan: Government of Sudan vs SLM/A', 'Mission')).toBe('Sudan: Government of Sudan vs SLM/A');
    expect(labelText('India: Kashmir', 'Conflict')).toBe('India: Kashmir');
  });
});

describe('the grouped layout', () => {
  it('packs rings around a centre, the largest nearest', () => {
    const { radii, counts, radius } = packRings(36, [60, 40, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(14);
    expect(radii).toEqual([...radii].sort((a, b) => a - b));
    expect(radius).toBeGreaterThan(radii[radii.length - 1]);
  });

  it('pushes overlapping squares apart', () => {
    const at = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 5, y: 0 }],
      ['c', { x: 0, y: 0 }],
    ]);
    const halves = new Map([
      ['a', 50],
      ['b', 20],
      ['c', 10],
    ]);
    separateSquares(at, halves, 4);
    const ids = [...at.keys()];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [p, q] = [at.get(ids[i])!, at.get(ids[j])!];
        const gap = halves.get(ids[i])! + halves.get(ids[j])! + 4 - 1e-6;
        expect(Math.abs(p.x - q.x) >= gap || Math.abs(p.y - q.y) >= gap).toBe(true);
      }
    }
  });

  it('puts every member of a box around its organization, and no two boxes over each other', () => {
    const cy = headless();
    applyGrouping(cy, 'organization');
    const eles = cy.elements();
    const at = groupedPositions(cy, eles.nodes(), eles.edges());
    expect(at.has('group:organization:EU')).toBe(false);
    cy.nodes()
      .not(GROUP_BOX)
      .forEach((n) => {
        n.position(at.get(n.id())!);
      });
    const boxes = cy.nodes(GROUP_BOX).map((b) => b.boundingBox({ includeLabels: false }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(
          boxes[i].x1 < boxes[j].x2 &&
            boxes[j].x1 < boxes[i].x2 &&
            boxes[i].y1 < boxes[j].y2 &&
            boxes[j].y1 < boxes[i].y2,
        ).toBe(false);
    const eu = at.get('EU')!;
    for (const id of ['EUFOR-ALTHEA', 'EUPM', 'EUNAVFOR'])
      expect(Math.hypot(at.get(id)!.x - eu.x, at.get(id)!.y - eu.y)).toBeGreaterThan(20);
  });
});

describe('the view state of the picture', () => {
  it('keeps the grouping and the size measure in the link, with defaults for what is absent or wrong', () => {
    const d = decodeState('');
    expect(d.group).toBe('organization');
    expect(d.size).toBe('personnel');
    expect(encodeState(d)).not.toMatch(/group=|size=/);
    const s = decodeState('group=region&size=degree');
    expect([s.group, s.size]).toEqual(['region', 'degree']);
    expect(encodeState(s)).toContain('group=region');
    expect(encodeState(s)).toContain('size=degree');
    const bad = decodeState('group=planet&size=weight');
    expect([bad.group, bad.size]).toEqual(['organization', 'personnel']);
  });
});
