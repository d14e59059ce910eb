/**
 * Every rule has a fixture directory test/fixtures/rules/<RULE-ID>/ with:
 *   valid/    a deployment on which the rule must report nothing;
 *   invalid/  a deployment on which it must report exactly the findings in invalid/expected.json
 *             (file, line, column, and optionally endLine, endColumn, severity, impact, message).
 * Only the findings of the rule under test are compared; other rules may fire on a fixture.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../core/src';
import { flatten, lintPath, project, type Expected } from '../helpers/lint-dir';

const FIXTURES = path.join(__dirname, '../fixtures/rules');

describe('rule fixtures', () => {
  for (const rule of allRules) {
    const id = rule.meta.id;
    const dir = path.join(FIXTURES, id);
    describe(id, () => {
      it('has a valid and an invalid fixture', () => {
        expect(fs.existsSync(path.join(dir, 'valid')), `${dir}/valid`).toBe(true);
        expect(fs.existsSync(path.join(dir, 'invalid/expected.json')), `${dir}/invalid/expected.json`).toBe(true);
      });
      if (!fs.existsSync(path.join(dir, 'invalid/expected.json'))) return;
      it('reports nothing on the valid fixture', () => {
        expect(flatten(lintPath(path.join(dir, 'valid')), id)).toEqual([]);
      });
      it('reports exactly the expected findings on the invalid fixture', () => {
        const expected: Expected[] = JSON.parse(fs.readFileSync(path.join(dir, 'invalid/expected.json'), 'utf8'));
        expect(expected.length).toBeGreaterThan(0);
        const actual = flatten(lintPath(path.join(dir, 'invalid')), id);
        expect(project(actual, expected)).toEqual(expected.map((e) => ({ ...e, ruleId: e.ruleId ?? id })));
      });
    });
  }
});
