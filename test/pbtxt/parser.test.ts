/**
 * The text-format parser against every construct of reference mediapipe-graphs.md §1: each test
 * asserts the tree or the exact error position.
 */
import { describe, expect, it } from 'vitest';
import type { PbField, PbList, PbMessage, PbScalar } from '../../core/src/pbtxt/ast';
import { MAX_NESTING, parsePbtxt } from '../../core/src/pbtxt/parser';
import { isEmptyString, ScalarNode } from '../../core/src/pbtxt/nodes';

const fields = (t: string) => parsePbtxt(t).root.fields;
const field = (t: string, i = 0) => fields(t)[i]!;
const scalar = (t: string) => field(t).value as PbScalar;
const errors = (t: string) => parsePbtxt(t).errors.map((e) => ({ at: t.slice(e.span.start, e.span.end), start: e.span.start, message: e.message }));
const ok = (t: string) => expect(parsePbtxt(t).errors).toEqual([]);
const msg = (f: PbField) => f.value as PbMessage;

describe('comments and whitespace', () => {
  it('keeps # comments with spans, anywhere between tokens', () => {
    const t = '# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO\na: # inline\n 1 # after\n';
    const d = parsePbtxt(t);
    expect(d.errors).toEqual([]);
    expect(d.comments.map((c) => c.text)).toEqual([' OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO', ' inline', ' after']);
    expect(d.comments[1]!.span).toEqual({ start: 37, end: 45 });
    expect((d.root.fields[0]!.value as PbScalar).value).toBe(1);
  });
  it('accepts non-ASCII inside comments', () => ok('# ünïcödé ✓\na: 1'));
  it('treats CR, tab, vertical tab and form feed as whitespace (CRLF files)', () => ok('a: 1\r\nb:\t2\v\fc: 3\r\n'));
  it('rejects // comments at the first slash', () => {
    expect(errors('a: 1\n// x\nb: 2')).toEqual([{ at: '//', start: 5, message: expect.stringContaining('"//" and "/*" are not comments') }]);
    expect(fields('a: 1\n// x\nb: 2').map((f) => f.name)).toEqual(['a', 'b']);
  });
  it('rejects /* */ comments', () => expect(errors('/* x */ a: 1')[0]).toMatchObject({ at: '/*', start: 0 }));
  it('reports control characters outside strings', () => expect(errors('a: 1\u0001 b: 2')).toEqual([{ at: '\u0001', start: 4, message: 'Invalid control characters encountered in text.' }]));
  it('a NUL byte ends a comment and is then an error', () => {
    expect(errors('# c\u0000 b: 2')).toEqual([{ at: '\u0000', start: 3, message: 'Invalid control characters encountered in text.' }]);
    expect(field('# c\u0000 b: 2').name).toBe('b');
  });
});

describe('non-ASCII outside strings and comments', () => {
  it('rejects a UTF-8 byte order mark', () => expect(errors('\uFEFFa: 1')[0]).toEqual({ at: '\uFEFF', start: 0, message: 'Interpreting non ascii codepoint 239.' }));
  it('rejects a non-ASCII letter in a field name', () => expect(errors('nöde {}')[0]).toMatchObject({ at: 'ö', start: 1, message: 'Interpreting non ascii codepoint 195.' }));
  it('accepts non-ASCII inside strings', () => expect(scalar('a: "日本"').value).toBe('日本'));
});

describe('field names and delimiters', () => {
  it('parses a message with {} and with <>, with and without ":"', () => {
    for (const t of ['node { a: 1 }', 'node: { a: 1 }', 'node < a: 1 >', 'node: < a: 1 >']) {
      ok(t);
      const m = msg(field(t));
      expect(m.fields[0]!.name).toBe('a');
      expect(t.slice(m.open!.start, m.close!.end)).toBe(t.slice(t.search(/[{<]/)));
    }
  });
  it('records exact spans for name, colon, value and field', () => {
    const t = '  calculator: "X"  ';
    const f = field(t);
    expect(f).toMatchObject({ name: 'calculator', nameSpan: { start: 2, end: 12 }, colon: { start: 12, end: 13 }, span: { start: 2, end: 17 } });
    expect((f.value as PbScalar).span).toEqual({ start: 14, end: 17 });
  });
  it('keeps exact spans when the colon or a bracketed name is very far from the name start', () => {
    // the tree packs short distances into one number; these exceed its bits
    const gap = ' '.repeat(20_000);
    const t = `a${gap}: 1\nnode_options { [type.googleapis.com/${gap}m.X]${gap}: { b: 2 } }`;
    const a = field(t, 0);
    expect(a.nameSpan).toEqual({ start: 0, end: 1 });
    expect(a.colon).toEqual({ start: 20_001, end: 20_002 });
    const any = msg(field(t, 1)).fields[0]!;
    const open = t.indexOf('[');
    const close = t.indexOf(']');
    expect(any).toMatchObject({ bracketed: 'any', nameSpan: { start: open, end: close + 1 }, colon: { start: close + 1 + 20_000, end: close + 2 + 20_000 } });
    // a separator away from the field's end is kept aside too
    const seps = 'a: 1   ;\nb { }, c: "x"\n\n,';
    expect(fields(seps).map((f) => f.separator)).toEqual([{ start: 7, end: 8 }, { start: 14, end: 15 }, { start: 24, end: 25 }]);
    expect(field('[m.ext] { }').bracketed).toBe('extension');
    expect(field('a { }')).toMatchObject({ bracketed: undefined, colon: undefined });
  });
  it('keeps the exact span of a scalar longer than the bits that pack its length (2^23 characters)', () => {
    const long = 'y'.repeat(2 ** 23 + 5);
    const t = `a: -7\nb: "${long}" ;\nc: 'q' 'r'`;
    const [a, b, c] = fields(t);
    expect([(a!.value as PbScalar).span, (a!.value as PbScalar).raw, a!.span]).toEqual([{ start: 3, end: 5 }, '7', { start: 0, end: 5 }]);
    const v = b!.value as PbScalar;
    expect(v.span).toEqual({ start: 9, end: 9 + long.length + 2 });
    expect([v.raw.length, (v.value as string).length, b!.separator]).toEqual([long.length + 2, long.length, { start: 9 + long.length + 3, end: 9 + long.length + 4 }]);
    expect((c!.value as PbScalar).parts).toEqual([{ start: t.length - 7, end: t.length - 4 }, { start: t.length - 3, end: t.length }]);
  });
  it('rejects a closer that does not match the opener', () => {
    expect(errors('node { a: 1 >')).toEqual([{ at: '>', start: 12, message: expect.stringContaining('Expected "}"') }]);
  });
  it('reports an unclosed message at its opener', () => {
    expect(errors('node {\n  a: 1\n')).toEqual([{ at: '{', start: 5, message: expect.stringContaining('never closed') }]);
  });
  it('reports a stray closing brace at top level and goes on', () => {
    expect(errors('a: 1 } b: 2')).toEqual([{ at: '}', start: 5, message: expect.stringContaining('no open message') }]);
    expect(fields('a: 1 } b: 2').map((f) => f.name)).toEqual(['a', 'b']);
  });
  it('accepts key:value without spaces', () => expect(scalar('max_num_seqs:256').value).toBe(256));
  it('rejects a scalar without ":"', () => expect(errors('a 1')).toEqual([{ at: '1', start: 2, message: expect.stringContaining('Expected ":" or "{"') }]));
  it('rejects a field with no value', () => expect(errors('n { a: }')).toEqual([{ at: '}', start: 7, message: expect.stringContaining('Expected a value for field "a"') }]));
  it('rejects field numbers as names', () => expect(errors('7: "x"')[0]).toMatchObject({ at: '7', start: 0, message: expect.stringContaining('Expected a field name') }));
});

describe('separators', () => {
  it('swallows one "," or ";" after a field', () => {
    const t = 'a: 1, b: 2; c { d: 3, }';
    ok(t);
    expect(fields(t).map((f) => [f.name, f.separator && t.slice(f.separator.start, f.separator.end)])).toEqual([
      ['a', ','],
      ['b', ';'],
      ['c', undefined],
    ]);
  });
  it('rejects two separators', () => expect(errors('a: 1,, b: 2')).toEqual([{ at: ',', start: 5, message: expect.stringContaining('Expected a field name') }]));
  it('rejects a separator right after an Any expansion (protobuf 3.19)', () => {
    const t = 'node_options { [type.googleapis.com/m.X] { a: 1 }, }';
    expect(errors(t)).toEqual([{ at: ',', start: 49, message: expect.stringContaining('Any expansion') }]);
  });
  it('accepts a separator after the message holding an Any expansion', () => ok('node_options { [type.googleapis.com/m.X] { a: 1 } },'));
});

describe('lists', () => {
  it('parses lists of scalars', () => {
    const v = field('a: [1, -2, "x"]').value as PbList;
    expect(v.items.map((i) => (i as PbScalar).value)).toEqual([1, 2, 'x']);
    expect((v.items[1] as PbScalar).negative).toBe(true);
  });
  it('parses lists of messages with and without ":"', () => {
    for (const t of ['a [ {b: 1}, <b: 2> ]', 'a: [{b: 1}, {b: 2}]']) {
      ok(t);
      expect((field(t).value as PbList).items.map((m) => (m as PbMessage).fields[0]!.name)).toEqual(['b', 'b']);
    }
  });
  it('accepts empty lists', () => {
    ok('a: []');
    ok('a []');
    expect((field('a: []').value as PbList).items).toEqual([]);
  });
  it('rejects a trailing comma in a list', () => expect(errors('a: [1,]')).toEqual([{ at: ']', start: 6, message: expect.stringContaining('may not end with a comma') }]));
  it('rejects a missing comma in a list', () => expect(errors('a: [1 2]')).toEqual([{ at: '2', start: 6, message: expect.stringContaining('Expected "," or "]"') }]));
  it('rejects mixing values and messages', () => expect(errors('a: [1, {}]')).toEqual([{ at: '{', start: 7, message: expect.stringContaining('not both') }]));
  it('rejects a list of values without ":"', () => expect(errors('a [1]')).toEqual([{ at: '[', start: 2, message: expect.stringContaining('Expected ":" before a list') }]));
  it('allows a space before ":" and a list (corpus: input_order_list :["a"])', () => ok('input_order_list :["a"]'));
  it('reports an unclosed list at its "["', () => {
    expect(errors('a: [1, 2')).toEqual([{ at: '[', start: 3, message: expect.stringContaining('never closed') }]);
    expect(errors('a: [1, ')).toEqual([{ at: '[', start: 3, message: expect.stringContaining('never closed') }]);
  });
});

describe('strings', () => {
  it('single and double quotes, the other quote inside unescaped', () => {
    expect(scalar(`a: 'say "hi"'`).value).toBe('say "hi"');
    expect(scalar(`a: "it's"`).value).toBe("it's");
  });
  it('concatenates adjacent literals across whitespace and comments, mixing quotes', () => {
    const s = scalar(`a: "x" # c\n 'y' "z"`);
    expect(s.value).toBe('xyz');
    expect(s.parts).toEqual([
      { start: 3, end: 6 },
      { start: 12, end: 15 },
      { start: 16, end: 19 },
    ]);
    expect(s.raw).toBe(`"x" # c\n 'y' "z"`);
  });
  it('decodes simple escapes', () => expect(scalar(String.raw`a: "\a\b\f\n\r\t\v\\\?\'\""`).value).toBe('\x07\b\f\n\r\t\v\\?\'"'));
  it('decodes octal escapes of 1-3 digits', () => {
    expect(Array.from(scalar(String.raw`a: "\0\12\101\1011"`).bytes!)).toEqual([0, 10, 65, 65, 49]);
    expect(Array.from(scalar(String.raw`a: "\777"`).bytes!)).toEqual([0xff]);
  });
  it('decodes hex escapes of 1-2 digits', () => expect(scalar(String.raw`a: "\x41\x4\x213"`).value).toBe('A\x04!3'));
  it('decodes \\u and \\U as UTF-8 and pairs surrogates', () => {
    expect(scalar(String.raw`a: "\u00e9\U0001F600"`).value).toBe('é😀');
    expect(scalar(String.raw`a: "\ud83d\ude00"`).value).toBe('😀');
    expect(Array.from(scalar(String.raw`a: "\ud800"`).bytes!)).toEqual([0xed, 0xa0, 0x80]);
  });
  it('keeps \\U above 0x10FFFF as literal text', () => expect(scalar(String.raw`a: "\U001fffff"`).value).toBe('\\U001fffff'));
  it('rejects a raw newline inside a string, on the string', () =>
    expect(errors('a: "abc\nb: 1')).toEqual([{ at: '"abc', start: 3, message: expect.stringContaining('cannot cross line boundaries') }]));
  it('rejects an unterminated string at end of file', () => expect(errors('a: "abc')).toEqual([{ at: '"abc', start: 3, message: 'Unexpected end of string.' }]));
  it('accepts raw tabs and CR inside a string', () => expect(scalar('a: "x\ty\rz"').value).toBe('x\ty\rz'));
  it('rejects invalid escapes at the backslash', () => {
    expect(errors(String.raw`a: "\q"`)).toEqual([{ at: '\\q', start: 4, message: 'Invalid escape sequence in string literal.' }]);
    expect(errors(String.raw`a: "\X41"`)[0]).toMatchObject({ start: 4, message: 'Invalid escape sequence in string literal.' });
  });
  it('rejects \\x without digits, short \\u, bad \\U', () => {
    expect(errors(String.raw`a: "\xg"`)).toEqual([{ at: '\\x', start: 4, message: 'Expected hex digits for escape sequence.' }]);
    expect(errors(String.raw`a: "\u12"`)).toEqual([{ at: '\\u12', start: 4, message: 'Expected four hex digits for \\u escape sequence.' }]);
    expect(errors(String.raw`a: "\U00200000"`)).toEqual([{ at: '\\U00', start: 4, message: expect.stringContaining('Expected eight hex digits') }]);
  });
});

describe('numbers', () => {
  const num = (t: string) => {
    const s = scalar(`a: ${t}`);
    return [s.value, s.numberKind, !!s.negative];
  };
  it('decimal, hex, octal integers', () => {
    expect(num('42')).toEqual([42, 'integer', false]);
    expect(num('0x1F')).toEqual([31, 'integer', false]);
    expect(num('0X1f')).toEqual([31, 'integer', false]);
    expect(num('017')).toEqual([15, 'integer', false]);
    expect(num('0')).toEqual([0, 'integer', false]);
  });
  it('floats: fraction, leading/trailing dot, exponent, f suffix', () => {
    expect(num('1.5')).toEqual([1.5, 'float', false]);
    expect(num('.5')).toEqual([0.5, 'float', false]);
    expect(num('5.')).toEqual([5, 'float', false]);
    expect(num('1e3')).toEqual([1000, 'float', false]);
    expect(num('2E-2')).toEqual([0.02, 'float', false]);
    expect(num('10f')).toEqual([10, 'float', false]);
    expect(num('1.0F')).toEqual([1, 'float', false]);
  });
  it('negatives: "-" is its own token; whitespace and comments may follow it', () => {
    expect(num('-7')).toEqual([7, 'integer', true]);
    const s = scalar('a: - # c\n 0x10');
    expect([s.value, s.negative, s.span]).toEqual([16, true, { start: 3, end: 14 }]);
  });
  it('inf / nan are identifiers, with an optional "-"', () => {
    expect(scalar('a: -inf')).toMatchObject({ token: 'identifier', value: 'inf', negative: true });
    expect(scalar('a: nan')).toMatchObject({ token: 'identifier', value: 'nan' });
  });
  it('rejects a letter right after a number', () => {
    expect(errors('a: 10abc')[0]).toEqual({ at: 'a', start: 5, message: 'Need space between number and identifier.' });
    expect(errors('a: 01f')[0]).toEqual({ at: 'f', start: 5, message: 'Need space between number and identifier.' });
  });
  it('0x1f is hex, not a float', () => expect(num('0x1f')).toEqual([31, 'integer', false]));
  it('rejects 0x without digits, 8/9 in octal, a second point, a point after hex', () => {
    expect(errors('a: 0x')[0]).toMatchObject({ start: 5, message: '"0x" must be followed by hex digits.' });
    expect(errors('a: 089')[0]).toMatchObject({ at: '8', start: 4, message: 'Numbers starting with leading zero must be in octal.' });
    expect(errors('a: 1.5.2')[0]).toMatchObject({ at: '.', start: 6, message: "Already saw decimal point or exponent; can't have another one." });
    expect(errors('a: 0x1.5')[0]).toMatchObject({ at: '.', start: 6, message: 'Hex and octal numbers must be integers.' });
  });
  it('rejects an exponent without digits', () => expect(errors('a: 1e')[0]).toMatchObject({ start: 5, message: '"e" must be followed by exponent.' }));
  it('rejects an identifier touching a decimal point', () => expect(errors('a: x.5')[0]).toMatchObject({ at: '.', start: 4, message: 'Need space between identifier and decimal point.' }));
  it('rejects "-" before a string', () => expect(errors('a: -"x"')).toEqual([{ at: '"x"', start: 4, message: expect.stringContaining('Expected a number after "-"') }]));
});

describe('identifiers: bools and enums', () => {
  it('keeps bool and enum words as identifiers', () => {
    for (const w of ['true', 'false', 't', 'f', 'True', 'False', 'LAST', 'INTERSECTION_OVER_UNION']) expect(scalar(`a: ${w}`)).toMatchObject({ token: 'identifier', value: w });
  });
});

describe('extensions and Any', () => {
  it('parses an extension name', () => {
    const f = field('[mediapipe.SyncSetInputStreamHandlerOptions.ext] { sync_set {} }');
    expect(f).toMatchObject({ name: 'mediapipe.SyncSetInputStreamHandlerOptions.ext', bracketed: 'extension', nameSpan: { start: 0, end: 48 } });
  });
  it('parses an Any type URL with spaces and comments around "/" and "."', () => {
    const t = '[type.googleapis.com / mediapipe . LLMCalculatorOptions]: { models_path: "./" }';
    ok(t);
    expect(field(t)).toMatchObject({ name: 'type.googleapis.com/mediapipe.LLMCalculatorOptions', bracketed: 'any' });
  });
  it('requires a message after an Any URL', () => expect(errors('[type.googleapis.com/a.B]: 1')).toEqual([{ at: '1', start: 27, message: expect.stringContaining('must be a message') }]));
  it('rejects junk inside brackets', () => {
    expect(errors('[a.b c] {}')[0]).toMatchObject({ at: 'c', start: 5, message: 'Expected "]", found "c".' });
    expect(errors('[] {}')[0]).toMatchObject({ at: ']', start: 1 });
    expect(errors('[a/b/c] {}')[0]).toMatchObject({ at: '/', start: 4 });
  });
});

describe('tolerance', () => {
  it('reports several errors and keeps the rest of the tree', () => {
    const t = 'node {\n  a: 1 2\n  b: "x\n  c: 3\n}\nnode { d: 4 }\n';
    const d = parsePbtxt(t);
    expect(d.errors.map((e) => e.span.start)).toEqual([14, 21]);
    expect(d.root.fields.map((f) => f.name)).toEqual(['node', 'node']);
    expect(msg(d.root.fields[0]!).fields.map((f) => f.name)).toEqual(['a', 'b', 'c']);
    expect(msg(d.root.fields[1]!).fields.map((f) => f.name)).toEqual(['d']);
  });
  it('never throws on garbage', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
    const alphabet = 'ab:{}<>[],;"\'\\#/-.0x1e9f \n\tü\u0000';
    for (let k = 0; k < 500; k++) {
      let s = '';
      for (let j = rnd() % 80; j > 0; j--) s += alphabet[rnd() % alphabet.length];
      expect(() => parsePbtxt(s)).not.toThrow();
    }
  });
  it('handles 100,000 nested messages without recursion (one error past the limit)', () => {
    const depth = 100_000;
    const t = 'a {'.repeat(depth) + '}'.repeat(depth);
    const d = parsePbtxt(t);
    expect(d.errors).toEqual([{ span: { start: 3 * (MAX_NESTING - 1) + 2, end: 3 * (MAX_NESTING - 1) + 3 }, message: expect.stringContaining(`more than ${MAX_NESTING} levels`) }]);
  });
  it('handles 100,000 unclosed messages and lists', () => {
    expect(parsePbtxt('a {'.repeat(100_000)).errors.map((e) => e.message)).toEqual([
      expect.stringContaining('never closed'),
      expect.stringContaining(`more than ${MAX_NESTING} levels`),
    ]);
    expect(parsePbtxt('a: ['.repeat(100_000)).errors.length).toBeGreaterThan(0);
  });
  it('ends every field of unclosed messages at the end of the file, also past the nesting limit', () => {
    const t = 'a {'.repeat(MAX_NESTING + 3);
    let f: PbField | undefined = parsePbtxt(t).root.fields[0];
    let depth = 0;
    for (; f; depth++) {
      expect(f.span, `depth ${depth}`).toEqual({ start: 3 * depth, end: t.length });
      f = (f.value as PbMessage).fields[0];
    }
    expect(depth).toBe(MAX_NESTING);
  });
  it('parses a 10 MB graph', () => {
    const node = 'node {\n  calculator: "X"\n  input_stream: "A:a"\n  output_stream: "B:b"\n  node_options { [type.googleapis.com/m.O] { x: 1.5 y: [1, 2] } }\n}\n';
    const t = node.repeat(Math.ceil(10_000_000 / node.length));
    const d = parsePbtxt(t);
    expect(d.errors).toEqual([]);
    expect(d.root.fields.length).toBe(Math.ceil(10_000_000 / node.length));
  });
});

describe('plain string literals', () => {
  const scalars = (text: string) => parsePbtxt(text).root.fields.map((f) => f.value as PbScalar);

  it('tell an empty value without making it, and agree with the value for every form of string', () => {
    const text = `a: ""\nb: ''\nc: "x"\nd: "" ""\ne: "\\x00"\nf: "\\""\ng: "" "y"\nh: x\ni: 0\nj: "x\nk: "\nl: "x'`;
    const got = scalars(text).map((s) => [isEmptyString(s), s instanceof ScalarNode ? s.plainSource !== undefined : 'no node']);
    expect(got).toEqual([
      [true, true],
      [true, true],
      [false, true],
      [true, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      // unclosed literals (the lexer ends them at the end of the line): not plain
      [false, false],
      [true, false],
      [false, false],
    ]);
    // the answer never depends on whether the value was read first
    for (const s of scalars(text)) {
      void s.value;
      expect(isEmptyString(s)).toBe(s.value === '');
    }
  });
});

describe('bracketed names', () => {
  it('are the tokens joined without blanks or comments, however they are written', () => {
    const t = 'a { [x.y.ext] { } [x . y.ext] { } [x.# note\n y .ext] { } }\nb { [type.googleapis.com/m.X] { } [type.googleapis.com / m.X] { } [ type.googleapis.com/m.X ] { } }';
    const [a, b] = fields(t).map((f) => msg(f).fields);
    expect(a!.map((f) => [f.name, f.bracketed])).toEqual(Array(3).fill(['x.y.ext', 'extension']));
    expect(b!.map((f) => [f.name, f.bracketed])).toEqual(Array(3).fill(['type.googleapis.com/m.X', 'any']));
    expect(a![0]!.nameSpan).toEqual({ start: 4, end: 13 });
  });
});
