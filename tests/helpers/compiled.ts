import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './db';

/**
 * The server's commands compiled for tests that run them as separate processes, into a folder of the tests' own
 * (dist/test-processes), so that a build running beside them cannot hand them a half-written file. Compiled once
 * per test run: the files of a run share one jest process, whose pid marks the build.
 */
export const TEST_DIST = path.join(REPO_ROOT, 'dist', 'test-processes');

/** The path of a compiled command (`start`, `import`, ...), compiling them first if this run has not. */
export function compiledCli(name: string): string {
  const marker = path.join(TEST_DIST, `.built-by-${process.pid}`);
  const cli = path.join(TEST_DIST, 'server', 'src', 'cli', `${name}.js`);
  if (!fs.existsSync(marker)) {
    // tsconfig.build.json emits even when work in progress elsewhere has a type error; the command must exist.
    const build = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        TEST_DIST,
      ],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    if (!fs.existsSync(cli)) throw new Error(`the build did not produce ${cli}:\n${build.stdout}${build.stderr}`);
    for (const f of fs.readdirSync(TEST_DIST))
      if (f.startsWith('.built-by-')) fs.rmSync(path.join(TEST_DIST, f), { force: true });
    fs.writeFileSync(marker, '');
  }
  if (!fs.existsSync(cli)) throw new Error(`no compiled command ${cli}`);
  return cli;
}
