// Runs the integration files that need the shipped graph (tests/integration/seeded/) after the others, which
// reset the graph, so that the seed is built once per run.
const Sequencer = require('@jest/test-sequencer').default;

class SeededLastSequencer extends Sequencer {
  sort(tests) {
    const seeded = (t) => (t.path.includes('/integration/seeded/') ? 1 : 0);
    return [...tests].sort((a, b) => seeded(a) - seeded(b) || a.path.localeCompare(b.path));
  }
}

module.exports = SeededLastSequencer;
