import type { Host } from '../host';
import { DEFAULT_RULE_OPTIONS, type RuleOptions } from '../options';
import { Project } from '../project';
import type { SeverityOrOff } from '../types';
import { matches } from './policy';
import { SettingsResolver } from './resolve';

/** What `ovms-lint --print-config FILE` shows: the settings in force for FILE, explained. */
export interface PrintedConfig {
  file: string;
  /** The settings files that contributed, the nearest one last. */
  settingsFiles: string[];
  rules: Record<string, SeverityOrOff>;
  /** Every rule option with the value rules will see (defaults filled in). */
  options: RuleOptions;
  ignores: { pattern: string; baseDir: string }[];
  /** Whether FILE itself is ignored. */
  ignored: boolean;
  waivers: { rules: string[]; files: string[]; pointer?: string; node?: string; flag?: string; reason?: string; expires?: string; source: string }[];
  inlineConfig: boolean;
  reportUnusedDisableDirectives: boolean;
  /** Mistakes in the settings files (the same ones linting reports as OVMS-LINT-001). */
  problems: { file: string; message: string }[];
}

export function printConfig(path: string, host: Host): PrintedConfig {
  const resolver = new SettingsResolver(new Project(host));
  const s = resolver.forFile(path);
  return {
    file: path,
    settingsFiles: s.files,
    rules: s.rules,
    options: { ...DEFAULT_RULE_OPTIONS, ...s.options },
    ignores: s.ignores,
    ignored: s.ignores.some((i) => matches(i.pattern, i.baseDir, path)),
    waivers: s.waivers.map((w) => ({
      rules: w.rules,
      files: w.files,
      ...(w.pointer !== undefined ? { pointer: w.pointer } : {}),
      ...(w.node !== undefined ? { node: w.node } : {}),
      ...(w.flag !== undefined ? { flag: w.flag } : {}),
      ...(w.reason !== undefined ? { reason: w.reason } : {}),
      ...(w.expires !== undefined ? { expires: w.expires } : {}),
      source: w.source,
    })),
    inlineConfig: !s.noInlineConfig,
    reportUnusedDisableDirectives: s.reportUnusedDisableDirectives ?? false,
    problems: s.files.flatMap((f) => resolver.issuesOf(f).map((i) => ({ file: f, message: i.message }))),
  };
}
