/**
 * Settings (.ovms-lint.json: nearest file, extends, severities, options, ignores, waivers) and
 * inline suppressions, through lint() on in-memory deployments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allRules, buildReport, lint, memoryHost, type Report } from '../../core/src';
import type { GraphRule, Rule } from '../../core/src/rules/types';

const BAD_BATCH = '{"model_config_list": [{"config": {"name": "resnet", "base_path": "/models/resnet", "batch_size": "x"}}]}\n';
const GOOD = '{"model_config_list": [{"config": {"name": "resnet", "base_path": "/models/resnet"}}]}\n';

function run(files: Record<string, string>, inputs: string[], options: Parameters<typeof lint>[1] = {}): Report {
  const host = memoryHost(files);
  const result = lint(
    inputs.map((p) => ({ path: p, text: files[p]! })),
    { host, today: '2026-06-15', ...options },
  );
  expect(result.ruleFailures).toEqual([]);
  return buildReport(result);
}

function rows(report: Report): string[] {
  // The toy graphs here are not complete MediaPipe graphs; the graph-structure rules are not under test.
  return report.files.flatMap((f) =>
    f.diagnostics.filter((d) => !/^OVMS-(MP|GRAPH|LLM)-/.test(d.ruleId)).map((d) => `${f.path}:${d.line}:${d.column} ${d.ruleId} ${d.severity}${d.suppressed ? ` suppressed(${d.suppressed.kind}: ${d.suppressed.reason})` : ''}`),
  );
}

describe('settings files', () => {
  it('the nearest .ovms-lint.json applies, and only it (no implicit merge with parents)', () => {
    const files = {
      '/p/.ovms-lint.json': '{"rules": {"OVMS-CFG-006": "info"}}',
      '/p/a/.ovms-lint.json': '{"rules": {"config-field-type": "off"}}',
      '/p/a/config.json': BAD_BATCH,
      '/p/b/config.json': BAD_BATCH,
      '/q/config.json': BAD_BATCH,
    };
    const r = run(files, ['/p/a/config.json', '/p/b/config.json', '/q/config.json']);
    expect(rows(r)).toEqual(['/p/b/config.json:1:99 OVMS-CFG-006 info', '/q/config.json:1:99 OVMS-CFG-006 warning']);
    // the settings files in force join the run (clean ones are listed without findings)
    expect(r.files.map((f) => [f.path, f.kind])).toEqual([
      ['/p/a/config.json', 'ovms-config'],
      ['/p/b/config.json', 'ovms-config'],
      ['/q/config.json', 'ovms-config'],
      ['/p/a/.ovms-lint.json', 'settings'],
      ['/p/.ovms-lint.json', 'settings'],
    ]);
  });

  it('extends: the extended file first, the extending one wins; waivers and ignores add up', () => {
    const files = {
      '/base/org.json': '{"rules": {"OVMS-CFG-006": "info", "OVMS-CFG-003": "warning"}, "ignores": ["**/vendor/**"]}',
      '/p/.ovms-lint.json': '{"extends": "../base/org.json", "rules": {"OVMS-CFG-003": "error"}}',
      '/p/config.json': BAD_BATCH.replace('"batch_size"', '"target_devise": "CPU", "batch_size"'),
      '/p/vendor/config.json': BAD_BATCH,
    };
    const r = run(files, ['/p/config.json', '/p/vendor/config.json']);
    // the extended file's globs are relative to the extending file's directory
    expect(rows(r)).toEqual(['/p/config.json:1:85 OVMS-CFG-003 error', '/p/config.json:1:123 OVMS-CFG-006 info']);
  });

  it('reports an extends cycle in the settings file instead of looping', () => {
    const files = {
      '/p/.ovms-lint.json': '{"extends": "other.json"}',
      '/p/other.json': '{"extends": ".ovms-lint.json"}',
      '/p/config.json': GOOD,
    };
    const r = run(files, ['/p/config.json']);
    const cycle = r.files.flatMap((f) => f.diagnostics.map((d) => [f.path, d.ruleId, d.message]));
    expect(cycle).toHaveLength(1);
    expect(cycle[0]![0]).toMatch(/^\/p\/(\.ovms-lint|other)\.json$/);
    expect(cycle[0]![1]).toBe('OVMS-LINT-001');
    expect(cycle[0]![2]).toContain('"extends" forms a cycle');
  });

  it('severities given to lint() (the command line) win over the settings file', () => {
    const files = { '/p/.ovms-lint.json': '{"rules": {"OVMS-CFG-006": "off"}}', '/p/config.json': BAD_BATCH };
    expect(rows(run(files, ['/p/config.json']))).toEqual([]);
    expect(rows(run(files, ['/p/config.json'], { rules: { 'config-field-type': 'error' } }))).toEqual(['/p/config.json:1:99 OVMS-CFG-006 error']);
  });

  it('settings options reach the rules; options given to lint() win', () => {
    const seen: number[] = [];
    const probe: GraphRule = {
      target: 'graph',
      meta: { ...allRules[0]!.meta, id: 'OVMS-TEST-PROBE', name: 'probe' },
      check: (ctx) => void seen.push(ctx.options.cores),
    };
    withRule(probe, () => {
      const files = { '/p/.ovms-lint.json': '{"options": {"cores": 64}}', '/p/g.pbtxt': 'node {}\n', '/q/g.pbtxt': 'node {}\n' };
      run(files, ['/p/g.pbtxt', '/q/g.pbtxt']);
      run(files, ['/p/g.pbtxt'], { ruleOptions: { cores: 2 } });
    });
    expect(seen).toEqual([64, 8, 2]);
  });

  it('settings: false reads no settings file', () => {
    const files = { '/p/.ovms-lint.json': '{"rules": {"OVMS-CFG-006": "off"}}', '/p/config.json': BAD_BATCH };
    expect(rows(run(files, ['/p/config.json'], { settings: false }))).toEqual(['/p/config.json:1:99 OVMS-CFG-006 warning']);
  });
});

describe('waivers', () => {
  const settings = (waiver: object) => JSON.stringify({ waivers: [{ rule: 'OVMS-CFG-006', reason: 'set at deploy time', ...waiver }] });
  const check = (waiver: object, path = '/p/config.json') => {
    const files = { '/p/.ovms-lint.json': settings(waiver), [path]: BAD_BATCH };
    return run(files, [path]);
  };

  it('a waiver by JSON Pointer keeps the finding, marked suppressed, out of the summary', () => {
    const r = check({ files: 'config.json', pointer: '/model_config_list/0/config/batch_size' });
    expect(rows(r)).toEqual(['/p/config.json:1:99 OVMS-CFG-006 warning suppressed(waiver: set at deploy time)']);
    expect(r.summary).toEqual({ errors: 0, warnings: 0, infos: 0, files: 2 });
  });
  it('a pointer covers the subtree under it, and nothing else', () => {
    expect(rows(check({ pointer: '/model_config_list/0' }))[0]).toContain('suppressed');
    expect(rows(check({ pointer: '/model_config_list/1' }))[0]).not.toContain('suppressed');
    expect(rows(check({ pointer: '/model_config_list/0/config/batch' }))[0]).not.toContain('suppressed');
  });
  it('files globs are relative to the settings file and must match', () => {
    expect(rows(check({ files: ['deploy/**/*.json'] }, '/p/deploy/x/config.json'))[0]).toContain('suppressed');
    expect(rows(check({ files: 'other.json' }))[0]).not.toContain('suppressed');
    expect(rows(check({ files: '*.json' }, '/p/deep/er/config.json'))[0]).toContain('suppressed');
  });
  it('a waiver of another rule, or an expired one, waives nothing (and the expired one is reported)', () => {
    expect(rows(check({ rule: 'OVMS-CFG-003' }))).toEqual(['/p/config.json:1:99 OVMS-CFG-006 warning']);
    const r = check({ expires: '2026-06-14' });
    expect(rows(r)).toEqual(['/p/config.json:1:99 OVMS-CFG-006 warning', '/p/.ovms-lint.json:1:76 OVMS-LINT-003 warning']);
    expect(rows(check({ expires: '2026-06-15' }))[0]).toContain('suppressed'); // the last day still applies
  });
  it('a waiver without a reason still applies, and is reported', () => {
    const files = { '/p/.ovms-lint.json': '{"waivers": [{"rule": "OVMS-CFG-006"}]}', '/p/config.json': BAD_BATCH };
    expect(rows(run(files, ['/p/config.json']))).toEqual([
      '/p/config.json:1:99 OVMS-CFG-006 warning suppressed(waiver: (no reason given))',
      '/p/.ovms-lint.json:1:14 OVMS-LINT-002 warning',
    ]);
  });
  it('node and flag waivers match the finding key (a flag with or without dashes)', () => {
    const probe: GraphRule = {
      target: 'graph',
      meta: { ...allRules[0]!.meta, id: 'OVMS-TEST-PROBE', name: 'probe' },
      check: (ctx) => {
        ctx.report({ message: 'node', span: { start: 0, end: 4 }, key: 'llm' });
        ctx.report({ message: 'flag', span: { start: 5, end: 7 }, key: '--rest_port' });
      },
    };
    withRule(probe, () => {
      const files = {
        '/p/.ovms-lint.json': JSON.stringify({
          waivers: [
            { rule: 'OVMS-TEST-PROBE', node: 'llm', reason: 'a' },
            { rule: 'OVMS-TEST-PROBE', flag: 'rest_port', reason: 'b' },
          ],
        }),
        '/p/g.pbtxt': 'node {}\n',
      };
      expect(rows(run(files, ['/p/g.pbtxt']))).toEqual([
        '/p/g.pbtxt:1:1 OVMS-TEST-PROBE error suppressed(waiver: a)',
        '/p/g.pbtxt:1:6 OVMS-TEST-PROBE error suppressed(waiver: b)',
      ]);
    });
  });
});

describe('ignores', () => {
  it('drops the files they match', () => {
    const files = { '/p/.ovms-lint.json': '{"ignores": ["gen/", "*.old.json"]}', '/p/gen/config.json': BAD_BATCH, '/p/x/a.old.json': BAD_BATCH, '/p/config.json': BAD_BATCH };
    expect(rows(run(files, ['/p/gen/config.json', '/p/x/a.old.json', '/p/config.json']))).toEqual(['/p/config.json:1:99 OVMS-CFG-006 warning']);
  });
});

/** A graph/commands rule reporting every line containing BAD, to see suppressions work. */
const BAD_LINE: GraphRule = {
  target: 'graph',
  meta: { ...allRules[0]!.meta, id: 'OVMS-TEST-BAD', name: 'test-bad', severity: 'error', appliesTo: ['mediapipe-graph', 'command-lines'] },
  check: (ctx) => {
    for (const m of ctx.file.text.matchAll(/(?<=\s|--|")BAD\b/g)) ctx.report({ message: 'bad', span: { start: m.index!, end: m.index! + 3 } });
  },
};
const BAD_CMD = { ...BAD_LINE, target: 'commands' } as unknown as Rule;
const WORSE_LINE: GraphRule = {
  ...BAD_LINE,
  meta: { ...BAD_LINE.meta, id: 'OVMS-TEST-WORSE', name: 'test-worse' },
  check: (ctx) => {
    for (const m of ctx.file.text.matchAll(/(?<=")WORSE/g)) ctx.report({ message: 'worse', span: { start: m.index!, end: m.index! + 5 } });
  },
};

/** The text after applying a diagnostic's first fix (edits in this file only). */
function applyFixes(text: string, d: Report['files'][number]['diagnostics'][number]): string {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const at = (line: number, column: number) => starts[line - 1]! + column - 1;
  const edits = (d.fixes?.[0]?.edits ?? []).map((e) => ({ start: at(e.line, e.column), end: at(e.endLine, e.endColumn), newText: e.newText }));
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

let added: Rule[] = [];
function withRule<T>(rule: Rule, body: () => T): T {
  return withRules([rule], body);
}
function withRules<T>(rules: Rule[], body: () => T): T {
  (allRules as Rule[]).push(...rules);
  added.push(...rules);
  try {
    return body();
  } finally {
    for (const rule of rules) (allRules as Rule[]).splice((allRules as Rule[]).indexOf(rule), 1);
    added = added.filter((r) => !rules.includes(r));
  }
}
afterEach(() => expect(added).toEqual([]));

describe('inline suppressions', () => {
  const graph = [
    'node { calculator: "BAD" }', // 1
    '# ovms-lint-disable-next-line OVMS-TEST-BAD -- accepted for the demo', // 2
    '', // 3
    'node { calculator: "BAD" }', // 4 suppressed (the next non-blank line)
    'node { calculator: "BAD" }', // 5
    '# ovms-lint-disable-next-line test-bad -- by name', // 6
    '# another comment', // 7
    'node { calculator: "BAD" }', // 8 suppressed
  ].join('\n');

  it('disable-next-line suppresses the next statement, by id or name, with its reason', () => {
    withRule(BAD_LINE, () => {
      expect(rows(run({ '/g.pbtxt': graph }, ['/g.pbtxt']))).toEqual([
        '/g.pbtxt:1:21 OVMS-TEST-BAD error',
        '/g.pbtxt:4:21 OVMS-TEST-BAD error suppressed(inline: accepted for the demo)',
        '/g.pbtxt:5:21 OVMS-TEST-BAD error',
        '/g.pbtxt:8:21 OVMS-TEST-BAD error suppressed(inline: by name)',
      ]);
    });
  });

  it('disable runs from its line to the end of the file (ESLint): earlier lines stay, other rules stay', () => {
    withRule(BAD_LINE, () => {
      const text = 'node { calculator: "BAD" }\n# ovms-lint-disable OVMS-TEST-BAD, OVMS-CFG-006 -- generated file\nnode { calculator: "BAD" }\n';
      expect(rows(run({ '/g.pbtxt': text }, ['/g.pbtxt']))).toEqual([
        '/g.pbtxt:1:21 OVMS-TEST-BAD error',
        '/g.pbtxt:3:21 OVMS-TEST-BAD error suppressed(inline: generated file)',
      ]);
      const other = '# ovms-lint-disable OVMS-CFG-006 -- wrong rule\nnode { calculator: "BAD" }\n';
      expect(rows(run({ '/g.pbtxt': other }, ['/g.pbtxt']))).toEqual(['/g.pbtxt:2:21 OVMS-TEST-BAD error']);
    });
  });

  it('disable … enable: a range, ended by an enable of the same rule (id or name) or an enable without ids', () => {
    withRules([BAD_LINE, WORSE_LINE], () => {
      const text = [
        'node { calculator: "BAD" }', // 1
        '# ovms-lint-disable OVMS-TEST-BAD, test-worse -- vendored block', // 2
        'node { calculator: "BAD" input_stream: "WORSE" }', // 3 both suppressed
        '# ovms-lint-enable test-bad', // 4 ends BAD only (by name)
        'node { calculator: "BAD" input_stream: "WORSE" }', // 5 WORSE still off
        '# ovms-lint-enable', // 6 ends everything
        'node { calculator: "BAD" input_stream: "WORSE" }', // 7
        '# ovms-lint-disable -- every rule, unclosed', // 8
        'node { calculator: "BAD" input_stream: "WORSE" }', // 9 to the end of file
        '# ovms-lint-enable OVMS-TEST-BAD', // 10 does not end a disable without ids
        'node { calculator: "BAD" }', // 11
      ].join('\n');
      expect(rows(run({ '/g.pbtxt': text }, ['/g.pbtxt']))).toEqual([
        '/g.pbtxt:1:21 OVMS-TEST-BAD error',
        '/g.pbtxt:3:21 OVMS-TEST-BAD error suppressed(inline: vendored block)',
        '/g.pbtxt:3:41 OVMS-TEST-WORSE error suppressed(inline: vendored block)',
        '/g.pbtxt:5:21 OVMS-TEST-BAD error',
        '/g.pbtxt:5:41 OVMS-TEST-WORSE error suppressed(inline: vendored block)',
        '/g.pbtxt:7:21 OVMS-TEST-BAD error',
        '/g.pbtxt:7:41 OVMS-TEST-WORSE error',
        '/g.pbtxt:9:21 OVMS-TEST-BAD error suppressed(inline: every rule, unclosed)',
        '/g.pbtxt:9:41 OVMS-TEST-WORSE error suppressed(inline: every rule, unclosed)',
        '/g.pbtxt:11:21 OVMS-TEST-BAD error suppressed(inline: every rule, unclosed)',
      ]);
    });
  });

  it('range directives: a disable needs a reason, an enable does not; unknown ids in either are findings', () => {
    withRule(BAD_LINE, () => {
      const text = ['# ovms-lint-disable OVMS-TEST-BAD', 'node { calculator: "BAD" }', '# ovms-lint-enable OVMS-TEST-BAD, OVMS-NOPE-1', 'node { calculator: "BAD" }'].join('\n');
      expect(rows(run({ '/g.pbtxt': text }, ['/g.pbtxt']))).toEqual([
        '/g.pbtxt:1:3 OVMS-LINT-002 warning',
        '/g.pbtxt:2:21 OVMS-TEST-BAD error suppressed(inline: (no reason given))',
        '/g.pbtxt:3:35 OVMS-LINT-005 warning',
        '/g.pbtxt:4:21 OVMS-TEST-BAD error',
      ]);
    });
  });

  it('ranges in shell and Markdown comments', () => {
    withRule(BAD_CMD, () => {
      const sh = ['#!/bin/sh', 'ovms --BAD', '# ovms-lint-disable OVMS-TEST-BAD -- lab machines', 'ovms --BAD', 'ovms --BAD', '# ovms-lint-enable OVMS-TEST-BAD', 'ovms --BAD'].join('\n');
      expect(rows(run({ '/s.sh': sh }, ['/s.sh'])).filter((r) => r.includes('OVMS-TEST-BAD'))).toEqual([
        '/s.sh:2:8 OVMS-TEST-BAD error',
        '/s.sh:4:8 OVMS-TEST-BAD error suppressed(inline: lab machines)',
        '/s.sh:5:8 OVMS-TEST-BAD error suppressed(inline: lab machines)',
        '/s.sh:7:8 OVMS-TEST-BAD error',
      ]);
      const md = ['<!-- ovms-lint-disable OVMS-TEST-BAD -- examples of what not to do -->', '```sh', 'ovms --BAD', '```', '<!-- ovms-lint-enable -->', '```sh', 'ovms --BAD', '```'].join('\n');
      expect(rows(run({ '/README.md': md }, ['/README.md'])).filter((r) => r.includes('OVMS-TEST-BAD'))).toEqual([
        '/README.md:3:8 OVMS-TEST-BAD error suppressed(inline: examples of what not to do)',
        '/README.md:7:8 OVMS-TEST-BAD error',
      ]);
    });
  });

  it('shell: the next statement includes its continuation lines', () => {
    withRule(BAD_CMD, () => {
      const sh = ['#!/bin/sh', '# ovms-lint-disable-next-line OVMS-TEST-BAD -- lab machine', 'docker run openvino/model_server \\', '  --BAD \\', '  --BAD', 'ovms --BAD'].join('\n');
      // only the test rule: the real command rules also judge these lines
      expect(rows(run({ '/s.sh': sh }, ['/s.sh'])).filter((r) => r.includes('OVMS-TEST-BAD'))).toEqual([
        '/s.sh:4:5 OVMS-TEST-BAD error suppressed(inline: lab machine)',
        '/s.sh:5:5 OVMS-TEST-BAD error suppressed(inline: lab machine)',
        '/s.sh:6:8 OVMS-TEST-BAD error',
      ]);
    });
  });

  it('Markdown: <!-- --> comments, skipping the code fence opener', () => {
    withRule(BAD_CMD, () => {
      const md = ['# Deploy', '', '<!-- ovms-lint-disable-next-line OVMS-TEST-BAD -- docs example -->', '```sh', 'ovms --BAD', '```', '', '```sh', 'ovms --BAD', '```'].join('\n');
      expect(rows(run({ '/README.md': md }, ['/README.md'])).filter((r) => r.includes('OVMS-TEST-BAD'))).toEqual([
        '/README.md:5:8 OVMS-TEST-BAD error suppressed(inline: docs example)',
        '/README.md:9:8 OVMS-TEST-BAD error',
      ]);
    });
  });

  it('inlineConfig: false (--no-inline-config) ignores every directive, and noInlineConfig in settings too', () => {
    withRule(BAD_LINE, () => {
      const text = '# ovms-lint-disable-next-line OVMS-TEST-BAD\nnode { calculator: "BAD" }\n';
      expect(rows(run({ '/g.pbtxt': text }, ['/g.pbtxt'], { inlineConfig: false }))).toEqual(['/g.pbtxt:2:21 OVMS-TEST-BAD error']);
      const files = { '/p/.ovms-lint.json': '{"noInlineConfig": true}', '/p/g.pbtxt': text };
      expect(rows(run(files, ['/p/g.pbtxt']))).toEqual(['/p/g.pbtxt:2:21 OVMS-TEST-BAD error']);
    });
  });

  it('unused directives are reported only when asked, per rule id when some of the listed rules were used', () => {
    withRules([BAD_LINE, WORSE_LINE], () => {
      const text = '# ovms-lint-disable-next-line OVMS-TEST-BAD, OVMS-TEST-WORSE -- x\nnode { calculator: "BAD" }\n';
      expect(rows(run({ '/g.pbtxt': text }, ['/g.pbtxt']))).toEqual(['/g.pbtxt:2:21 OVMS-TEST-BAD error suppressed(inline: x)']);
      const r = run({ '/g.pbtxt': text }, ['/g.pbtxt'], { reportUnusedDisableDirectives: true });
      expect(rows(r)).toEqual(['/g.pbtxt:1:46 OVMS-LINT-004 warning', '/g.pbtxt:2:21 OVMS-TEST-BAD error suppressed(inline: x)']);
      // the safe fix takes the id out of the list, with the separator before it
      const d = r.files[0]!.diagnostics.find((x) => x.ruleId === 'OVMS-LINT-004')!;
      expect(d.message).toContain('OVMS-TEST-WORSE reports nothing on the next line');
      expect(applyFixes(text, d)).toBe('# ovms-lint-disable-next-line OVMS-TEST-BAD -- x\nnode { calculator: "BAD" }\n');
    });
  });

  it('an unused directive is reported once, with a safe fix removing its comment (the line when alone on it)', () => {
    withRules([BAD_LINE, WORSE_LINE], () => {
      const text = ['node { calculator: "BAD" }', '# ovms-lint-disable OVMS-TEST-WORSE -- stale', 'node { calculator: "BAD" }  # ovms-lint-disable-next-line test-worse -- stale too', 'node { calculator: "OK" }', '# ovms-lint-enable OVMS-TEST-BAD', ''].join('\n');
      const r = run({ '/g.pbtxt': text }, ['/g.pbtxt'], { reportUnusedDisableDirectives: true });
      expect(rows(r)).toEqual([
        '/g.pbtxt:1:21 OVMS-TEST-BAD error',
        '/g.pbtxt:2:3 OVMS-LINT-004 warning',
        '/g.pbtxt:3:21 OVMS-TEST-BAD error',
        '/g.pbtxt:3:31 OVMS-LINT-004 warning',
        '/g.pbtxt:5:3 OVMS-LINT-004 warning',
      ]);
      const fixed = r.files[0]!.diagnostics.filter((x) => x.ruleId === 'OVMS-LINT-004').map((d) => applyFixes(text, d).split('\n'));
      expect(fixed[0]).toEqual(['node { calculator: "BAD" }', 'node { calculator: "BAD" }  # ovms-lint-disable-next-line test-worse -- stale too', 'node { calculator: "OK" }', '# ovms-lint-enable OVMS-TEST-BAD', '']);
      expect(fixed[1]![2]).toBe('node { calculator: "BAD" }');
      expect(fixed[2]).toEqual(['node { calculator: "BAD" }', '# ovms-lint-disable OVMS-TEST-WORSE -- stale', 'node { calculator: "BAD" }  # ovms-lint-disable-next-line test-worse -- stale too', 'node { calculator: "OK" }', '']);
      expect(r.files[0]!.diagnostics.every((d) => d.ruleId !== 'OVMS-LINT-004' || d.fixes?.[0]?.safe === true)).toBe(true);
    });
  });

  it('a rule turned off, one that does not look at this kind of file, or one that failed never makes a directive unused', () => {
    withRules([BAD_LINE, WORSE_LINE], () => {
      const text = '# ovms-lint-disable OVMS-TEST-WORSE, OVMS-CFG-006 -- x\nnode { calculator: "BAD" }\n';
      const opts = { reportUnusedDisableDirectives: true };
      expect(rows(run({ '/g.pbtxt': text }, ['/g.pbtxt'], opts))).toEqual(['/g.pbtxt:1:21 OVMS-LINT-004 warning', '/g.pbtxt:2:21 OVMS-TEST-BAD error']);
      // OVMS-CFG-006 never runs on a graph; with OVMS-TEST-WORSE off nothing listed could have fired
      expect(rows(run({ '/g.pbtxt': text }, ['/g.pbtxt'], { ...opts, rules: { 'OVMS-TEST-WORSE': 'off' } }))).toEqual(['/g.pbtxt:2:21 OVMS-TEST-BAD error']);
      const files = { '/p/.ovms-lint.json': '{"reportUnusedDisableDirectives": true, "rules": {"test-worse": "off"}}', '/p/g.pbtxt': text };
      expect(rows(run(files, ['/p/g.pbtxt']))).toEqual(['/p/g.pbtxt:2:21 OVMS-TEST-BAD error']);
    });
  });

  it('unused waivers: reported in the settings file when a covered file was linted and the rules ran; silent otherwise', () => {
    const settings = (extra: string) =>
      `{"reportUnusedDisableDirectives": true${extra}, "waivers": [\n  {"rule": "OVMS-CFG-006", "files": "a/config.json", "reason": "r"},\n  {"rule": "OVMS-CFG-006", "files": "b/config.json", "reason": "r"}\n]}`;
    const files = { '/p/.ovms-lint.json': settings(''), '/p/a/config.json': BAD_BATCH, '/p/b/config.json': GOOD };
    expect(rows(run(files, ['/p/a/config.json', '/p/b/config.json']))).toEqual([
      '/p/a/config.json:1:99 OVMS-CFG-006 warning suppressed(waiver: r)',
      '/p/.ovms-lint.json:3:3 OVMS-LINT-004 warning',
    ]);
    // b/config.json not in the run: nothing is known about its waiver
    expect(rows(run(files, ['/p/a/config.json']))).toEqual(['/p/a/config.json:1:99 OVMS-CFG-006 warning suppressed(waiver: r)']);
    // the waived rule off: not unused; and not reported unless asked
    expect(rows(run({ ...files, '/p/.ovms-lint.json': settings(', "rules": {"OVMS-CFG-006": "off"}') }, ['/p/a/config.json', '/p/b/config.json']))).toEqual([]);
    expect(rows(run(files, ['/p/a/config.json', '/p/b/config.json'], { reportUnusedDisableDirectives: false }))).toEqual(['/p/a/config.json:1:99 OVMS-CFG-006 warning suppressed(waiver: r)']);
  });

  it('config.json has no comments, so nothing there is read as a directive', () => {
    const text = '{"model_config_list": [], "x": "# ovms-lint-disable OVMS-CFG-002 -- no"}\n';
    expect(rows(run({ '/config.json': text }, ['/config.json'])).some((r) => r.includes('OVMS-CFG-002 error') && !r.includes('suppressed'))).toBe(true);
  });
});
