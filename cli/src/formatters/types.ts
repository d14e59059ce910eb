import type { Report } from '../../../core/src';

export interface FormatContext {
  /** Whether to use ANSI colours (stylish only). */
  color: boolean;
  /** The tool's version, for formats that carry it. */
  version: string;
  /** The working directory the report's relative paths are relative to (absolute). */
  cwd: string;
}

/** A formatter turns the report (design.md's JSON contract) into text. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
