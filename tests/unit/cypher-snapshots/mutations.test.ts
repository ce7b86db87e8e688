import { EDITOR, fixTheClock, record, statementsOf } from './harness';

/**
 * The writes of an editor: each in one transaction with its audit entry (the entry's random id is snapshotted
 * as `<uuid>`), then the entity read back. Without an editor's token nothing is sent. `npx jest
 * tests/unit/cypher-snapshots -u` after an intended change, then review the snapshot's diff.
 */
fixTheClock();

/** node(id)'s lookup finds an entity of the label its id names. */
const FOUND = {
  when: 'RETURN CASE',
  rows: (p: Record<string, unknown>) => [
    { n: { id: p.id, label: p.id === 'AU' ? 'Organization' : 'Mission', name: String(p.id) } },
  ],
};

describe('mutations with an editor caller', () => {
  it('upsertMission: the id checked across labels, MERGE with provenance, the audit entry, then the mission read back', async () => {
    const { statements, transactions, result } = await record(
      `mutation { upsertMission(input: {id: "TEST-M", acronym: "TM", name: "Test mission", sourceRef: "doc 1", kinds: ["military"], start: "2020", end: "2021-06"}) { id name } }`,
      {
        caller: EDITOR,
        answers: [
          { when: 'MATCH (n:Mission {id: $id}) RETURN', rows: [{ n: { id: 'TEST-M', name: 'Test mission' } }] },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    // The id check, the MERGE, the refresh of the mission's co-deployments (merge, then the stale ones deleted), the
    // refresh of the organization network (read, write the ties that changed, delete the stale ones), the audit entry.
    expect(statements.map((s) => s.kind)).toEqual([
      'writeTx',
      'writeTx',
      'writeTx',
      'writeTx',
      'writeTx',
      'writeTx',
      'writeTx',
      'writeTx',
      'read',
    ]);
    expect(transactions).toBe(2); // the write, its aggregates and its audit entry in one transaction, then the read
    expect(statements).toMatchSnapshot();
  });

  it('upsertOrganization', async () => {
    expect(
      await statementsOf(
        `mutation { upsertOrganization(input: {id: "TEST-O", name: "Test organization", kind: "regional", founded: "2001", sourceRef: "charter"}) { id } }`,
        {
          caller: EDITOR,
          answers: [{ when: 'MATCH (n:Organization {id: $id}) RETURN', rows: [{ n: { id: 'TEST-O' } }] }],
        },
      ),
    ).toMatchSnapshot();
  });

  it('linkEntities: MERGE on the key of the type, the audit entry, then both ends read back', async () => {
    expect(
      await statementsOf(
        `mutation { linkEntities(input: {type: DEPLOYED, from: "AU", to: "AMIS", lead: true, sourceRef: "doc 2"}) { count from { id } to { id } } }`,
        {
          caller: EDITOR,
          answers: [{ when: 'MERGE (a)-[r:DEPLOYED', rows: [{ n: 1 }] }, FOUND],
        },
      ),
    ).toMatchSnapshot();
  });

  it('unlinkEntities of one source', async () => {
    expect(
      await statementsOf(
        `mutation { unlinkEntities(type: DEPLOYED, from: "AU", to: "AMIS", source: "api") { count } }`,
        {
          caller: EDITOR,
          answers: [{ when: 'DELETE r RETURN count(*) AS n', rows: [{ n: 2 }] }],
        },
      ),
    ).toMatchSnapshot();
  });

  it('deleteEntity', async () => {
    expect(
      await statementsOf(`mutation { deleteEntity(label: Mission, id: "TEST-M") { deleted } }`, {
        caller: EDITOR,
        answers: [{ when: 'DETACH DELETE n', rows: [{ n: 1 }] }],
      }),
    ).toMatchSnapshot();
  });
});

describe('mutations without an editor', () => {
  it('send nothing to the database: no caller is UNAUTHENTICATED, a reader FORBIDDEN', async () => {
    const op = `mutation { deleteEntity(label: Mission, id: "TEST-M") { deleted } }`;
    const anonymous = await record(op);
    const reader = await record(op, { caller: { ...EDITOR, role: 'reader' } });
    expect(anonymous.result.errors?.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(reader.result.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect([...anonymous.statements, ...reader.statements]).toEqual([]);
  });
});
