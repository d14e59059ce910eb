/**
 * The real-world check of the command-line model: every command line of the OVMS docs
 * (../shared/corpus/ovms-doc-commands.jsonl, line continuations joined) is linted.
 * - no crash, no rule failure, every range inside its text;
 * - every flag the docs use is in the flag table (a doc flag called unknown is a bug in the
 *   table, except the ones reference §3.9 says the docs get wrong, listed in DOCS_WRONG);
 * - the test prints how many doc commands trip each rule (the table of the closing note).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../core/src';
import { extractCommands } from '../../core/src/sources';
import { show } from '../../core/src/flags/words';

// ../shared next to the repository (main), or next to the worktrees folder (a worktree)
const CORPUS = ['../../../shared', '../../../../shared'].map((d) => path.resolve(__dirname, d, 'corpus/ovms-doc-commands.jsonl')).find((p) => fs.existsSync(p)) ?? path.resolve(__dirname, '../../../shared/corpus/ovms-doc-commands.jsonl');
const present = fs.existsSync(CORPUS);
if (!present) console.warn(`doc-command corpus test skipped: ${CORPUS} is absent`);

/** Flags the docs use that OVMS does not have, with the reason (reference ovms-config.md §3.9). */
const DOCS_WRONG: Record<string, string> = {
  enable_prefix_cache: 'misspelling in docs/performance_tuning.md:29; the flag is --enable_prefix_caching (reference §3.9)',
};

interface DocCommand {
  source: string;
  command: string;
}

/** Windows lines (ovms.exe, `sc start`, a trailing `^`) are read with cmd/PowerShell quoting. */
function nameFor(command: string): string {
  return /ovms\.exe|\bsc\s+start\b|\s\^\s*$/.test(command) ? 'command.ps1' : 'command.sh';
}

describe.skipIf(!present)('OVMS doc command lines', () => {
  const docs: DocCommand[] = present
    ? fs.readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as DocCommand)
    : [];

  it('lints every command without a crash, with every range inside its text', () => {
    for (const d of docs) {
      const r = lint([{ path: nameFor(d.command), text: d.command }]);
      expect(r.ruleFailures, d.source).toEqual([]);
      for (const f of r.files) {
        for (const x of f.findings) {
          expect(x.span.start, `${d.source} ${x.ruleId}`).toBeGreaterThanOrEqual(0);
          expect(x.span.end, `${d.source} ${x.ruleId}`).toBeLessThanOrEqual(d.command.length);
          expect(x.span.start).toBeLessThanOrEqual(x.span.end);
        }
      }
    }
  });

  it('finds the OVMS invocation of every docker run / ovms line', () => {
    const missed = docs.filter((d) => /^(\$ )?(docker run|ovms(\.exe)? )/.test(d.command) && !/model_server-(capi|build)|\$\{?IMAGE|os\.environ|--entrypoint bash/.test(d.command) && extractCommands(nameFor(d.command), d.command).commands.length === 0);
    expect(missed.map((d) => d.source)).toEqual([]);
  });

  it('knows every flag the docs use', () => {
    const unknown = new Map<string, string[]>();
    for (const d of docs) {
      for (const c of extractCommands(nameFor(d.command), d.command).commands) {
        for (const p of c.args.problems) {
          if (p.kind !== 'unknown' && p.kind !== 'removed' && p.kind !== 'stray') continue;
          const name = p.text.replace(/^-+/, '');
          if (DOCS_WRONG[name]) continue;
          const list = unknown.get(show(p.text)) ?? [];
          list.push(d.source);
          unknown.set(show(p.text), list);
        }
      }
    }
    expect(Object.fromEntries(unknown)).toEqual({});
  });

  it('prints how many doc commands trip each rule', () => {
    const perRule = new Map<string, number>();
    let withOvms = 0;
    for (const d of docs) {
      const name = nameFor(d.command);
      if (extractCommands(name, d.command).commands.length) withOvms++;
      const r = lint([{ path: name, text: d.command }]);
      for (const id of new Set(r.files.flatMap((f) => f.findings.map((x) => x.ruleId)))) perRule.set(id, (perRule.get(id) ?? 0) + 1);
    }
    const rows = [...perRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    console.log(
      [`${docs.length} doc command lines, ${withOvms} of them start OVMS`, '| rule | doc commands |', '|---|---|', ...rows.map(([id, n]) => `| ${id} | ${n} |`)].join('\n'),
    );
    expect(withOvms).toBeGreaterThan(200);
    // what the OVMS docs show most: ports on every interface, no API key, no --read-only
    expect(perRule.get('OVMS-SEC-011') ?? 0).toBeGreaterThan(50);
    expect(perRule.get('OVMS-SEC-002') ?? 0).toBeGreaterThan(50);
    expect(perRule.get('OVMS-SEC-013') ?? 0).toBeGreaterThan(20);
  });
});
