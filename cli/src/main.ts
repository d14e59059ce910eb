import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { allRules, buildReport, lint, type LintInput, type LintOptions, type LintResult, type Report } from '../../core/src';
import { recordingHost } from '../../core/src/cache';
import { printConfig } from '../../core/src/config/print';
import { nodeHost } from '../../core/src/host-node';
import { discover } from './discover';
import { cacheKey, lookup, store } from './cache';
import { explainCommand } from './explain-command';
import { runFixes, wantsFix } from './fix-run';
import { formatters } from './formatters';
import { parseOutputs, writeOutputs } from './output';
import { rulesCommand } from './rules-command';
import { lspCommand } from './lsp-command';
import { formatTimings, timingRows } from './timing';

declare const OVMS_LINT_VERSION: string;
const VERSION = typeof OVMS_LINT_VERSION === 'string' ? OVMS_LINT_VERSION : '0.0.0-dev';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TOOL_ERROR = 2;

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;

interface LintFlags {
  format: string[];
  outputFile?: string;
  stdin?: boolean;
  stdinFilename?: string;
  quiet?: boolean;
  maxWarnings?: number;
  failOn: 'error' | 'warning' | 'info';
  color?: boolean;
  inlineConfig: boolean;
  reportUnusedDisableDirectives?: boolean;
  printConfig?: string;
  fix?: boolean;
  fixUnsafe?: boolean;
  fixDryRun?: boolean;
  cache?: boolean;
  cacheLocation: string;
}

/** Run the CLI; resolves to the exit code. Never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command();
  program
    .name('ovms-lint')
    .description('Lint OpenVINO Model Server deployments: config.json, OVMS command lines and MediaPipe graphs.')
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files and directories to lint (directories recursively)')
    .option('-f, --format <name[:file]>', `output format: ${Object.keys(formatters).join(', ')} (default stylish); repeat for several, NAME:FILE writes one to a file`, collect, [])
    .option('-o, --output-file <file>', 'write the output (of the formats given without :FILE) to this file')
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <name>', 'the file name to lint standard input as (decides its kind)')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', parseCount)
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run').choices(['error', 'warning', 'info']).default('error'))
    .option('--no-color', 'never colour the output')
    .option('--no-inline-config', 'ignore inline ovms-lint-disable comments')
    .option('--report-unused-disable-directives', 'report inline ovms-lint-disable/-enable comments and settings waivers that suppress nothing')
    .option('--print-config <file>', 'print the settings (.ovms-lint.json) in force for a file, and exit')
    .option('--cache', 'reuse the results of an earlier run when nothing it read has changed')
    .option('--cache-location <file>', 'where --cache keeps results', '.ovms-lint-cache')
    .option('--fix', 'apply safe fixes to the files, then report what is left')
    .option('--fix-unsafe', 'apply unsafe fixes too (they change behaviour)')
    .option('--fix-dry-run', 'print the fixes as a unified diff instead of writing them (exit 1 when there are any)')
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nExit codes: 0 no failing findings, 1 findings at or above --fail-on (or more warnings than --max-warnings), 2 ovms-lint itself failed (bad arguments, unreadable path, crash).\n\nCommands:\n  ovms-lint rules [--format text|json]   list every rule\n  ovms-lint explain <rule>               print the documentation of a rule\n  ovms-lint lsp --stdio                  start the language server\n',
    )
    .action((paths: string[], flags: LintFlags) => {
      exitCode = lintCommand(paths, flags, io);
    });
  program.addCommand(rulesCommand(io));
  program.addCommand(explainCommand(io, (code) => (exitCode = code)));
  program.addCommand(lspCommand(io));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_TOOL_ERROR;
    }
    io.stderr(`ovms-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_TOOL_ERROR;
  }
}

function collect(v: string, prev: string[]): string[] {
  return [...prev, v];
}

function parseCount(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CommanderError(2, 'ovms-lint.invalidArgument', `--max-warnings takes a whole number, got "${v}"`);
  return n;
}

function lintCommand(paths: string[], flags: LintFlags, io: Io): number {
  if (flags.printConfig !== undefined) {
    io.stdout(JSON.stringify(printConfig(path.resolve(io.cwd, flags.printConfig), nodeHost), null, 2) + '\n');
    return EXIT_OK;
  }
  let toolError = false;
  const outputs = parseOutputs(flags.format, flags.outputFile);
  if (typeof outputs === 'string') {
    io.stderr(`ovms-lint: ${outputs}\n`);
    return EXIT_TOOL_ERROR;
  }
  const inputs: LintInput[] = [];
  if (flags.stdin) {
    const name = flags.stdinFilename ?? '<stdin>';
    inputs.push({ path: path.resolve(io.cwd, name), text: io.readStdin() });
  }
  if (paths.length === 0 && !flags.stdin) paths = ['.'];
  const found = discover(paths.map((p) => path.resolve(io.cwd, p)));
  for (const u of found.unreadable) {
    io.stderr(`ovms-lint: cannot read ${display(io.cwd, u.path)}: ${u.reason}\n`);
    toolError = true;
  }
  for (const file of found.files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      io.stderr(`ovms-lint: cannot read ${display(io.cwd, file)}: ${(e as Error).message}\n`);
      toolError = true;
      continue;
    }
    inputs.push({ path: file, text });
  }

  const lintOptions: LintOptions = {
    host: nodeHost,
    inlineConfig: flags.inlineConfig,
    ...(flags.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
  };
  const timingRowCount = timingRows(io.env.TIMING);
  if (timingRowCount !== undefined) lintOptions.timings = new Map();
  const shown = (p: string) => display(io.cwd, p);
  let report: Report;
  let ruleFailures: LintResult['ruleFailures'];
  if (wantsFix(flags)) {
    const stdinPath = flags.stdin ? inputs[0]?.path : undefined;
    const outcome = runFixes(inputs, lintOptions, flags, io, shown, new Set(stdinPath ? [stdinPath] : []));
    if (outcome.exit !== undefined) return toolError ? EXIT_TOOL_ERROR : outcome.exit;
    report = buildReport(outcome.result, shown);
    ruleFailures = outcome.result.ruleFailures;
  } else if (flags.cache) {
    const cacheFile = path.resolve(io.cwd, flags.cacheLocation);
    const key = cacheKey(VERSION, { inlineConfig: flags.inlineConfig, reportUnused: Boolean(flags.reportUnusedDisableDirectives) }, io.cwd, inputs);
    const hit = lookup(cacheFile, key, nodeHost);
    if (hit) {
      ({ report, ruleFailures } = hit);
    } else {
      const rec = recordingHost(nodeHost);
      const result = lint(inputs, { ...lintOptions, host: rec.host });
      report = buildReport(result, shown);
      ruleFailures = result.ruleFailures;
      const err = ruleFailures.length ? undefined : store(cacheFile, { key, observations: rec.observations(), report, ruleFailures });
      if (err) io.stderr(`ovms-lint: ${err}\n`);
    }
  } else {
    const result = lint(inputs, lintOptions);
    report = buildReport(result, shown);
    ruleFailures = result.ruleFailures;
  }
  for (const f of ruleFailures) {
    io.stderr(`ovms-lint: rule ${f.ruleId} failed on ${shown(f.file)}: ${f.message} (please report this bug)\n`);
  }
  if (flags.quiet) report = onlyErrors(report);

  const color = flags.color !== false && io.isTTY && !io.env.NO_COLOR;
  const writeError = writeOutputs(outputs, report, { color, version: VERSION, cwd: io.cwd }, io.cwd, io.stdout);
  if (writeError) {
    io.stderr(`ovms-lint: ${writeError}\n`);
    toolError = true;
  }

  if (lintOptions.timings?.size) io.stderr(formatTimings(lintOptions.timings, timingRowCount!));

  if (toolError) return EXIT_TOOL_ERROR;
  const threshold = SEVERITY_RANK[flags.failOn];
  const failing = report.files.some((f) => f.diagnostics.some((d) => !d.suppressed && SEVERITY_RANK[d.severity] >= threshold));
  if (failing) return EXIT_FINDINGS;
  if (flags.maxWarnings !== undefined && report.summary.warnings > flags.maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

function onlyErrors(report: Report): Report {
  const files = report.files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') }));
  return { ...report, files, summary: { ...report.summary, warnings: 0, infos: 0 } };
}

/** Paths as the user sees them: relative to the working directory, with forward slashes. */
export function display(cwd: string, p: string): string {
  if (p === '<stdin>') return p;
  const rel = path.relative(cwd, p);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  return shown.split(path.sep).join('/');
}

export { allRules };
