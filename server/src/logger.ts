import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/** Creates the structured logger; JSON lines on standard error so that standard output stays for command results. */
export function createLogger(level: string, name = 'peaceops'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination(2));
}
