import { CsvRecordTooLongError, CsvTokenizer } from '../../server/src/import/csv-tokenizer';
import type { CsvItem } from '../../server/src/import/csv-tokenizer';

/** Tokenizes `text` cut into chunks of `size` characters (every size must give the same items). */
function tokenize(text: string, size = text.length || 1, max = 1_000_000): CsvItem[] {
  const t = new CsvTokenizer(',', max);
  const out: CsvItem[] = [];
  for (let i = 0; i < text.length; i += size) t.push(text.slice(i, i + size), out);
  t.end(out);
  return out;
}

/** The same items whatever the chunking: whole, one character at a time, and in chunks of 2, 3 and 7. */
function tokenizeEveryWay(text: string): CsvItem[] {
  const whole = tokenize(text);
  for (const size of [1, 2, 3, 7]) expect({ size, items: tokenize(text, size) }).toEqual({ size, items: whole });
  return whole;
}

describe('the CSV tokenizer of the importer', () => {
  it('reads plain, quoted and empty fields, with the line where each record ends', () => {
    expect(tokenizeEveryWay('a,b,c\n1,,3\n"x,y","",z\n')).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', '', '3'], line: 2 },
      { fields: ['x,y', '', 'z'], line: 3 },
    ]);
  });

  it('reads a doubled quote as one quote and keeps line breaks inside quotes, counting their lines', () => {
    expect(tokenizeEveryWay('a,b\n"he said ""hi""",2\n"one\r\ntwo\nthree",3\n4,5')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['he said "hi"', '2'], line: 2 },
      { fields: ['one\r\ntwo\nthree', '3'], line: 5 },
      { fields: ['4', '5'], line: 6 },
    ]);
  });

  it('ends records at LF, CRLF or CR, skips empty lines and drops a byte order mark', () => {
    expect(tokenizeEveryWay('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r5,6\n\n,\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 4 },
      { fields: ['5', '6'], line: 5 },
      { fields: ['', ''], line: 7 },
    ]);
  });

  it('reports a stray quote and text after a closing quote with their lines, and reads on from the next line', () => {
    const items = tokenizeEveryWay('a,b\n1,x"y\n2,3\n"q"r,4\n5,6\n');
    expect(items).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { line: 2, reason: 'has a quote (") inside a field that does not start with one' },
      { fields: ['2', '3'], line: 3 },
      { line: 4, reason: 'has text after the closing quote of a field' },
      { fields: ['5', '6'], line: 5 },
    ]);
  });

  it('reports a quote still open at the end for the line where its record starts', () => {
    expect(tokenizeEveryWay('a,b\n1,2\n3,"open\n4,5\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { line: 3, reason: 'the record has an unterminated quote (is the file truncated?)' },
    ]);
  });

  it('stops at a record longer than the limit, naming the line where it starts, whether or not it ends in the chunk', () => {
    const text = `a,b\n1,2\n3,${'x'.repeat(50)}\n4,5\n`;
    for (const size of [text.length, 8]) {
      expect(() => tokenize(text, size, 40)).toThrow(CsvRecordTooLongError);
      try {
        tokenize(text, size, 40);
      } catch (err) {
        expect((err as CsvRecordTooLongError).line).toBe(3);
      }
    }
    expect(tokenize(text, 8, 60)).toHaveLength(4);
  });

  it('refuses a delimiter it cannot tell from quotes or line breaks', () => {
    expect(() => new CsvTokenizer('"', 10)).toThrow(/delimiter not supported/);
    expect(() => new CsvTokenizer('\n', 10)).toThrow(/delimiter not supported/);
    expect(() => new CsvTokenizer(';;', 10)).toThrow(/delimiter not supported/);
  });
});
