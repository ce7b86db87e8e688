import { Database } from '../../server/src/db/database';

/**
 * A Database that records every read statement, so that the benchmark can replay exactly what the API sent.
 * `read` goes through `readEach`, so recording there catches both (some families stream their rows through `readEach`).
 */
export class RecordingDatabase extends Database {
  recording: { cypher: string; params: Record<string, unknown> }[] | null = null;

  override readEach<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown>, onRow: (row: T) => void, fetchSize?: number): Promise<void> {
    this.recording?.push({ cypher, params });
    return super.readEach<T>(cypher, params, onRow, fetchSize);
  }
}
