import type { Formatter } from './types';

const codes = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;
type Style = keyof typeof codes;

/** ESLint's stylish layout: a block per file, `line:col  severity  message  rule`, then a summary. */
export const stylish: Formatter = (report, ctx) => {
  const paint = (s: string, ...styles: Style[]) =>
    ctx.color ? styles.reduce((acc, st) => `\u001b[${codes[st][0]}m${acc}\u001b[${codes[st][1]}m`, s) : s;
  const out: string[] = [];
  for (const file of report.files) {
    const shown = file.diagnostics.filter((d) => !d.suppressed);
    if (shown.length === 0) continue;
    out.push('', paint(file.path, 'underline'));
    const rows = shown.map((d) => [
      `${d.line}:${d.column}`,
      d.severity,
      d.message.replace(/\s*\n\s*/g, ' '),
      d.ruleId,
    ]);
    const w0 = Math.max(...rows.map((r) => r[0]!.length));
    const w1 = Math.max(...rows.map((r) => r[1]!.length));
    for (const r of rows) {
      const sev = r[1]!;
      const color: Style = sev === 'error' ? 'red' : sev === 'warning' ? 'yellow' : 'blue';
      out.push(`  ${paint(r[0]!.padEnd(w0), 'dim')}  ${paint(sev.padEnd(w1), color)}  ${r[2]}  ${paint(r[3]!, 'dim')}`);
    }
  }
  const { errors, warnings, infos } = report.summary;
  const total = errors + warnings + infos;
  const all = report.files.flatMap((f) => f.diagnostics);
  const suppressed = all.filter((d) => d.suppressed).length;
  const fixable = all.filter((d) => !d.suppressed && d.fixes.some((x) => x.safe)).length;
  if (total > 0) {
    const line = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'})`;
    out.push('', paint(line, errors > 0 ? 'red' : 'yellow', 'bold'));
    if (fixable > 0) out.push(paint(`  ${fixable} of them can be fixed with --fix (see them with --fix-dry-run).`, 'dim'));
  }
  if (suppressed > 0) {
    if (total === 0) out.push('');
    out.push(paint(`  ${suppressed} finding${suppressed === 1 ? '' : 's'} suppressed by waivers or inline directives (listed in --format json and sarif).`, 'dim'));
  }
  if (total > 0 || suppressed > 0) out.push('');
  return out.join('\n') + (out.length ? '\n' : '');
};
