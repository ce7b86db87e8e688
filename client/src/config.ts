/** The only reader of the build environment: endpoint, test-build flag and tuning constants. */

/** Where the GraphQL API answers (same origin as the page). */
export const GRAPHQL_URL = '/graphql';

/** True in test builds (`vite build --mode test`): `window.cy` is exposed for the e2e tests. */
export const TEST_BUILD = import.meta.env.MODE === 'test';

/** Milliseconds between the last keystroke and a search request. */
export const SEARCH_DEBOUNCE_MS = 250;

/** Views with more elements than this switch to the WebGL renderer unless the user chose otherwise. */
export const WEBGL_AUTO_THRESHOLD = 3000;

/** Milliseconds per step while the time slider plays. */
export const PLAY_STEP_MS = 900;

/** Most neighbours fetched by one expansion. */
export const EXPAND_LIMIT = 300;
