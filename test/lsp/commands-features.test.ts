/** Editor features on OVMS command lines (shell scripts), through the language service. */
import { describe, expect, test } from 'vitest';
import { memoryHost } from '../../core/src/host';
import { LanguageService } from '../../core/src/service';

const S = '/w/start.sh';
const script = [
  '#!/usr/bin/env bash',
  'docker run -d -p 127.0.0.1:8000:8000 --read-only openvino/model_server:2026.3 \\',
  '  --config_path /workspace/config.json \\',
  '  --rest_port 8000 --log_level DEBUG',
  '',
].join('\n');

function service(text: string) {
  const ls = new LanguageService({ host: memoryHost({ [S]: text }) });
  ls.setDocument(S, text, 1);
  return ls;
}

describe('OVMS flags', () => {
  test('hover on a flag gives its type, default, values and meaning', () => {
    const ls = service(script);
    const h = ls.doHover(S, { line: 3, character: 22 })!;
    // the flag's facts, then the finding on it (hover on a finding)
    expect(h.contents.value.startsWith('**`--log_level`** (string; default: INFO; since 2023.0)\n\nlog level\n\nValues: `TRACE`, `DEBUG`, `INFO`, `WARNING`, `ERROR`\n\n---\n\n**OVMS-SEC-031** `debug-logs-requests`')).toBe(true);
    expect(h.range).toEqual({ start: { line: 3, character: 19 }, end: { line: 3, character: 30 } });
    expect(ls.doHover(S, { line: 1, character: 3 })).toBeUndefined();
  });

  test('completes flag names the command does not have yet', () => {
    const text = script.replace('--log_level DEBUG', '--log_level DEBUG --rest_w');
    const ls = service(text);
    const items = ls.doComplete(S, { line: 3, character: text.split('\n')[3]!.length }).items;
    const labels = items.map((i) => i.label);
    expect(labels).toContain('--rest_workers');
    expect(labels).toContain('--port');
    expect(labels).not.toContain('--rest_port'); // already given
    expect(labels).not.toContain('--log_level');
    const rw = items.find((i) => i.label === '--rest_workers')!;
    expect(rw.textEdit!.range).toEqual({ start: { line: 3, character: 37 }, end: { line: 3, character: 45 } });
  });

  test('completes the values of a flag OVMS checks against a list', () => {
    const text = script.replace('--log_level DEBUG', '--log_level ');
    const ls = service(text);
    const items = ls.doComplete(S, { line: 3, character: text.split('\n')[3]!.length }).items;
    expect(items.map((i) => i.label)).toEqual(['TRACE', 'DEBUG', 'INFO', 'WARNING', 'ERROR']);
  });

  test('suppression comment for a command-line finding', () => {
    const bad = script.replace('--log_level DEBUG', '--log_level VERBOSE');
    const ls = service(bad);
    const diags = ls.doValidation(S);
    expect(diags.map((x) => [x.code, x.range.start.line, x.range.start.character])).toEqual([
      ['OVMS-SEC-020', 3, 2],
      ['OVMS-CLI-008', 3, 31],
    ]);
    const d = diags[1]!;
    const actions = ls.doCodeActions(S, d.range, { diagnostics: [d] });
    const suppress = actions.find((a) => a.title.startsWith('Suppress'))!;
    expect(suppress.title).toBe(`Suppress ${d.code} on this line (with a reason)`);
    // the directive goes above the whole `\`-continued command, not inside it (that would cut it in two)
    expect(suppress.edit.changes[S]).toEqual([
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# ovms-lint-disable-next-line OVMS-CLI-008 -- TODO: say why this is acceptable\n' },
    ]);
    // applied, the finding is suppressed (the core honours the directive)
    const lines = bad.split('\n');
    lines.splice(1, 0, suppress.edit.changes[S]![0]!.newText.replace(/\n$/, ''));
    ls.setDocument(S, lines.join('\n'), 2);
    expect(ls.doValidation(S).map((x) => x.code)).toEqual(['OVMS-SEC-020']);
  });

  test('in Markdown the directive is an HTML comment above the code fence', () => {
    const M = '/w/README.md';
    const md = ['# Deploy', '', '```sh', 'ovms --config_path /models/config.json \\', '  --port 9000 --log_level VERBOSE', '```', ''].join('\n');
    const ls = new LanguageService({ host: memoryHost({ [M]: md }) });
    ls.setDocument(M, md, 1);
    const diags = ls.doValidation(M);
    expect(diags.map((x) => [x.code, x.range.start.line])).toEqual([
      ['OVMS-SEC-010', 4],
      ['OVMS-CLI-008', 4],
    ]);
    const suppress = ls.doCodeActions(M, diags[1]!.range, { diagnostics: [diags[1]!] }).find((a) => a.title.startsWith('Suppress'))!;
    const edit = suppress.edit.changes[M]![0]!;
    expect(edit).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- ovms-lint-disable-next-line OVMS-CLI-008 -- TODO: say why this is acceptable -->\n' });
    const lines = md.split('\n');
    lines.splice(2, 0, edit.newText.replace(/\n$/, ''));
    ls.setDocument(M, lines.join('\n'), 2);
    expect(ls.doValidation(M).map((x) => x.code)).toEqual(['OVMS-SEC-010']);
  });
});
