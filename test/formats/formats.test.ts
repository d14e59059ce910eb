/**
 * Every output format on one fixture set (test/fixtures/formats): a config with two syntax errors
 * (both with safe fixes), a clean config, and a config whose finding a waiver in its
 * .ovms-lint.json suppresses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../core/src';
import { formatters } from '../../cli/src/formatters';
import { lintPath, lintText } from '../helpers/lint-dir';

const FIX = path.join(__dirname, '../fixtures/formats');
const CWD = '/work/repo';
const ctx = { color: false, version: '9.9.9', cwd: CWD };
const report = lintPath(FIX);
const BAD = 'bad/config.json';
const GOOD = 'good/config.json';
const SYNTAX_INDEX = allRules.findIndex((r) => r.meta.id === 'OVMS-SYNTAX-JSON');

// The official SARIF 2.1.0 schema, as shipped by Microsoft's @microsoft/jest-sarif package.
const SARIF_SCHEMA = JSON.parse(
  fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);

function sarifValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(SARIF_SCHEMA);
}

describe('the fixture set', () => {
  it('has two findings in bad/config.json, none in good/config.json, a waived one in waived/config.json', () => {
    expect(report.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}${d.suppressed ? ' waived' : ''}`)])).toEqual([
      [BAD, ['OVMS-SYNTAX-JSON@2:3', 'OVMS-SYNTAX-JSON@4:66']],
      [GOOD, []],
      ['waived/.ovms-lint.json', []],
      ['waived/config.json', ['OVMS-CFG-006@1:99 waived']],
    ]);
    expect(report.summary).toEqual({ errors: 2, warnings: 0, infos: 0, files: 4 });
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatters.sarif!(report, ctx));
  it('validates against the official SARIF 2.1.0 JSON schema', () => {
    const validate = sarifValidator();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('every rule fixture and the examples give schema-valid SARIF (related locations, fixes, all rules)', () => {
    const validate = sarifValidator();
    for (const dir of [path.join(__dirname, '../fixtures/rules'), path.join(__dirname, '../../examples')]) {
      const big = JSON.parse(formatters.sarif!(lintPath(dir), ctx));
      expect(big.runs[0].results.length).toBeGreaterThan(0);
      validate(big);
      expect(validate.errors ?? [], dir).toEqual([]);
    }
  });
  it('the schema check rejects a broken log (the validator can fail)', () => {
    const validate = sarifValidator();
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    expect(validate(broken)).toBe(false);
  });
  it('carries the tool, every rule with the metadata GitHub code scanning shows', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'ovms-lint', version: '9.9.9', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    const rule = driver.rules[SYNTAX_INDEX];
    expect(rule).toMatchObject({
      id: 'OVMS-SYNTAX-JSON',
      name: 'json-syntax',
      shortDescription: { text: 'config.json is not strict JSON' },
      fullDescription: { text: expect.stringContaining('strict JSON') },
      help: { text: expect.stringContaining('Why: OVMS reads config.json'), markdown: expect.stringContaining('## Why it matters') },
      helpUri: 'https://github.com/ovms-lint/ovms-lint/blob/main/docs/rules/OVMS-SYNTAX-JSON.md',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['syntax', 'impact/startup'], 'problem.severity': 'error' },
    });
    expect(rule.properties['security-severity']).toBeUndefined();
    expect(log.runs[0].automationDetails).toEqual({ id: 'ovms-lint/' });
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/repo/');
  });
  it('gives security rules security tags, the CWE and a security-severity score', async () => {
    const { securitySeverity } = await import('../../cli/src/formatters/sarif');
    const meta = { ...allRules[0]!.meta, tags: ['security'], cwe: 306, severity: 'error' as const, impact: 'exposure' as const };
    expect(securitySeverity(meta)).toBe('8.8');
    expect(securitySeverity({ ...meta, severity: 'warning', impact: 'risk' })).toBe('5.0');
    expect(securitySeverity({ ...meta, tags: [], cwe: undefined })).toBeUndefined();
  });
  it('reports each finding with rule, level, message, a full region and a line-independent fingerprint', () => {
    const results = log.runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[1]).toMatchObject({
      ruleId: 'OVMS-SYNTAX-JSON',
      ruleIndex: SYNTAX_INDEX,
      level: 'error',
      message: { text: expect.stringContaining('Trailing comma') },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: BAD, uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 66, endLine: 4, endColumn: 67 },
          },
        },
      ],
      partialFingerprints: { 'ovmsLint/v1': expect.stringMatching(/^[0-9a-f]{16}$/) },
      fixes: [{ description: { text: 'Remove the trailing comma' } }],
    });
    expect(results[0].partialFingerprints['ovmsLint/v1']).not.toBe(results[1].partialFingerprints['ovmsLint/v1']);
  });
  it('lists a waived finding with its suppression and justification', () => {
    const waived = log.runs[0].results[2];
    expect(waived).toMatchObject({
      ruleId: 'OVMS-CFG-006',
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'waived/config.json' }, region: { startLine: 1, startColumn: 99, endLine: 1, endColumn: 102 } } }],
      suppressions: [{ kind: 'external', status: 'accepted', justification: 'batch size is set by the operator at deploy time' }],
      properties: { impact: 'request', key: '/model_config_list/0/config/batch_size' },
    });
    expect(log.runs[0].results[0].suppressions).toBeUndefined();
  });
  it('keeps fingerprints when lines shift', () => {
    const text = fs.readFileSync(path.join(FIX, BAD), 'utf8');
    const a = lintText('bad/config.json', text).files[0]!.diagnostics;
    const b = lintText('bad/config.json', '\n\n\n' + text).files[0]!.diagnostics;
    expect(b.map((d) => d.line)).toEqual(a.map((d) => d.line + 3));
    expect(b.map((d) => d.fingerprint)).toEqual(a.map((d) => d.fingerprint));
  });
});

describe('github', () => {
  it('prints one workflow command per finding with file, 4-part position and title', () => {
    const lines = formatters.github!(report, ctx).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `::error file=${BAD},line=4,col=66,endLine=4,endColumn=67,title=OVMS-SYNTAX-JSON (json-syntax)::${report.files[0]!.diagnostics[1]!.message} [startup] https://github.com/ovms-lint/ovms-lint/blob/main/docs/rules/OVMS-SYNTAX-JSON.md`,
    );
    expect(lines[0]).toMatch(/^::error file=bad\/config\.json,line=2,col=3,endLine=2,endColumn=16,title=OVMS-SYNTAX-JSON \(json-syntax\)::Comments are not allowed/);
  });
  it('escapes newlines, % and property separators', async () => {
    const r = structuredClone(report);
    r.files[0]!.path = 'a,b:c.json';
    r.files[0]!.diagnostics[0]!.message = '50% done\nnext';
    expect(formatters.github!(r, ctx).split('\n')[0]).toMatch(/^::error file=a%2Cb%3Ac\.json,.*::50%25 done%0Anext/);
  });
});

describe('gitlab', () => {
  it('prints Code Quality issues with fingerprints, severities and positions', () => {
    const issues = JSON.parse(formatters.gitlab!(report, ctx));
    expect(issues).toHaveLength(2);
    expect(issues[1]).toEqual({
      type: 'issue',
      check_name: 'OVMS-SYNTAX-JSON',
      description: `OVMS-SYNTAX-JSON ${report.files[0]!.diagnostics[1]!.message}`,
      content: { body: 'json-syntax (impact: startup). https://github.com/ovms-lint/ovms-lint/blob/main/docs/rules/OVMS-SYNTAX-JSON.md' },
      categories: ['Bug Risk'],
      severity: 'major',
      fingerprint: report.files[0]!.diagnostics[1]!.fingerprint,
      location: { path: BAD, positions: { begin: { line: 4, column: 66 }, end: { line: 4, column: 67 } } },
    });
  });
});

describe('checkstyle', () => {
  it('prints a file element per file and an error element per finding', () => {
    const xml = formatters.checkstyle!(report, ctx);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<checkstyle version="4.3">\n {2}<file name="bad\/config.json">\n/);
    expect(xml).toContain('<error line="4" column="66" severity="error" message="Trailing comma: OVMS reads config files as strict JSON');
    expect(xml).toContain('source="ovms-lint.OVMS-SYNTAX-JSON" />');
    expect(xml).toContain('<file name="good/config.json">\n  </file>');
    expect(xml).toContain('<file name="waived/config.json">\n  </file>');
    expect(xml.match(/<error /g)).toHaveLength(2);
  });
});

describe('junit', () => {
  it('prints a suite per file: failures for findings, one passing case for a clean file', () => {
    const xml = formatters.junit!(report, ctx);
    expect(xml).toContain('<testsuites name="ovms-lint" tests="5" failures="2" errors="0">');
    expect(xml).toContain('<testsuite name="bad/config.json" tests="2" failures="2" errors="0" skipped="0">');
    expect(xml).toContain('<testcase name="OVMS-SYNTAX-JSON 4:66" classname="bad/config.json">');
    expect(xml).toContain('<testsuite name="good/config.json" tests="1" failures="0" errors="0" skipped="0">\n    <testcase name="good/config.json" classname="good/config.json" />');
  });
});

describe('json and stylish', () => {
  it('json is the report itself', () => {
    expect(JSON.parse(formatters.json!(report, ctx))).toEqual(report);
  });
  it('stylish prints line:col, severity, message and rule, and colours only when asked', () => {
    const plain = formatters.stylish!(report, ctx);
    expect(plain).toContain('\nbad/config.json\n');
    expect(plain).toMatch(/ {2}4:66 {2}error {2}Trailing comma.* {2}OVMS-SYNTAX-JSON\n/);
    expect(plain).toContain('2 problems (2 errors, 0 warnings, 0 infos)\n  2 of them can be fixed with --fix (see them with --fix-dry-run).\n  1 finding suppressed by waivers or inline directives');
    expect(plain).not.toContain('batch_size');
    expect(plain).not.toContain('\u001b[');
    expect(formatters.stylish!(report, { ...ctx, color: true })).toContain('\u001b[31merror');
  });
});
