import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/db';
import { SEED_PLAN } from '../../../server/src/import/seed';
import { seededApi } from '../../helpers/seeded';

/**
 * The data versions through the API (issue 18): every imported file as a Dataset with the SHA-256 of the file on
 * disk, and the tool's version from package.json.
 */
const api = seededApi();

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('datasets and about', () => {
  it('lists every file the seed imports, with the SHA-256 of the shipped file and its row counts', async () => {
    const { datasets } = await api.data(
      '{ datasets { id format file sha256 version importedAt rowsRead rowsImported rowsRejected } }',
    );
    const byKey = new Map<string, any>(datasets.map((d: any) => [`${d.format}:${d.file}`, d]));
    const seeded = SEED_PLAN.flatMap((step) => step.files.map((f) => ({ format: step.format, file: f })));
    expect(seeded.length).toBeGreaterThan(25);
    for (const { format, file } of seeded) {
      const d = byKey.get(`${format}:${path.basename(file)}`);
      expect([file, d === undefined ? 'no dataset' : 'dataset']).toEqual([file, 'dataset']);
      expect(d.sha256).toBe(sha256(path.join(REPO_ROOT, 'cypher', 'data', file)));
      expect(d.version === `sha256:${d.sha256.slice(0, 12)}` || /^v\d/.test(d.version)).toBe(true);
      // Crosswalk tables (mission_aliases.csv) are read but write no row of their own.
      expect(d.rowsRead).toBeGreaterThan(0);
      expect(d.rowsImported).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(Date.parse(d.importedAt))).toBe(false);
    }
  });

  it('gives the tool and its version as package.json says', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect((await api.data('{ about { name version } }')).about).toEqual({ name: pkg.name, version: pkg.version });
  });
});
