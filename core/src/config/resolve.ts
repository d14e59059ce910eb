import type { SettingsDocument } from '../documents';
import type { Project } from '../project';
import { parseSettings } from './parse';
import { dirname, join } from './paths';
import { EMPTY_SETTINGS, SETTINGS_FILE, type EffectiveSettings, type SettingsData, type SettingsIssue } from './types';

/**
 * Finds the settings in force for each file: the nearest `.ovms-lint.json` walking up from the
 * file's directory (the nearest one only, like Ruff; more through `extends`), read through the
 * project's host so that the CLI, the language server and the cache see the same files. Settings
 * files it reads join the run (their syntax and content mistakes are reported in them).
 * Everything is memoised: one read per directory, one parse per settings file.
 */
export class SettingsResolver {
  private readonly nearestByDir = new Map<string, string | null>();
  private readonly data = new Map<string, SettingsData>();
  private readonly effective = new Map<string, EffectiveSettings>();
  /** Problems found while following `extends`, by settings file. */
  private readonly extendIssues = new Map<string, SettingsIssue[]>();

  constructor(private readonly project: Project) {}

  /** The settings in force for a file (EMPTY_SETTINGS when no settings file applies). */
  forFile(path: string): EffectiveSettings {
    const s = this.nearest(dirname(path));
    return s ? this.effectiveOf(s, []) : EMPTY_SETTINGS;
  }

  /** Every problem of a settings file: its content, and the `extends` it names. */
  issuesOf(path: string): SettingsIssue[] {
    const d = this.dataOf(path);
    if (!d) return [];
    this.effectiveOf(path, []);
    return [...d.issues, ...(this.extendIssues.get(path) ?? [])];
  }

  /** The parsed settings file at `path` (undefined when it cannot be read). */
  dataOf(path: string): SettingsData | undefined {
    const known = this.data.get(path);
    if (known) return known;
    const doc = this.project.load(path, 'settings');
    if (!doc || doc.kind !== 'settings') return undefined;
    const d = parseSettings(doc as SettingsDocument);
    this.data.set(path, d);
    return d;
  }

  private nearest(dir: string): string | undefined {
    const chain: string[] = [];
    let found: string | null = null;
    for (let d = dir; ; ) {
      const known = this.nearestByDir.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      chain.push(d);
      const candidate = join(d, SETTINGS_FILE);
      if (this.project.get(candidate)?.kind === 'settings' || this.project.host.stat(candidate)?.isFile) {
        if (this.dataOf(candidate)) {
          found = candidate;
          break;
        }
      }
      const up = dirname(d);
      if (up === d || d === '') break;
      d = up;
    }
    for (const d of chain) this.nearestByDir.set(d, found);
    return found ?? undefined;
  }

  private effectiveOf(path: string, stack: string[]): EffectiveSettings {
    const known = this.effective.get(path);
    if (known) return known;
    const d = this.dataOf(path);
    if (!d) return EMPTY_SETTINGS;
    const merged: EffectiveSettings = { files: [], rules: {}, options: {}, ignores: [], waivers: [] };
    const issues: SettingsIssue[] = [];
    for (const ext of d.extends) {
      if (ext.path === path || stack.includes(ext.path)) {
        issues.push({ span: ext.span, message: `"extends" forms a cycle: ${[...stack, path, ext.path].join(' -> ')}. Remove one of the links.` });
        continue;
      }
      if (!this.dataOf(ext.path)) {
        issues.push({ span: ext.span, message: `"extends" names "${ext.written}", which cannot be read (${ext.path}): its settings are not applied.` });
        continue;
      }
      mergeInto(merged, rebase(this.effectiveOf(ext.path, [...stack, path]), dirname(path)));
    }
    mergeInto(merged, {
      files: [path],
      rules: d.rules,
      options: d.options,
      ignores: d.ignores.map((pattern) => ({ pattern, baseDir: dirname(path) })),
      waivers: d.waivers,
      ...(d.reportUnusedDisableDirectives !== undefined ? { reportUnusedDisableDirectives: d.reportUnusedDisableDirectives } : {}),
      ...(d.noInlineConfig !== undefined ? { noInlineConfig: d.noInlineConfig } : {}),
    });
    if (!this.extendIssues.has(path)) this.extendIssues.set(path, issues);
    // inside a cycle the partial result must not be memoised for the outer files
    if (stack.length === 0) this.effective.set(path, merged);
    return merged;
  }
}

/**
 * Globs of an extended file (ignores, waiver files) are read relative to the extending file's
 * directory, so that a shared organisation file can say "**\/vendor/**" for every project.
 */
function rebase(s: EffectiveSettings, baseDir: string): EffectiveSettings {
  return { ...s, ignores: s.ignores.map((i) => ({ ...i, baseDir })), waivers: s.waivers.map((w) => ({ ...w, baseDir })) };
}

/** Later settings win for severities, options and switches; ignores and waivers add up. */
function mergeInto(into: EffectiveSettings, from: EffectiveSettings): void {
  for (const f of from.files) if (!into.files.includes(f)) into.files.push(f);
  Object.assign(into.rules, from.rules);
  Object.assign(into.options, from.options);
  into.ignores.push(...from.ignores);
  into.waivers.push(...from.waivers);
  if (from.reportUnusedDisableDirectives !== undefined) into.reportUnusedDisableDirectives = from.reportUnusedDisableDirectives;
  if (from.noInlineConfig !== undefined) into.noInlineConfig = from.noInlineConfig;
}
