import type { Formatter } from './types';
import { xml } from './xml';

/**
 * JUnit XML: a test suite per linted file, a failing test case per finding, and one passing case
 * for a clean file (so CI systems show it as checked).
 */
export const junit: Formatter = (report) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of report.files) {
    const shown = file.diagnostics.filter((d) => !d.suppressed);
    const cases: string[] = [];
    if (shown.length === 0) {
      cases.push(`    <testcase name="${xml(file.path)}" classname="${xml(file.path)}" />`);
    }
    for (const d of shown) {
      cases.push(
        `    <testcase name="${xml(`${d.ruleId} ${d.line}:${d.column}`)}" classname="${xml(file.path)}">`,
        `      <failure message="${xml(d.message)}" type="${xml(d.severity)}">${xml(
          `${file.path}:${d.line}:${d.column} ${d.severity} ${d.ruleId} (${d.ruleName}, impact ${d.impact})\n${d.message}\n${d.docsUrl}`,
        )}</failure>`,
        '    </testcase>',
      );
    }
    const n = Math.max(shown.length, 1);
    tests += n;
    failures += shown.length;
    suites.push(`  <testsuite name="${xml(file.path)}" tests="${n}" failures="${shown.length}" errors="0" skipped="0">`, ...cases, '  </testsuite>');
  }
  return ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="ovms-lint" tests="${tests}" failures="${failures}" errors="0">`, ...suites, '</testsuites>'].join('\n') + '\n';
};
