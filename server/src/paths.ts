import fs from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above this module that holds the project's package.json. */
export function repoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'cypher'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No project root above ${start}`);
    dir = parent;
  }
}
