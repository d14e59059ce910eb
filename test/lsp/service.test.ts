/** The language service in-process: behaviour that is awkward to provoke over the wire. */
import { afterEach, describe, expect, test } from 'vitest';
import { memoryHost } from '../../core/src/host';
import { allRules } from '../../core/src/rules';
import type { Rule } from '../../core/src/rules/types';
import { LanguageService } from '../../core/src/service';

const config = '{ "model_config_list": [ { "config": { "name": "a", "base_path": "m" } } ], }';

describe('a failing rule', () => {
  const broken: Rule = {
    target: 'config',
    meta: {
      id: 'OVMS-TEST-999',
      name: 'always-throws',
      severity: 'error',
      impact: 'startup',
      tags: [],
      appliesTo: ['ovms-config'],
      title: 'Throws',
      description: 'A rule with a bug.',
      why: 'To test the server.',
      example: { language: 'json', invalid: '{}', valid: '{}' },
      fix: 'None.',
    },
    check: () => {
      throw new Error('boom');
    },
  };
  afterEach(() => {
    (allRules as Rule[]).splice(allRules.indexOf(broken), 1);
  });

  test('is logged once and the other findings are still reported', () => {
    (allRules as Rule[]).push(broken);
    const logs: string[] = [];
    const ls = new LanguageService({ host: memoryHost({}), log: (m) => logs.push(m) });
    ls.setDocument('/w/config.json', config, 1);
    const first = ls.doValidation('/w/config.json');
    ls.setDocument('/w/config.json', config + ' ', 2);
    const second = ls.doValidation('/w/config.json');
    expect(first.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['OVMS-SYNTAX-JSON', 0, config.lastIndexOf(',')]]);
    expect(second).toEqual(first);
    expect(logs).toEqual(['ovms-lint: rule OVMS-TEST-999 failed on /w/config.json: boom (the rule is skipped; please report this bug)']);
  });
});

describe('open editors win over the disk', () => {
  test('a config validated against the unsaved text of its graph', () => {
    const host = memoryHost({ '/w/config.json': config, '/w/g/graph.pbtxt': 'node {}' });
    const ls = new LanguageService({ host });
    expect(ls.workspace.text('/w/g/graph.pbtxt')).toBe('node {}');
    ls.setDocument('/w/g/graph.pbtxt', 'node { calculator: "X" }', 3);
    expect(ls.workspace.host.readFile('/w/g/graph.pbtxt')).toBe('node { calculator: "X" }');
    expect(ls.workspace.host.stat('/w/g/graph.pbtxt')).toEqual({ isFile: true, isDirectory: false, size: 24 });
    ls.closeDocument('/w/g/graph.pbtxt');
    expect(ls.workspace.host.readFile('/w/g/graph.pbtxt')).toBe('node {}');
  });

  test('the owner of a graph is found above it by content', () => {
    const host = memoryHost({
      '/w/config.json': '{ "mediapipe_config_list": [ { "name": "llm", "base_path": "models/llm" } ], "model_config_list": [] }',
      '/w/other.json': '{ "model_config_list": [ { "config": { "name": "x", "base_path": "y" } } ] }',
      '/w/models/llm/graph.pbtxt': 'node {}',
      '/w/models/llm/config.json': '{ "architectures": ["Qwen"] }',
    });
    const ls = new LanguageService({ host, roots: ['/w'] });
    ls.setDocument('/w/models/llm/graph.pbtxt', 'node {}', 1);
    const a = ls.validate('/w/models/llm/graph.pbtxt');
    expect([...a.deps]).toEqual(['/w/config.json']);
    ls.setDocument('/w/config.json', host.readFile('/w/config.json')!, 1);
    ls.validate('/w/config.json');
    expect(ls.dependents('/w/models/llm/graph.pbtxt')).toEqual(['/w/config.json']);
    expect(ls.dependents('/w/config.json')).toEqual(['/w/models/llm/graph.pbtxt']);
  });
});

describe('memory of open documents', () => {
  test('only the most recently used parses are kept; the others are parsed again, identically', () => {
    const ls = new LanguageService({ host: memoryHost({}) });
    const paths = Array.from({ length: 20 }, (_, i) => `/w/d${i}/graph.pbtxt`);
    for (const [i, p] of paths.entries()) ls.setDocument(p, `node {\n  name: "n${i}"\n  calculator: "PassThroughCalculator"\n}\n`, 1);
    const first = paths.map((p) => ls.workspace.parsed(p)!);
    // the 16 most recent are the same objects; the 4 oldest were dropped and come back re-parsed
    const again = [...paths].reverse().map((p) => ls.workspace.parsed(p)!).reverse();
    expect(again.slice(0, 4).every((d, i) => d !== first[i])).toBe(true);
    expect(again.slice(4).every((d, i) => d === first[i + 4])).toBe(true);
    expect(again.map((d) => d.kind === 'mediapipe-graph' && d.ast.root.fields[0]!.name)).toEqual(paths.map(() => 'node'));
    // an edit drops the parse of that document only
    ls.setDocument(paths[19]!, 'input_stream: "a"\n', 2);
    const edited = ls.workspace.parsed(paths[19]!)!;
    expect(edited.kind === 'mediapipe-graph' && edited.ast.root.fields[0]!.name).toBe('input_stream');
    expect(ls.workspace.parsed(paths[3]!)).toBe(again[3]);
  });
});
