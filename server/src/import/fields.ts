/** Why one field of one row was rejected. */
export interface FieldError {
  field: string;
  reason: string;
}

/**
 * Field parsers for readers. Each returns the parsed value, `null` for an empty or NA cell, or records a
 * FieldError and returns `undefined` for a cell that is present but wrong.
 */
export class FieldReader {
  readonly errors: FieldError[] = [];
  /** Values the reader wrote otherwise than the cell says, each with its proof: the row is imported and each is reported. */
  readonly corrections: FieldError[] = [];

  constructor(private readonly row: Record<string, string>) {}

  /** The raw cell, trimmed; null when empty or a missing-value marker (NA, N/A, NULL, .). */
  raw(field: string): string | null {
    const v = this.row[field];
    if (v === undefined) return null;
    const t = v.trim();
    return t === '' || /^(NA|N\/A|NULL|NaN|\.)$/i.test(t) ? null : t;
  }

  fail(field: string, reason: string): undefined {
    this.errors.push({ field, reason });
    return undefined;
  }

  /** Records that the value of `field` is written otherwise than the cell says, and why (reported, not rejected). */
  correct(field: string, reason: string): void {
    this.corrections.push({ field, reason });
  }

  /** A required text cell. */
  text(field: string, required = false): string | null | undefined {
    const v = this.raw(field);
    if (v === null && required) return this.fail(field, 'is empty');
    if (v !== null && v.includes('\uFFFD')) return this.fail(field, 'is not valid UTF-8');
    return v;
  }

  /** An integer; decimal commas and thousands separators are not accepted here. */
  int(field: string, opts: { required?: boolean; min?: number; max?: number } = {}): number | null | undefined {
    const v = this.raw(field);
    if (v === null) return opts.required ? this.fail(field, 'is empty') : null;
    if (!/^[-+]?\d+(\.0+)?$/.test(v)) return this.fail(field, `'${short(v)}' is not a whole number`);
    const n = Number(v);
    if (opts.min !== undefined && n < opts.min) return this.fail(field, `${n} is below ${opts.min}`);
    if (opts.max !== undefined && n > opts.max) return this.fail(field, `${n} is above ${opts.max}`);
    return n;
  }

  /** A decimal number; a decimal comma (`15,9833`) is read as a point. */
  number(field: string, opts: { required?: boolean; min?: number; max?: number } = {}): number | null | undefined {
    const v = this.raw(field);
    if (v === null) return opts.required ? this.fail(field, 'is empty') : null;
    const norm = /^[-+]?\d+,\d+$/.test(v) ? v.replace(',', '.') : v;
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(norm)) return this.fail(field, `'${short(v)}' is not a number`);
    const n = Number(norm);
    if (opts.min !== undefined && n < opts.min) return this.fail(field, `${n} is below ${opts.min}`);
    if (opts.max !== undefined && n > opts.max) return this.fail(field, `${n} is above ${opts.max}`);
    return n;
  }

  /**
   * A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (returned as written, validated), or US style `M/D/YYYY`
   * (returned as `YYYY-MM-DD`).
   */
  date(field: string, required = false): string | null | undefined {
    const v = this.raw(field);
    if (v === null) return required ? this.fail(field, 'is empty') : null;
    const d = parseDate(v);
    return d ?? this.fail(field, `'${short(v)}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or M/D/YYYY)`);
  }

  /** One of a fixed set of values. */
  oneOf<T extends string>(field: string, allowed: readonly T[], required = false): T | null | undefined {
    const v = this.raw(field);
    if (v === null) return required ? this.fail(field, 'is empty') : null;
    return (allowed as readonly string[]).includes(v)
      ? (v as T)
      : this.fail(field, `'${short(v)}' is not one of ${allowed.join(', ')}`);
  }

  /** A boolean written true/false, yes/no or 1/0. */
  bool(field: string): boolean | null | undefined {
    const v = this.raw(field);
    if (v === null) return null;
    if (/^(true|yes|1)$/i.test(v)) return true;
    if (/^(false|no|0)$/i.test(v)) return false;
    return this.fail(field, `'${short(v)}' is not true or false`);
  }
}

/** Parses the date forms the sources use; null when the text is not a valid date. */
export function parseDate(v: string): string | null {
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (m) {
    const [, y, mo, d] = m;
    if (mo && (Number(mo) < 1 || Number(mo) > 12)) return null;
    if (d && !validDay(Number(y), Number(mo), Number(d))) return null;
    return v;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) {
    const [, mo, d, y] = m;
    if (!validDay(Number(y), Number(mo), Number(d))) return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function pad(s: string): string {
  return s.padStart(2, '0');
}

/** `1997m1` (Stata monthly) to `1997-01`; null when the text is not of that form. */
export function stataMonth(v: string): string | null {
  const m = /^(\d{4})m(\d{1,2})$/.exec(v.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${pad(m[2])}`;
}

/** The month (YYYY-MM) of a date of any precision of at least a month. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

function short(v: string): string {
  return v.length > 40 ? `${v.slice(0, 37)}...` : v;
}
