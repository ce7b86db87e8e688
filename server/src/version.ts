import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

let cached: { name: string; version: string } | null = null;

/** The project's name and version, from package.json (read once). */
export function projectVersion(): { name: string; version: string } {
  if (!cached) {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}
