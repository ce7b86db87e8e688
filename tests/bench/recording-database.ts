import { Database } from '../../server/src/db/database';

/** A Database that records every read statement, so that the benchmark can replay exactly what the API sent. */
export class RecordingDatabase extends Database {
  recording: { cypher: string; params: Record<string, unknown> }[] | null = null;

  override read<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.recording?.push({ cypher, params });
    return super.read<T>(cypher, params);
  }
}
