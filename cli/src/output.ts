import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../core/src';
import { formatters, type FormatContext } from './formatters';

/** One requested output: a format and where it goes (undefined = standard output). */
export interface OutputSpec {
  format: string;
  file?: string;
}

/**
 * Parse `--format` values: `sarif`, or `sarif:out.sarif` for a format written to its own file.
 * Formats without a file go to `--output-file` when given, else to standard output; two outputs
 * may not share a destination. Returns an error message for a bad request.
 */
export function parseOutputs(formats: string[], outputFile: string | undefined): OutputSpec[] | string {
  const specs: OutputSpec[] = [];
  for (const raw of formats.length ? formats : ['stylish']) {
    const i = raw.indexOf(':');
    const format = i < 0 ? raw : raw.slice(0, i);
    const file = i < 0 ? undefined : raw.slice(i + 1);
    if (!formatters[format]) return `unknown format "${format}" (choose from ${Object.keys(formatters).join(', ')})`;
    if (file === '') return `--format ${raw}: the file name after ":" is empty`;
    specs.push({ format, file: file ?? outputFile });
  }
  const seen = new Set<string>();
  for (const s of specs) {
    const dest = s.file ?? '<stdout>';
    if (seen.has(dest)) return `two formats write to ${dest === '<stdout>' ? 'standard output' : dest}: give each its own file with --format NAME:FILE`;
    seen.add(dest);
  }
  return specs;
}

/** Render every output; files are written (directories created), stdout text is returned. */
export function writeOutputs(specs: OutputSpec[], report: Report, ctx: FormatContext, cwd: string, stdout: (s: string) => void): string | undefined {
  for (const s of specs) {
    const text = formatters[s.format]!(report, s.file ? { ...ctx, color: false } : ctx);
    if (!s.file) {
      stdout(text);
      continue;
    }
    const target = path.resolve(cwd, s.file);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    } catch (e) {
      return `cannot write ${s.file}: ${(e as Error).message}`;
    }
  }
  return undefined;
}
