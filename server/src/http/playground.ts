import path from 'node:path';
import type { Express, Response } from 'express';
import { PLAYGROUND_EXAMPLES } from './playground-examples';
import { PAGE_POLICY } from './security-headers';

/** Files of the playground, served from the npm packages themselves: no CDN, so it works offline. */
const ASSETS: Record<string, string> = {
  'react.js': 'react/umd/react.production.min.js',
  'react-dom.js': 'react-dom/umd/react-dom.production.min.js',
  'graphiql.js': 'graphiql/graphiql.min.js',
  'graphiql.css': 'graphiql/graphiql.min.css',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Peace Operations Graph: GraphQL playground</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the playground...</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/app.js"></script>
</body>
</html>`;

const APP = `(function () {
  var examples = ${JSON.stringify(PLAYGROUND_EXAMPLES)};
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolbarOpen: true,
    defaultTabs: examples.map(function (e) { return { query: e.query }; }),
  }));
})();`;

/** The pages' strict policy (security-headers.ts): own scripts and styles, own origin, no framing. */
function secure(res: Response): Response {
  return res.set('Content-Security-Policy', PAGE_POLICY);
}

/** Serves the GraphiQL playground at /graphiql, opening with the example queries. */
export function mountPlayground(app: Express, repoRoot: string): void {
  const modules = path.join(repoRoot, 'node_modules');
  app.get('/graphiql', (_req, res) => void secure(res).type('html').send(PAGE));
  app.get('/graphiql/app.js', (_req, res) => void secure(res).type('application/javascript').send(APP));
  for (const [name, file] of Object.entries(ASSETS)) {
    app.get(`/graphiql/assets/${name}`, (_req, res) => res.sendFile(path.join(modules, file), { maxAge: '1d' }));
  }
}
