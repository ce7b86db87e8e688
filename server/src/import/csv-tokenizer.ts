/** One record of a CSV file: its fields and the line where it ends (1-based; the header is line 1). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** A record the tokenizer cannot read: the rest of its line is skipped and reading goes on. */
export interface CsvBadRecord {
  line: number;
  reason: string;
}

/** What the tokenizer reads, in file order: a record or a bad record. */
export type CsvItem = CsvRecord | CsvBadRecord;

/** Thrown when a record grows past the longest the tokenizer accepts: the rest of the file cannot be read. */
export class CsvRecordTooLongError extends Error {
  override readonly name = 'CsvRecordTooLongError';
  constructor(
    /** The line where the record starts. */
    readonly line: number,
    readonly limit: number,
  ) {
    super(`a record longer than ${limit} characters starts on line ${line}`);
  }
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const enum State {
  /** At the start of a field (and of a record when no field is kept yet). */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the next character says whether it closes the field or is doubled. */
  QuoteInQuoted,
  /** The record is bad: skip to the end of its line. */
  Skip,
}

/**
 * An incremental RFC 4180 tokenizer: text in (any chunking), records out. Fields may be quoted (`""` is a
 * quote), quoted fields may hold delimiters and line breaks; records end at LF, CRLF or CR; empty lines are
 * skipped; a byte order mark at the start is dropped; no field is trimmed. A quote inside an unquoted field or
 * text after a closing quote makes the record bad (reported with its line, the rest of the line skipped); a
 * quote still open at the end of the text is reported for the line where its record starts.
 *
 * It keeps its state between chunks and reads each character once, so a 60 MB record costs what its length
 * does; a record longer than `maxRecordChars` stops it with CsvRecordTooLongError.
 */
export class CsvTokenizer {
  private state = State.FieldStart;
  private fields: string[] = [];
  /** The current field's text from earlier chunks or earlier segments (a doubled quote splits a field). */
  private pending = '';
  private line = 1;
  private recordStartLine = 1;
  private recordChars = 0;
  /** The last chunk ended with CR: an LF at the start of the next one belongs to the same line break. */
  private afterCr = false;
  private started = false;
  private badReason = '';
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
  ) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) === QUOTE || delimiter === '\n' || delimiter === '\r') {
      throw new Error(`delimiter not supported: ${JSON.stringify(delimiter)}`);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Reads a chunk of text; its complete records and bad records go to `out`, in file order. */
  push(chunk: string, out: CsvItem[]): void {
    let text = chunk;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let i = 0;
    let fieldStart = 0;
    if (this.afterCr && text.length) {
      this.afterCr = false;
      // The LF of a CRLF split between chunks: already counted; field text when inside quotes.
      if (text.charCodeAt(0) === LF) {
        i = 1;
        if (this.state !== State.Quoted) fieldStart = 1;
      }
    }
    const n = text.length;
    /** Where the current record starts in this chunk (0 when it started in an earlier one). */
    let recordStartIndex = fieldStart;
    const d = this.delimiter;
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            fieldStart = i + 1;
            break;
          }
          if (c === LF || c === CR) {
            if (this.fields.length === 0) {
              // An empty line: skipped.
              i = this.lineBreak(text, i);
              fieldStart = i;
              recordStartIndex = i;
              this.recordChars = 0;
              this.recordStartLine = this.line;
              continue;
            }
            this.fields.push('');
            this.emit(out, i - recordStartIndex);
            i = this.lineBreak(text, i);
            fieldStart = recordStartIndex = i;
            continue;
          }
          this.state = State.Unquoted;
          fieldStart = i;
          if (c === d) {
            this.fields.push('');
            this.state = State.FieldStart;
            fieldStart = i + 1;
          }
          break;
        case State.Unquoted:
          if (c === d) {
            this.fields.push(this.take(text, fieldStart, i));
            this.state = State.FieldStart;
            fieldStart = i + 1;
          } else if (c === LF || c === CR) {
            this.fields.push(this.take(text, fieldStart, i));
            this.emit(out, i - recordStartIndex);
            i = this.lineBreak(text, i);
            fieldStart = recordStartIndex = i;
            continue;
          } else if (c === QUOTE) {
            this.fail('has a quote (") inside a field that does not start with one');
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.pending += text.slice(fieldStart, i);
            this.state = State.QuoteInQuoted;
          } else if (c === LF || c === CR) {
            // A line break inside a quoted field is part of the field; it still counts as a line.
            if (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF) i += 1;
            else if (c === CR && i + 1 === n) this.afterCr = true;
            this.line += 1;
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // A doubled quote: one quote in the field.
            this.state = State.Quoted;
            fieldStart = i; // the second quote starts the next segment
          } else if (c === d) {
            this.fields.push(this.pending);
            this.pending = '';
            this.state = State.FieldStart;
            fieldStart = i + 1;
          } else if (c === LF || c === CR) {
            this.fields.push(this.pending);
            this.pending = '';
            this.emit(out, i - recordStartIndex);
            i = this.lineBreak(text, i);
            fieldStart = recordStartIndex = i;
            continue;
          } else {
            this.fail('has text after the closing quote of a field');
          }
          break;
        case State.Skip:
          if (c === LF || c === CR) {
            this.checkLength(i - recordStartIndex);
            out.push({ line: this.line, reason: this.badReason });
            this.reset();
            i = this.lineBreak(text, i);
            fieldStart = recordStartIndex = i;
            continue;
          }
          break;
      }
      i += 1;
    }
    // Keep the part of the current field that this chunk holds.
    if (this.state === State.Unquoted || this.state === State.Quoted) this.pending += text.slice(fieldStart, n);
    this.recordChars += n - recordStartIndex;
    this.checkLength();
  }

  /** Ends the text: the last record (without a final line break) goes to `out`, as a bad record when a quote is still open. */
  end(out: CsvItem[]): void {
    switch (this.state) {
      case State.Quoted:
        out.push({ line: this.recordStartLine, reason: 'the record has an unterminated quote (is the file truncated?)' });
        break;
      case State.Skip:
        out.push({ line: this.line, reason: this.badReason });
        break;
      case State.QuoteInQuoted:
        this.fields.push(this.pending);
        this.emit(out, 0);
        break;
      case State.Unquoted:
        this.fields.push(this.pending);
        this.emit(out, 0);
        break;
      case State.FieldStart:
        if (this.fields.length) {
          this.fields.push('');
          this.emit(out, 0);
        }
        break;
    }
    this.reset();
  }

  private take(text: string, from: number, to: number): string {
    if (!this.pending) return text.slice(from, to);
    const v = this.pending + text.slice(from, to);
    this.pending = '';
    return v;
  }

  /** Stops at a record longer than the limit (checked at each record's end and each chunk's end). */
  private checkLength(extra = 0): void {
    if (this.recordChars + extra > this.maxRecordChars) throw new CsvRecordTooLongError(this.recordStartLine, this.maxRecordChars);
  }

  private emit(out: CsvItem[], charsInChunk: number): void {
    this.checkLength(charsInChunk);
    out.push({ fields: this.fields, line: this.line });
    this.reset();
  }

  private fail(reason: string): void {
    this.badReason = reason;
    this.state = State.Skip;
  }

  private reset(): void {
    this.fields = [];
    this.pending = '';
    this.state = State.FieldStart;
    this.badReason = '';
  }

  /** Steps over the line break at `i` (LF, CRLF or CR), counts the line, and returns the index after it. */
  private lineBreak(text: string, i: number): number {
    this.line += 1;
    this.recordStartLine = this.line;
    this.recordChars = 0;
    if (text.charCodeAt(i) === CR) {
      if (i + 1 < text.length) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      this.afterCr = true;
    }
    return i + 1;
  }
}
