import type { BatchResult, GraphWriter, LocatedOp } from './writer';

/**
 * Writes batches one after another while the caller reads and checks the next: one batch in flight at most,
 * so batches commit in file order and an interruption leaves whole batches only (each batch is one
 * transaction: all of it or nothing). A failed write is kept and thrown at the next `send` or at `drain`.
 */
export class BatchPipeline {
  private inFlight: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  constructor(
    private readonly writer: GraphWriter,
    /** Called with each committed batch, in file order. */
    private readonly onWritten: (ops: LocatedOp[], result: BatchResult, lines: number[]) => void,
  ) {}

  /** Waits for the batch in flight, then starts writing this one (`lines`: the rows it holds). */
  async send(ops: LocatedOp[], lines: number[]): Promise<void> {
    await this.drain();
    this.inFlight = this.writer.writeBatch(ops).then(
      (result) => this.onWritten(ops, result, lines),
      (err: unknown) => {
        this.failure = err instanceof Error ? err : new Error(String(err));
      },
    );
  }

  /** Waits for the batch in flight; throws its failure, if it failed. */
  async drain(): Promise<void> {
    await this.inFlight;
    if (this.failure !== undefined) throw this.failure;
  }

  /** Waits for the batch in flight without throwing (before an error of the caller's own is passed on). */
  async settle(): Promise<void> {
    await this.inFlight;
  }

  /** Whether `err` is the failure of a write of this pipeline. */
  isWriteFailure(err: unknown): boolean {
    return err !== undefined && err === this.failure;
  }
}
