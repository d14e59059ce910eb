import type { Formatter } from './types';

/**
 * GitLab Code Quality report (a JSON array of Code Climate issues), for
 * `artifacts: reports: codequality:`. Fingerprints do not depend on line numbers, so GitLab's
 * merge-request widget compares findings correctly when code moves.
 */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export const gitlab: Formatter = (report) => {
  const issues = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      if (d.suppressed) continue;
      issues.push({
        type: 'issue',
        check_name: d.ruleId,
        description: `${d.ruleId} ${d.message}`,
        content: { body: `${d.ruleName} (impact: ${d.impact}). ${d.docsUrl}` },
        categories: [d.impact === 'exposure' ? 'Security' : d.impact === 'advice' ? 'Style' : 'Bug Risk'],
        severity: d.impact === 'exposure' && d.severity === 'error' ? 'critical' : SEVERITY[d.severity],
        fingerprint: d.fingerprint,
        location: {
          path: file.path,
          positions: { begin: { line: d.line, column: d.column }, end: { line: d.endLine, column: d.endColumn } },
        },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
