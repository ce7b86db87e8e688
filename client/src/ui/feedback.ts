/** Progress on slow work and clear messages for errors: the view never goes blank on a failure. */
import { ApiError } from '../api/client';
import { clear, h } from './dom';

/** Counts running tasks and shows the latest one's label while any runs. */
export class Progress {
  private readonly tasks = new Map<number, string>();
  private next = 0;

  constructor(
    private readonly el: HTMLElement,
    private readonly textEl: HTMLElement,
    private readonly busyTarget: HTMLElement,
  ) {}

  /** Shows `label` until `work` settles; returns its result. */
  async run<T>(label: string, work: () => Promise<T>): Promise<T> {
    const id = this.next++;
    this.tasks.set(id, label);
    this.render();
    // Let the browser paint the indicator before synchronous work (a layout) starts.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    try {
      return await work();
    } finally {
      this.tasks.delete(id);
      this.render();
    }
  }

  /** Whether some task is running. */
  get busy(): boolean {
    return this.tasks.size > 0;
  }

  private render(): void {
    const labels = [...this.tasks.values()];
    this.el.hidden = labels.length === 0;
    this.textEl.textContent = labels[labels.length - 1] ?? '';
    this.busyTarget.setAttribute('aria-busy', labels.length ? 'true' : 'false');
  }
}

/** A readable message for any error: the API's message and code, or a generic line. */
export function describeError(err: unknown): { message: string; code: string | null } {
  if (err instanceof ApiError) return { message: err.message, code: err.code };
  if (err instanceof Error) return { message: err.message, code: null };
  return { message: String(err), code: null };
}

/** The banner above the network for errors that concern the whole view. */
export class ErrorBanner {
  constructor(private readonly el: HTMLElement) {}

  show(context: string, err: unknown): void {
    const { message, code } = describeError(err);
    clear(this.el);
    this.el.append(
      h(
        'div',
        {},
        h('strong', { text: `${context}: ` }),
        message,
        code ? h('span', { class: 'code', text: ` (${code})` }) : null,
      ),
      h('button', {
        type: 'button',
        text: 'Dismiss',
        'aria-label': 'Dismiss the error',
        on: { click: () => this.hide() },
      }),
    );
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
    clear(this.el);
  }
}

/** An error shown inside a panel. */
export function inlineError(context: string, err: unknown): HTMLElement {
  const { message, code } = describeError(err);
  return h('p', { class: 'error-inline', role: 'alert' }, `${context}: ${message}`, code ? ` (${code})` : '');
}

/** Whether `err` is a request cancelled through its AbortSignal (a newer request replaced it). */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
