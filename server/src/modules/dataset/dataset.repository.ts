import type { Database } from '../../db/database';
import type { Dataset } from './dataset.type';

/** Reads the Dataset nodes the importer records (one per imported file). */
export class DatasetRepository {
  constructor(private readonly db: Database) {}

  /** Every imported file, by format and file name. */
  all(): Promise<Dataset[]> {
    return this.db.read<Dataset>(
      `MATCH (d:Dataset)
       RETURN d.id AS id, d.format AS format, d.file AS file, d.sha256 AS sha256, d.version AS version,
              toString(d.importedAt) AS importedAt, d.rowsRead AS rowsRead, d.rowsImported AS rowsImported,
              d.rowsRejected AS rowsRejected
       ORDER BY format, file`,
    );
  }
}
