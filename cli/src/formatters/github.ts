import type { Formatter } from './types';

/**
 * GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per
 * finding, shown as annotations on the run and on the pull request's diff.
 */
const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (report) => {
  const out: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      if (d.suppressed) continue;
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`${d.ruleId} (${d.ruleName})`)}`,
      ];
      out.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(`${d.message} [${d.impact}] ${d.docsUrl}`)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
};
