import type { Formatter } from './types';
import { xml } from './xml';

/** Checkstyle XML, read by Jenkins' warnings plugin, reviewdog, SonarQube and others. */
export const checkstyle: Formatter = (report) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const file of report.files) {
    out.push(`  <file name="${xml(file.path)}">`);
    for (const d of file.diagnostics) {
      if (d.suppressed) continue;
      out.push(
        `    <error line="${d.line}" column="${d.column}" severity="${d.severity}" message="${xml(`${d.message} (${d.ruleName})`)}" source="${xml(`ovms-lint.${d.ruleId}`)}" />`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};
