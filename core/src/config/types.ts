import type { RuleOptions } from '../options';
import type { SeverityOrOff, Span } from '../types';

/** The settings file's name; the nearest one to a linted file applies to it. */
export const SETTINGS_FILE = '.ovms-lint.json';

/** What lint() takes besides rules and options, for settings and suppressions. */
export interface PolicyOptions {
  /** Read `.ovms-lint.json` (the nearest one to each file, through the host). Default true. */
  settings?: boolean;
  /** Honour inline `ovms-lint-disable` comments. Default true (`--no-inline-config` sets false). */
  inlineConfig?: boolean;
  /** Report inline directives and waivers that suppressed nothing (OVMS-LINT-004). Default: the settings', else false. */
  reportUnusedDisableDirectives?: boolean;
  /** Today's date (YYYY-MM-DD) for waiver expiry; default the current UTC date. */
  today?: string;
}

/** A problem in a settings file, at a position in it (reported as OVMS-LINT-001). */
export interface SettingsIssue {
  span: Span;
  message: string;
}

export interface Waiver {
  /** Canonical rule ids the waiver covers (unknown names are dropped and reported). */
  rules: string[];
  /** Globs, relative to the directory of the settings file that declares the waiver; none = every file. */
  files: string[];
  pointer?: string;
  node?: string;
  flag?: string;
  reason?: string;
  /** Last day (YYYY-MM-DD) the waiver applies. */
  expires?: string;
  /** The settings file that declares it, its directory, and the waiver's position there. */
  source: string;
  baseDir: string;
  span: Span;
  expiresSpan?: Span;
}

/** One settings file as written (before `extends` is followed). */
export interface SettingsData {
  path: string;
  extends: { path: string; written: string; span: Span }[];
  rules: Record<string, SeverityOrOff>;
  options: Partial<RuleOptions>;
  ignores: string[];
  waivers: Waiver[];
  reportUnusedDisableDirectives?: boolean;
  noInlineConfig?: boolean;
  issues: SettingsIssue[];
}

/** The settings in force for a file: its nearest settings file with everything it extends merged. */
export interface EffectiveSettings {
  /** The settings files that contributed, the nearest one last. */
  files: string[];
  rules: Record<string, SeverityOrOff>;
  options: Partial<RuleOptions>;
  ignores: { pattern: string; baseDir: string }[];
  waivers: Waiver[];
  reportUnusedDisableDirectives?: boolean;
  noInlineConfig?: boolean;
}

export const EMPTY_SETTINGS: EffectiveSettings = { files: [], rules: {}, options: {}, ignores: [], waivers: [] };
