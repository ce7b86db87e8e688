/**
 * Splits a Cypher script the way cypher-shell reads it: statements end at `;` outside strings, quoted names
 * and comments; lines that start with `:` are client commands (`:param`, `:params`, `:begin`...). Each item
 * keeps the line where it starts so that a failure can be reported with its line number.
 */
export type ScriptItem =
  | { kind: 'statement'; text: string; line: number }
  | { kind: 'param'; line: number; name?: string; expression: string }
  | { kind: 'command'; line: number; name: string; argument: string };

/** Raised for a script that cannot be split, such as an unterminated string. */
export class ScriptSyntaxError extends Error {
  override readonly name = 'ScriptSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function parseCypherScript(source: string): ScriptItem[] {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const items: ScriptItem[] = [];
  let current = '';
  let startLine = 0; // 0: no statement started
  let line = 1;
  let i = 0;
  let atLineStart = true;

  const flush = () => {
    const stmt = current.trim();
    if (stmt) items.push({ kind: 'statement', text: stmt, line: startLine });
    current = '';
    startLine = 0;
  };

  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];

    if (atLineStart && startLine === 0) {
      const rest = text.slice(i);
      const lead = /^[ \t]*/.exec(rest)?.[0] ?? '';
      if (rest[lead.length] === ':') {
        const end = text.indexOf('\n', i);
        const raw = text.slice(i + lead.length, end === -1 ? text.length : end).trim();
        items.push(parseClientCommand(raw, line));
        i = end === -1 ? text.length : end;
        continue;
      }
    }
    atLineStart = false;

    if (ch === '\n') {
      line += 1;
      atLineStart = true;
      current += ch;
      i += 1;
      continue;
    }
    if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) throw new ScriptSyntaxError('unterminated /* comment', line);
      line += countNewlines(text.slice(i, end));
      i = end + 2;
      current += ' ';
      continue;
    }
    if (/\s/.test(ch) === false && startLine === 0 && ch !== ';') startLine = line;
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = findClosingQuote(text, i, ch);
      if (end === -1) throw new ScriptSyntaxError(`unterminated ${ch === '`' ? 'quoted name' : 'string'}`, line);
      const chunk = text.slice(i, end + 1);
      line += countNewlines(chunk);
      current += chunk;
      i = end + 1;
      continue;
    }
    if (ch === ';') {
      flush();
      i += 1;
      continue;
    }
    current += ch;
    i += 1;
  }
  flush();
  return items;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n += 1;
  return n;
}

function findClosingQuote(text: string, start: number, quote: string): number {
  for (let j = start + 1; j < text.length; j += 1) {
    const c = text[j];
    if (quote !== '`' && c === '\\') {
      j += 1;
      continue;
    }
    if (c === quote) {
      if (quote === '`' && text[j + 1] === '`') {
        j += 1; // doubled backtick inside a quoted name
        continue;
      }
      return j;
    }
  }
  return -1;
}

function parseClientCommand(raw: string, line: number): ScriptItem {
  const m = /^:(\w+)\s*(.*)$/s.exec(raw);
  if (!m) throw new ScriptSyntaxError(`unreadable client command '${raw}'`, line);
  const name = m[1].toLowerCase();
  const arg = m[2].trim().replace(/;\s*$/, '');
  if (name === 'param' || name === 'params') {
    if (arg.startsWith('{')) return { kind: 'param', line, expression: arg };
    const arrow = /^`?([A-Za-z_][\w]*)`?\s*(=>|:)\s*(.+)$/s.exec(arg);
    if (!arrow) throw new ScriptSyntaxError(`':${name}' expects 'name => value' or a map, got '${arg}'`, line);
    return { kind: 'param', line, name: arrow[1], expression: arrow[3] };
  }
  return { kind: 'command', line, name, argument: arg };
}
