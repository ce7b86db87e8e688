import { Presets, SingleBar } from 'cli-progress';

/** Progress of a long command through named phases (for instance nodes, then relationships). */
export interface PhaseProgress {
  phase: string;
  done: number;
  total: number;
}

/** A progress bar per phase on a terminal; otherwise a line per phase and every five seconds. */
export function phaseProgress(): { update: (p: PhaseProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: '{phase} [{bar}] {value}/{total}', stream: process.stderr },
      Presets.shades_classic,
    );
    let phase = '';
    return {
      update: (p) => {
        if (p.phase !== phase) {
          if (phase) bar.stop();
          phase = p.phase;
          bar.start(p.total, 0, { phase });
        }
        bar.update(p.done, { phase });
      },
      stop: () => {
        if (phase) bar.stop();
        phase = '';
      },
    };
  }
  let last = 0;
  return {
    update: (p) => {
      const now = Date.now();
      if (now - last < 5000 && p.done < p.total) return;
      last = now;
      process.stderr.write(`${p.phase}: ${p.done} of ${p.total}\n`);
    },
    stop: () => undefined,
  };
}
