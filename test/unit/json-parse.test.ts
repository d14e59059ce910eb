import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../core/src/json/parse';
import { SourceFile } from '../../core/src/text/source';

function issues(text: string) {
  const f = new SourceFile('config.json', text);
  return parseStrictJson(text).issues.map((i) => {
    const p = f.positionAt(i.span.start);
    return [p.line, p.column, i.message.split(':')[0]];
  });
}

describe('strict JSON as OVMS reads it', () => {
  it('reports one finding for a trailing comma that closes a nested object on the next line', () => {
    expect(issues('{\n  "a": [\n    {"b": 1,\n    }\n  ]\n}')).toEqual([[3, 12, 'Trailing comma']]);
  });
  it('reports each of several independent mistakes', () => {
    expect(issues('{\n  // c\n  "a": \'x\',\n  "b": NaN\n}')).toEqual([
      [2, 3, 'Comments are not allowed'],
      [3, 8, 'Single-quoted strings are not JSON'],
      [4, 8, '`NaN` is not a JSON number'],
    ]);
  });
  it('rejects a byte order mark, leading zeros and raw tabs in strings', () => {
    expect(issues('\uFEFF{"a": 1}')).toEqual([[1, 1, 'The file starts with a UTF-8 byte order mark (BOM); OVMS reads config files as strict JSON and fails with "Invalid value". Save it as UTF-8 without BOM.']]);
    expect(issues('{"a": 01}')).toEqual([[1, 7, 'Numbers with leading zeros are not valid JSON.']]);
    expect(issues('{"a": "x\ty"}')).toEqual([[1, 9, 'Raw control character (tab or line break) inside a string']]);
  });
  it('reports an empty file', () => {
    expect(issues('')).toEqual([[1, 1, 'The file is empty; an OVMS config must be a JSON object.']]);
  });
});
