// The project's order (tests/helpers/sequencer.js: files that reset the graph first, then the seeded ones), with
// the browser tests last: they use the seeded graph, so the seed is built once per run.
const SeededLastSequencer = require('../helpers/sequencer.js');

class BrowserLastSequencer extends SeededLastSequencer {
  sort(tests) {
    const e2e = (t) => (t.path.includes('/tests/e2e/') ? 1 : 0);
    const ordered = super.sort(tests);
    return [...ordered.filter((t) => !e2e(t)), ...ordered.filter((t) => e2e(t))];
  }
}

module.exports = BrowserLastSequencer;
