import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * A static check (issue 9) that no Cypher is built from user input: values travel as parameters, and the only
 * things spliced into a statement are the fragments and names listed below, each with the reason it cannot
 * carry input. The checker reads server/src with the TypeScript parser; it is itself tested on bad examples.
 */

const SERVER_SRC = path.resolve(__dirname, '..', '..', 'server', 'src');

/** Words that make a template or string literal Cypher (upper case, as the project writes Cypher). */
const CYPHER_WORDS =
  /\b(MATCH|MERGE|CREATE|RETURN|UNWIND|CALL|WHERE|SET|DELETE|DETACH|REMOVE|WITH|ORDER BY|OPTIONAL|EXISTS|FOREACH|LOAD CSV)\b/;

/**
 * Functions that return a Cypher fragment around a variable name chosen by the caller (the entity projections
 * of modules/common/projections.ts, the graph fragments of modules/graph/graph.cypher.ts, the period test of
 * modules/common/period.ts, the any-label lookup of modules/common/node-lookup.ts). Safe because every call
 * passes string literals that are Cypher identifiers (checked below), and inside a helper its own parameters
 * are those same literals.
 */
const FRAGMENT_HELPERS = new Set([
  'MISSION',
  'ORGANIZATION',
  'STATE',
  'CONFLICT',
  'PERSON',
  'NODE_PROJECTION',
  'NODE_ROW',
  'NODE_FIELDS',
  'EDGE_PROJECTION',
  'REL_ACTIVE',
  'REL_START',
  'REL_END',
  'REL_KIND',
  'REL_WEIGHT',
  'EDGE_AGGREGATE',
  'MISSION_ACTIVE',
  'MISSIONS_OVERLAP',
  'MISSION_ACTIVE_IN_SPAN',
  'MISSION_LAST_DAY',
  'ACTIVE_IN_SPAN',
  'START_PRECISION',
  'END_PRECISION',
  'DISPLAY_NAME',
  'matchEntity',
  // modules/common/geo.cypher.ts: the distinct nodes of a list variable, by id; graph.cypher.ts: a mission's region.
  'DISTINCT_BY_ID',
  'MISSION_REGION',
  // db/organization-network.ts: whether a mission passes the network's filter.
  'MISSION_FILTER',
  // model/contributions.cypher.ts: which contribution records a question counts, and their runs.
  'RECORD_COUNTED',
  'RECORD_RUN',
  // modules/common/geo.cypher.ts: where the map places a node (headquarters, capital, a conflict's place).
  'HQ_SOURCE',
  'MISSION_HQ',
  'STATE_CAPITAL',
  'MEAN',
  'MISSION_HOST_CAPITALS',
  'CONFLICT_PLACE',
  'NODE_PLACE',
]);

interface Allowance {
  file: string;
  expr: string;
  reason: string;
}

/** Expressions that may be interpolated into a Cypher template, per file (paths relative to server/src). */
const INTERPOLATIONS: Allowance[] = [
  {
    file: 'import/writer.ts',
    expr: 'label',
    reason: 'a NodeLabel, checked by isNodeLabel() against NODE_LABELS on the line before',
  },
  {
    file: 'import/writer.ts',
    expr: 'type',
    reason: 'a RelType, checked by isRelType() against REL_SPECS on the line before',
  },
  {
    file: 'import/writer.ts',
    expr: 'spec.from',
    reason: 'an endpoint label of REL_SPECS[type], a constant of the model',
  },
  {
    file: 'import/writer.ts',
    expr: 'spec.to',
    reason: 'an endpoint label of REL_SPECS[type], a constant of the model',
  },
  {
    file: 'import/writer.ts',
    expr: 'merge',
    reason:
      'the MERGE key map: {uid: row[3]} or built from REL_SPECS[type].key, constant property names; the values are row[n] elements of the $rows parameter',
  },
  {
    file: 'import/writer.ts',
    expr: 'onCreate',
    reason: 'empty, or the ON CREATE SET of keySet, built on the line before',
  },
  {
    file: 'import/writer.ts',
    expr: 'keySet',
    reason:
      'REL_SPECS[type].key (constant names) through propertyAccess(), which refuses any name that is not an identifier; the values are row[n] elements of $rows',
  },
  {
    file: 'import/writer.ts',
    expr: 'set',
    reason:
      "r.dataset and the group's property names, each through propertyAccess() (identifiers only, else it throws, then back-quoted); the values are row[n] elements of $rows",
  },
  {
    file: 'import/row-checks.ts',
    expr: 'label',
    reason: 'an endpoint label of REL_SPECS (the keys of the refs map are spec.from / spec.to)',
  },
  {
    file: 'import/data-check.ts',
    expr: 'd.label',
    reason: 'from the constant DISAGREEMENT_FIELDS list of the same file',
  },
  {
    file: 'import/data-check.ts',
    expr: 'd.field',
    reason: 'from the constant DISAGREEMENT_FIELDS list of the same file',
  },
  {
    file: 'db/script-runner.ts',
    expr: 'item.expression',
    reason:
      "the value of a ':param name => <expression>' line of a Cypher script that the operator runs with npm run cypher: Cypher by definition, from the script's author, never from the API",
  },
  {
    file: 'modules/admin/admin.repository.ts',
    expr: 'label',
    reason: 'a NodeLabel: the GraphQL enum EntityLabel (coerced by graphql-js) or a literal of the resolver',
  },
  {
    file: 'modules/admin/admin.repository.ts',
    expr: 'type',
    reason: 'a RelType: the GraphQL enum RelationshipType, further limited to WRITABLE_TYPES by the resolver',
  },
  {
    file: 'modules/admin/admin.repository.ts',
    expr: 'spec.from',
    reason: 'an endpoint label of REL_SPECS[type], a constant of the model',
  },
  {
    file: 'modules/admin/admin.repository.ts',
    expr: 'spec.to',
    reason: 'an endpoint label of REL_SPECS[type], a constant of the model',
  },
  {
    file: 'modules/admin/admin.repository.ts',
    expr: 'keyExpr',
    reason: 'built from REL_SPECS[type].key, constant property names; the values are $key.<name> parameters',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'label',
    reason: "an EntityLabelName ('Organization' | 'Mission' | ...), passed as literals by the resolvers",
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: "BY_LABEL[label]('n', ahead?.fields)",
    reason:
      'the projection helper of the label from the constant BY_LABEL map, with a literal variable name and a selection (field names that only pick entries of its constant list)',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'order',
    reason:
      'orderBy(MISSION_SORT_EXPR[field], direction): the sort-key allow-list, keyed by the GraphQL enums MissionSortField and SortDirection',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'MISSION_FILTERS',
    reason: 'a constant fragment of the same file (its values are $parameters)',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'key.valued',
    reason: 'the index range condition of a sort key, from the constant MISSION_SORT_INDEX keyed by MissionSortField',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'key.property',
    reason: 'the indexed property of a sort key, from the constant MISSION_SORT_INDEX keyed by MissionSortField',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'dir',
    reason: "'ASC' or 'DESC', from the SortDirection enum",
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'needed',
    reason: 'nothing, or a constant UNWIND over $skip and $limit',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'ordered',
    reason: "one of two constant expressions ('unvalued + valued' or 'valued + unvalued')",
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'indexedPage(indexed, f.sortDirection, order)',
    reason: 'a page statement of the same file built from the sort-key allow-lists (MISSION_SORT_INDEX, orderBy)',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'regionTest',
    reason: 'one of three constant conditions, chosen by the label',
  },
  {
    file: 'db/organization-network.ts',
    expr: 'CO_DEPLOYMENT_PAIR',
    reason: 'a constant relationship type of db/co-deployment-pairs.ts',
  },
  {
    file: 'db/organization-network.ts',
    expr: 'ORGANIZATION_TIE',
    reason: 'a constant relationship type of the same file',
  },
  {
    file: 'db/contribution-peaks.ts',
    expr: 'CONTRIBUTION_PEAK',
    reason: 'a constant relationship type of the same file',
  },
  {
    file: 'modules/common/relations.cypher.ts',
    expr: 'CONTRIBUTION_PEAK',
    reason: 'a constant relationship type of db/contribution-peaks.ts',
  },
  {
    file: 'modules/common/relations.cypher.ts',
    expr: 'KEPT_PEAKS_APPLY',
    reason: 'a constant condition of the same file, on $parameters only',
  },
  {
    file: 'db/organization-network.ts',
    expr: 'pairsPart',
    reason:
      "organizationNetworkStatement()'s parameter: KEPT_PAIRS or LIVE_PAIRS, the constant CALL subqueries of the same file (their values are $parameters)",
  },
  {
    file: 'db/organization-network.ts',
    expr: 'orgNode',
    reason:
      "the organization's node its callers pass: the constant 'o.id' of the same file, or NODE_ROW('o') of modules/graph",
  },
  {
    file: 'db/co-deployment-pairs.ts',
    expr: 'CO_DEPLOYMENT_PAIR',
    reason: 'a constant relationship type of the same file',
  },
  {
    file: 'modules/graph/graph.repository.ts',
    expr: 'NEIGHBOR_LEVEL',
    reason: 'a constant fragment of the same file (its values are $parameters)',
  },
  {
    file: 'modules/graph/graph.repository.ts',
    expr: 'hops',
    reason: 'intBetween(maxHops, 1, 8): a whole number from 1 to 8, else it throws',
  },
  {
    file: 'modules/graph/graph.repository.ts',
    expr: 'asked',
    reason: 'an element of the constant PATH_COUNTS (4, 12 or 40), chosen by count = intBetween(k, 1, 10)',
  },
  {
    file: 'db/backup.ts',
    expr: 'TMP_LABEL',
    reason: 'a constant of the same file: the temporary label of restored nodes',
  },
  {
    file: 'db/backup.ts',
    expr: 'TMP_PROP',
    reason: 'a constant of the same file: the temporary property of restored nodes',
  },
  { file: 'db/backup.ts', expr: 'TMP_INDEX', reason: 'a constant of the same file: the name of the temporary index' },
  {
    file: 'db/backup.ts',
    expr: 'labels',
    reason:
      'the labels of a backed-up node, each through quoted(l, BACKUP_LABELS), which throws for a label not on the allow-list, then back-quoted',
  },
  {
    file: 'db/backup.ts',
    expr: 'quoted(type, BACKUP_REL_TYPES)',
    reason: 'a relationship type checked against the BACKUP_REL_TYPES allow-list (else it throws), back-quoted',
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: 'root',
    reason: "withRelations' root statement: a Cypher template at each call site, checked there like any other",
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: 'idsExpr',
    reason: "withRelations' ids expression: a string literal at each call site ('[n.id]', '[p IN page | p.id]')",
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: "body(rel, i, '__itemIds')",
    reason:
      'a relation statement of the constant REL map (RelationField.cypher), its $ids head and $parameter names rewritten by constant patterns',
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: 'body(parent, rel.parent as number)',
    reason: 'the same for the relation of the first level whose items a relation one level further reads over',
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: 'ids',
    reason: "the variable of the ids a relation statement reads: '__ids' or '__itemIds' (a union of two literals)",
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: 'own',
    reason: "the relation's own statement, or it after its parent's: the two lines above",
  },
  { file: 'modules/common/prefetch.ts', expr: 'i', reason: 'the index of the relation in the planned list: a number' },
  {
    file: 'modules/common/prefetch.ts',
    expr: 'row',
    reason: 'one of two constant column lists of the line before, chosen by PlannedRelation.collected (a boolean)',
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: 'rootColumns',
    reason:
      "CASE expressions over the root's column names: string literals at each call site (['n'], ['total', 'page'])",
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: "branches.join('\\n UNION ALL\\n')",
    reason: 'the CALL subqueries built on the lines above from the same constant pieces',
  },
  {
    file: 'modules/codeployment/codeployment.repository.ts',
    expr: 'link',
    reason: "'IN_CONFLICT' or 'HOSTED_BY', chosen by the GraphQL enum CoDeploymentUnit",
  },
  {
    file: 'modules/codeployment/codeployment.repository.ts',
    expr: 'unitNode',
    reason:
      "one of two node patterns of the line before: the label 'Conflict' or 'State' (chosen by the GraphQL enum CoDeploymentUnit), the id a $unit parameter",
  },
  {
    file: 'modules/codeployment/codeployment.repository.ts',
    expr: 'unitProjection',
    reason: "CONFLICT('u') or STATE('u'), chosen by the GraphQL enum CoDeploymentUnit",
  },
];

/** Statement arguments of database calls that are not literals, per file. */
const STATEMENTS: Allowance[] = [
  {
    file: 'db/database.ts',
    expr: 'cypher',
    reason: "the Database wrapper's own parameter: its callers are the call sites checked here",
  },
  {
    file: 'db/schema.ts',
    expr: 'item.text',
    reason: 'the statements of cypher/schema.cypher, a file of the repository',
  },
  {
    file: 'db/script-runner.ts',
    expr: 'item.text',
    reason: 'the statements of the script the operator runs with npm run cypher (CLI only, not reachable from the API)',
  },
  {
    file: 'db/backup.ts',
    expr: 'cypher',
    reason:
      "repeatBatches()'s parameter: string literals and a template of the same file at its three call sites (checked above)",
  },
  {
    file: 'db/backup.ts',
    expr: 'q',
    reason: "countsIn()'s own statements: two literals and the constants NODE_COUNTS and REL_COUNTS of the same file",
  },
  { file: 'import/data-check.ts', expr: 'check.cypher', reason: 'the constant ORPHAN_CHECKS list of the same file' },
  { file: 'db/co-deployment-pairs.ts', expr: 'MERGE_PAIRS', reason: 'a constant statement of the same file' },
  {
    file: 'db/organization-network.ts',
    expr: "organizationNetworkStatement(KEPT_PAIRS, 'o.id')",
    reason: 'the network statement of the same file, with its constant pairs part and a constant node expression',
  },
  { file: 'db/organization-network.ts', expr: 'WRITE_TIES', reason: 'a constant statement of the same file' },
  { file: 'db/contribution-peaks.ts', expr: 'READ_RUNS', reason: 'a constant statement of the same file' },
  { file: 'db/contribution-peaks.ts', expr: 'WRITE_PEAKS', reason: 'a constant statement of the same file' },
  { file: 'db/contribution-peaks.ts', expr: 'DELETE_STALE_PEAKS', reason: 'a constant statement of the same file' },
  { file: 'db/organization-network.ts', expr: 'DELETE_STALE_TIES', reason: 'a constant statement of the same file' },
  {
    file: 'modules/graph/graph.repository.ts',
    expr: "organizationNetworkStatement(pairsPart, NODE_ROW('o'))",
    reason:
      'the network statement of db/organization-network.ts: its pairs part KEPT_PAIRS or LIVE_PAIRS (constants of that file, passed by the two callers in the same file), the node projection a fragment helper',
  },
  {
    file: 'modules/graph/graph.repository.ts',
    expr: "keptOrganizationNetworkStatement(NODE_ROW('o'))",
    reason: 'the kept network statement of db/organization-network.ts with a fragment helper projection',
  },
  { file: 'db/co-deployment-pairs.ts', expr: 'DELETE_STALE', reason: 'a constant statement of the same file' },
  {
    file: 'import/derive.ts',
    expr: 'stmt.cypher',
    reason: 'a statement of the constant DERIVE_STATEMENTS list of the same file',
  },
  {
    file: 'import/file-import.ts',
    expr: 'stmt',
    reason: "a reader's constant finalize statements (FormatReader.finalize)",
  },
  {
    file: 'import/writer.ts',
    expr: 'nodeStatement(label)',
    reason: 'the node MERGE builder of the same file (its template is checked above; the label by isNodeLabel)',
  },
  {
    file: 'import/writer.ts',
    expr: 'relStatement(type, props)',
    reason:
      'the relationship MERGE builder of the same file (its template is checked above; the type by isRelType, the property names by propertyAccess)',
  },
  {
    file: 'modules/analytics/analysis-queries.ts',
    expr: 'this.get(name).statement',
    reason: 'a file of cypher/analysis, read at start-up and chosen by name (get() throws for an unknown name)',
  },
  {
    file: 'modules/analytics/analytics.repository.ts',
    expr: 'cypher',
    reason: 'one of two constant statements, chosen by the label',
  },
  {
    file: 'modules/common/entity.repository.ts',
    expr: 'q.cypher',
    reason: 'withRelations() of a Cypher template of the same call (checked above) and constant relation statements',
  },
  {
    file: 'modules/common/prefetch.ts',
    expr: 'q.cypher',
    reason: 'readPage() of a withRelations() statement, built by the repositories from Cypher templates checked above',
  },
  {
    file: 'request/loaders.ts',
    expr: 'cypher',
    reason:
      'a relation statement of modules/common/relations.cypher.ts (the constant REL map, an entity relation for a selection)',
  },
];

/** The database calls whose first argument is a Cypher statement. */
const DB_METHODS = new Set(['run', 'read', 'write', 'autoCommit', 'executeQuery']);
const DB_RECEIVER = /(^|\.)(db|tx|session|driver)$|^\(tx \?\? session\)$/;

interface Finding {
  file: string;
  line: number;
  kind: 'interpolation' | 'concatenation' | 'helper-call' | 'statement';
  expr: string;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

function isStringy(n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression {
  return ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);
}

function literalText(n: ts.Node): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((s) => s.literal.text).join(' ');
  return undefined;
}

/** The name and parameter names of the function around a node: `const NAME = (v) => ...` or `function NAME(v)`. */
function enclosingFunction(node: ts.Node): { name: string | undefined; params: string[] } | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n)) {
      let name: string | undefined;
      if (ts.isFunctionDeclaration(n) && n.name) name = n.name.text;
      else if (ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) name = n.parent.name.text;
      const params = n.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : '')).filter(Boolean);
      return { name, params };
    }
  }
  return undefined;
}

/** Inside a fragment helper, one of its own parameters (the variable name its callers pass as a literal). */
function isHelperParameter(node: ts.Expression): boolean {
  if (!ts.isIdentifier(node)) return false;
  const fn = enclosingFunction(node);
  return !!fn?.name && FRAGMENT_HELPERS.has(fn.name) && fn.params.includes(node.text);
}

/** A helper argument is safe when it is a literal Cypher identifier, or a parameter of the enclosing helper. */
function isConstantName(arg: ts.Expression): boolean {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(arg.text);
  return isHelperParameter(arg);
}

/**
 * The entity projections take a selection after the variable name: GraphQL field names that only pick entries
 * of the projection's own constant list (projections.ts), never written into the statement.
 */
const SELECTION_HELPERS = new Set(['MISSION', 'ORGANIZATION', 'STATE', 'CONFLICT', 'PERSON']);

/** Whether a helper call passes only constant names (and, to a projection, a selection after the name). */
function isSafeHelperCall(call: ts.CallExpression): boolean {
  const name = helperName(call);
  if (!name) return false;
  const [first, ...rest] = call.arguments;
  if (SELECTION_HELPERS.has(name) && first && rest.length <= 1) return isConstantName(first);
  return call.arguments.every(isConstantName);
}

function helperName(call: ts.CallExpression): string | undefined {
  return ts.isIdentifier(call.expression) && FRAGMENT_HELPERS.has(call.expression.text)
    ? call.expression.text
    : undefined;
}

/** The operands of a chain of `+`. */
function plusOperands(n: ts.Expression): ts.Expression[] {
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [...plusOperands(n.left), ...plusOperands(n.right)];
  if (ts.isParenthesizedExpression(n)) return plusOperands(n.expression);
  return [n];
}

/**
 * Every place of a source file where text is spliced into Cypher and is not allowed: interpolations into
 * Cypher templates, `+` / `+=` concatenations with Cypher literals, fragment-helper calls with a non-constant
 * variable name, and database calls whose statement is neither a literal nor allowed. `used` collects the
 * allowances that matched, so that stale entries can be found.
 */
function findViolations(
  file: string,
  text: string,
  allow: { interpolations: Allowance[]; statements: Allowance[] } = {
    interpolations: INTERPOLATIONS,
    statements: STATEMENTS,
  },
  used: Set<Allowance> = new Set(),
): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Finding[] = [];
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const report = (n: ts.Node, kind: Finding['kind']) =>
    out.push({ file, line: lineOf(n), kind, expr: normalize(n.getText(sf)) });
  const allowed = (list: Allowance[], n: ts.Node) => {
    const hit = list.find((a) => a.file === file && a.expr === normalize(n.getText(sf)));
    if (hit) used.add(hit);
    return !!hit;
  };
  // Cypher initial values of variables, for `q += ...`.
  const cypherVars = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (
      ts.isVariableDeclaration(n) &&
      ts.isIdentifier(n.name) &&
      n.initializer &&
      CYPHER_WORDS.test(literalText(n.initializer) ?? '')
    )
      cypherVars.add(n.name.text);
    ts.forEachChild(n, collect);
  };
  collect(sf);

  const visit = (n: ts.Node): void => {
    if (ts.isTemplateExpression(n) && CYPHER_WORDS.test(literalText(n) ?? '')) {
      for (const span of n.templateSpans) {
        const e = span.expression;
        const safeHelper = ts.isCallExpression(e) && isSafeHelperCall(e);
        if (!safeHelper && !isHelperParameter(e) && !allowed(allow.interpolations, e)) report(e, 'interpolation');
      }
    }
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.PlusToken &&
      !(ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.PlusToken)
    ) {
      const ops = plusOperands(n);
      const cypher = ops.some((o) => CYPHER_WORDS.test(literalText(o) ?? ''));
      if (cypher && ops.some((o) => !isStringy(o) || ts.isTemplateExpression(o))) report(n, 'concatenation');
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) {
      // `q += x` on a variable that holds Cypher (a `+` chain on the right is reported by the rule above).
      const target = ts.isIdentifier(n.left) ? n.left.text : '';
      const chain = ts.isBinaryExpression(n.right) && n.right.operatorToken.kind === ts.SyntaxKind.PlusToken;
      if (cypherVars.has(target) && !chain && !isStringy(n.right)) report(n, 'concatenation');
    }
    if (ts.isCallExpression(n) && helperName(n) && !isSafeHelperCall(n)) report(n, 'helper-call');
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      DB_METHODS.has(n.expression.name.text) &&
      DB_RECEIVER.test(normalize(n.expression.expression.getText(sf)))
    ) {
      const stmt = n.arguments[0];
      if (stmt && !isStringy(stmt) && !ts.isArrowFunction(stmt) && !allowed(allow.statements, stmt))
        report(stmt, 'statement');
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('the Cypher built by the server', () => {
  const used = new Set<Allowance>();
  const files = sourceFiles(SERVER_SRC);
  const findings = files.flatMap((f) =>
    findViolations(path.relative(SERVER_SRC, f).split(path.sep).join('/'), fs.readFileSync(f, 'utf8'), undefined, used),
  );
  const of = (kind: Finding['kind']) =>
    findings.filter((f) => f.kind === kind).map((f) => `${f.file}:${f.line} ${f.expr}`);

  it('reads the whole server', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.some((f) => f.endsWith(path.join('import', 'writer.ts')))).toBe(true);
  });

  it('interpolates into Cypher templates only fragment helpers with constant names and the allow-listed names', () => {
    expect(of('interpolation')).toEqual([]);
  });

  it('builds no Cypher by + concatenation with a variable', () => {
    expect(of('concatenation')).toEqual([]);
  });

  it('calls the fragment helpers only with literal variable names', () => {
    expect(of('helper-call')).toEqual([]);
  });

  it('passes the database only literal statements or allow-listed statement sources', () => {
    expect(of('statement')).toEqual([]);
  });

  it('keeps no stale entry in the allow-lists (each one is still needed, each has a reason)', () => {
    const stale = [...INTERPOLATIONS, ...STATEMENTS].filter((a) => !used.has(a)).map((a) => `${a.file} ${a.expr}`);
    expect(stale).toEqual([]);
    for (const a of [...INTERPOLATIONS, ...STATEMENTS]) expect(a.reason.length).toBeGreaterThan(20);
  });
});

describe('the Cypher concatenation checker', () => {
  const check = (code: string, file = 'modules/example/example.repository.ts') =>
    findViolations(file, code).map((f) => `${f.kind} ${f.expr}`);

  it('flags user input interpolated into a Cypher template', () => {
    expect(check('export const q = (args: { label: string }) => db.read(`MATCH (n:${args.label}) RETURN n`);')).toEqual(
      ['interpolation args.label'],
    );
    expect(check("const q = (name: string) => `MATCH (n) WHERE n.name = '${name}' RETURN n`;")).toEqual([
      'interpolation name',
    ]);
    expect(check('const q = (sort: string) => `MATCH (m:Mission) RETURN m ORDER BY ${sort}`;')).toEqual([
      'interpolation sort',
    ]);
  });

  it('flags Cypher built with + or += from a variable', () => {
    expect(check(`const q = (id: string) => 'MATCH (n {id: "' + id + '"}) RETURN n';`)).toEqual([
      `concatenation 'MATCH (n {id: "' + id + '"}) RETURN n'`,
    ]);
    expect(check("function f(id: string) { let q = 'MATCH (n) '; q += 'WHERE n.id = ' + id; return q; }")).toEqual([
      "concatenation 'WHERE n.id = ' + id",
    ]);
    expect(check("function f(where: string) { let q = 'MATCH (n) RETURN n'; q += where; return q; }")).toEqual([
      'concatenation q += where',
    ]);
  });

  it('flags a fragment helper called with a variable name that is not a literal', () => {
    expect(check('const f = (v: string) => `MATCH (m) RETURN ${MISSION(v)}`;')).toEqual([
      'interpolation MISSION(v)',
      'helper-call MISSION(v)',
    ]);
    expect(check('const f = (v: string, fields: Set<string>) => `MATCH (m) RETURN ${MISSION(v, fields)}`;')).toEqual([
      'interpolation MISSION(v, fields)',
      'helper-call MISSION(v, fields)',
    ]);
    expect(check("const f = (fields: Set<string>) => `MATCH (m) RETURN ${MISSION_ACTIVE('m', fields)}`;")).toEqual([
      "interpolation MISSION_ACTIVE('m', fields)",
      "helper-call MISSION_ACTIVE('m', fields)",
    ]);
    expect(check("const f = (x: string) => NODE_PROJECTION(x + ') DETACH DELETE n //');")).toEqual([
      "helper-call NODE_PROJECTION(x + ') DETACH DELETE n //')",
      "concatenation x + ') DETACH DELETE n //'",
    ]);
  });

  it('flags a statement that comes from a variable', () => {
    expect(check('async function f(cypherFromUser: string) { await this.db.read(cypherFromUser); }')).toEqual([
      'statement cypherFromUser',
    ]);
  });

  it('accepts parameters, helpers with literal names, and allow-listed names only in their own file', () => {
    const good =
      "export const q = (label: string) => db.read(`MATCH (n:${label} {id: $id}) RETURN ${MISSION('n')}`, { id });";
    expect(check("const f = (fields: Set<string>) => `MATCH (m) RETURN ${MISSION('m', fields)}`;")).toEqual([]);
    expect(check(good, 'import/writer.ts')).toEqual([]);
    expect(check(good, 'modules/other/other.repository.ts')).toEqual(['interpolation label']);
    expect(
      check(
        'const f = (v: string) => `MATCH (x) WHERE ${MISSION_ACTIVE(v)} RETURN x`; export const MISSION_ACTIVE = (m: string) => `(${m}.start <= $span.to)`;',
      ),
    ).toEqual(['interpolation MISSION_ACTIVE(v)', 'helper-call MISSION_ACTIVE(v)']);
    expect(
      check(
        "export const MISSION_ACTIVE_IN_SPAN = (m: string) => `EXISTS { MATCH (${m})-[:IN_CONFLICT]->(c) WHERE ${MISSIONS_OVERLAP(m, 'o')} }`;",
      ),
    ).toEqual([]);
    expect(check("const msg = (n: number) => `Imported ${n} rows` + ' in total';")).toEqual([]);
  });
});
