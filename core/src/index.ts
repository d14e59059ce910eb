/** The public face of the core, for cli/ and server/. */
export { lint, lintProject, type LintInput, type LintOptions, type LintResult, type FileResult } from './lint';
export { buildReport, type Report, type ReportDiagnostic, type ReportFile } from './report';
export { allRules, findRule } from './rules';
export type { Rule, RuleMeta } from './rules/types';
export { detectKind, mayHoldCommands } from './detect';
export { SourceFile } from './text/source';
export { emptyHost, memoryHost, type Host } from './host';
export { DEFAULT_RULE_OPTIONS, type RuleOptions } from './options';
export * from './types';
