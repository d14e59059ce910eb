import { Command, Option } from 'commander';
import { allRules } from '../../core/src';
import type { Io } from './main';

/** `ovms-lint rules`: every rule's id, name, severity, impact, tags and title. */
export function rulesCommand(io: Io): Command {
  return new Command('rules')
    .description('list every rule')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action((flags: { format: 'text' | 'json' }) => {
      const rows = allRules.map((r) => ({
        id: r.meta.id,
        name: r.meta.name,
        severity: r.meta.severity,
        impact: r.meta.impact,
        tags: r.meta.tags,
        title: r.meta.title,
        ...(r.meta.cwe ? { cwe: r.meta.cwe } : {}),
        appliesTo: r.meta.appliesTo,
      }));
      if (flags.format === 'json') {
        io.stdout(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const w = (k: 'id' | 'name' | 'severity' | 'impact') => Math.max(k.length, ...rows.map((r) => r[k].length));
      const widths = { id: w('id'), name: w('name'), severity: w('severity'), impact: w('impact') };
      const line = (r: { id: string; name: string; severity: string; impact: string; title: string; tags: string }) =>
        `${r.id.padEnd(widths.id)}  ${r.name.padEnd(widths.name)}  ${r.severity.padEnd(widths.severity)}  ${r.impact.padEnd(widths.impact)}  ${r.title}${r.tags ? `  [${r.tags}]` : ''}`;
      io.stdout(line({ id: 'ID', name: 'NAME', severity: 'SEVERITY', impact: 'IMPACT', title: 'TITLE', tags: '' }) + '\n');
      for (const r of rows) io.stdout(line({ ...r, tags: r.tags.join(', ') }) + '\n');
    });
}
