/**
 * Fixes: applying them never corrupts a file. Every invalid rule fixture is fixed (safe and
 * unsafe fixes) and re-linted: the fixed problems are gone and no finding is new.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintResult } from '../../core/src';
import { applyEdits, fixAndLint, planFixes } from '../../core/src/fix/apply';
import { nodeHost } from '../../core/src/host-node';
import { discover } from '../../cli/src/discover';
import type { Finding } from '../../core/src/types';

const FIXTURES = path.join(__dirname, '../fixtures/rules');

function inputsOf(dir: string) {
  return discover([dir]).files.map((f) => ({ path: f, text: fs.readFileSync(f, 'utf8') }));
}

function all(result: LintResult): Finding[] {
  return result.files.flatMap((f) => f.findings.filter((x) => !x.suppressed));
}

describe('applyEdits', () => {
  it('applies edits in any order and refuses overlapping ones', () => {
    expect(applyEdits('abcdef', [{ span: { start: 4, end: 5 }, newText: 'E' }, { span: { start: 0, end: 1 }, newText: '' }])).toBe('bcdEf');
    expect(() => applyEdits('abcdef', [{ span: { start: 0, end: 3 }, newText: '' }, { span: { start: 2, end: 4 }, newText: '' }])).toThrow(/overlapping/);
  });
});

describe('planFixes', () => {
  const result = (findings: Partial<Finding>[]): LintResult => ({
    ruleFailures: [],
    files: [
      {
        path: '/f',
        kind: 'command-lines',
        file: { path: '/f', text: 'abcdefghij' } as never,
        findings: findings.map((f) => ({ ruleId: 'R', ruleName: 'r', severity: 'error', impact: 'risk', message: 'm', file: '/f', span: { start: 0, end: 1 }, ...f }) as Finding),
      },
    ],
  });
  const fix = (start: number, end: number, safe = true) => [{ title: 't', safe, edits: [{ span: { start, end }, newText: 'X' }] }];
  it('takes non-overlapping fixes, skips overlapping and touching ones, honours safety and suppression', () => {
    const plan = planFixes(
      result([
        { fixes: fix(0, 2) },
        { fixes: fix(1, 3) }, // overlaps the first: next pass
        { fixes: fix(2, 4) }, // touches the first: next pass
        { fixes: fix(5, 6, false) }, // unsafe
        { fixes: fix(7, 8), suppressed: { kind: 'waiver', reason: 'r' } },
        { fixes: fix(8, 20) }, // out of range: never
      ]),
      false,
    );
    expect(plan.count).toBe(1);
    expect(plan.edits.get('/f')).toEqual([{ span: { start: 0, end: 2 }, newText: 'X' }]);
    expect(planFixes(result([{ fixes: fix(5, 6, false) }]), true).count).toBe(1);
  });
});

/** Findings of `after` that `before` did not have (by rule and message: positions move). */
function fresh(before: Finding[], after: Finding[]): string[] {
  const pool = new Map<string, number>();
  for (const f of before) pool.set(`${f.ruleId} ${f.message}`, (pool.get(`${f.ruleId} ${f.message}`) ?? 0) + 1);
  const out: string[] = [];
  for (const f of after) {
    const k = `${f.ruleId} ${f.message}`;
    const n = pool.get(k) ?? 0;
    if (n === 0) out.push(k);
    else pool.set(k, n - 1);
  }
  return out;
}

function fixAndRelint(inputs: { path: string; text: string }[], unsafe: boolean) {
  const run = fixAndLint(inputs, { host: nodeHost }, { unsafe });
  // re-lint the fixed texts from scratch
  const after = lint(
    inputs.map((i) => ({ ...i, text: run.fixed.get(i.path) ?? i.text })),
    { host: { ...nodeHost, readFile: (p) => run.fixed.get(p) ?? nodeHost.readFile(p) } },
  );
  return { run, remaining: all(after) };
}

describe('fixing every invalid rule fixture', () => {
  const ids = fs.readdirSync(FIXTURES).filter((id) => fs.existsSync(path.join(FIXTURES, id, 'invalid')));
  let fixable = 0;
  for (const id of ids) {
    const dir = path.join(FIXTURES, id, 'invalid');
    const inputs = inputsOf(dir);
    const before = all(lint(inputs, { host: nodeHost }));
    const safe = before.filter((f) => f.fixes?.some((x) => x.safe));
    const any = before.filter((f) => f.fixes?.length);
    if (any.length === 0) continue;
    fixable++;
    if (safe.length) {
      it(`${id}: safe fixes remove their problems and nothing new appears`, () => {
        const { run, remaining } = fixAndRelint(inputs, false);
        expect(run.fixed.size).toBeGreaterThan(0);
        expect(remaining.filter((f) => f.fixes?.some((x) => x.safe)).map((f) => `${f.ruleId} ${f.message}`), 'findings still offering a safe fix').toEqual([]);
        expect(fresh(before, remaining), 'findings that were not there before fixing').toEqual([]);
        expect(remaining.length).toBeLessThan(before.length);
      });
    }
    it(`${id}: all fixes (unsafe too) remove their problems, keep the files parseable, and add nothing of the fixed rules`, () => {
      const { run, remaining } = fixAndRelint(inputs, true);
      expect(run.fixed.size).toBeGreaterThan(0);
      expect(remaining.filter((f) => f.fixes?.length).map((f) => `${f.ruleId} ${f.message}`), 'findings still offering a fix').toEqual([]);
      // an unsafe fix changes behaviour and may reveal other rules' findings (e.g. a trimmed path
      // that now points at a missing directory); it must not break the syntax or its own rule
      const fixedRules = new Set(any.map((f) => f.ruleId));
      expect(fresh(before, remaining).filter((k) => k.startsWith('OVMS-SYNTAX-') || fixedRules.has(k.split(' ')[0]!))).toEqual([]);
      expect(remaining.filter((f) => fixedRules.has(f.ruleId)).length).toBeLessThan(before.filter((f) => fixedRules.has(f.ruleId)).length);
    });
  }
  it('at least one fixture offers fixes', () => {
    expect(fixable).toBeGreaterThan(0);
  });
});

describe('passes', () => {
  it('re-lints until fixes that touched each other are all applied', () => {
    // the trailing comma's fix touches the comment's: one per pass
    const run = fixAndLint([{ path: '/c.json', text: '{"model_config_list": [],/* c */}' }], {});
    expect(run.fixed.get('/c.json')).toBe('{"model_config_list": []}');
    expect(run.passes).toBe(2);
    expect(all(run.result)).toEqual([]);
  });
});
