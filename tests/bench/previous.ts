/**
 * The network view's figures beside the ones they replace: when a run (or a merge) measures the view again at a
 * scale, the figures it replaces are kept as `previousNetworkView`, with the run that measured them, so that the
 * report shows both.
 */

type Any = Record<string, any>;

/** The run a section of results came from. */
export interface RunInfo {
  date: string;
  commit?: string;
  command?: string;
}

/** The run of a results file (its top level). */
export function runOf(results: Any): RunInfo {
  return { date: String(results.date), commit: results.commit as string | undefined, command: results.command as string | undefined };
}

/**
 * Sets `next.previousNetworkView` to the figures of `before` (a scale of the results being replaced, measured by
 * `beforeRun` unless they name their own run) when both measured the network view. The previous figures keep no
 * previous of their own.
 */
export function keepPreviousView(before: Any | undefined, next: Any, beforeRun: RunInfo): void {
  const old = before?.networkView as Any | undefined;
  if (!old || !next.networkView) return;
  next.previousNetworkView = { ...old, run: old.run ?? beforeRun };
}
