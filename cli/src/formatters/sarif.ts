import { pathToFileURL } from 'node:url';
import { allRules, docsUrl, type ReportDiagnostic, type RuleMeta } from '../../../core/src';
import { ruleMarkdownBody } from '../../../core/src/docs/markdown';
import type { Formatter } from './types';

/**
 * SARIF 2.1.0 as GitHub code scanning reads it (anchors.md §13): the full rules[] with help text
 * and markdown, security-severity for security rules, 4-part regions, line-independent
 * partialFingerprints, suppressions[] for waived findings, and an automation category.
 */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/ovms-lint/ovms-lint';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const PROBLEM_SEVERITY = { error: 'error', warning: 'warning', info: 'recommendation' } as const;

/** GitHub's score bands: >= 9 critical, 7-8.9 high, 4-6.9 medium, below low. */
export function securitySeverity(meta: RuleMeta): string | undefined {
  if (!meta.tags.includes('security') && meta.cwe === undefined) return undefined;
  if (meta.severity === 'error') return meta.impact === 'exposure' ? '8.8' : '7.5';
  if (meta.severity === 'warning') return meta.impact === 'exposure' ? '6.5' : '5.0';
  return '3.0';
}

function clip(s: string, n = 1024): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '\u2026';
}

function ruleDescriptor(meta: RuleMeta) {
  const tags = [...meta.tags, `impact/${meta.impact}`];
  if (meta.cwe !== undefined) {
    if (!tags.includes('security')) tags.unshift('security');
    tags.push(`external/cwe/cwe-${meta.cwe}`);
  }
  const sev = securitySeverity(meta);
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: clip(meta.title) },
    fullDescription: { text: clip(meta.description) },
    help: {
      text: clip(`${meta.description}\n\nWhy: ${meta.why}\n\nFix: ${meta.fix}`, 10_000),
      markdown: ruleMarkdownBody(meta),
    },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: tags.slice(0, 20),
      precision: 'high',
      'problem.severity': PROBLEM_SEVERITY[meta.severity],
      ...(sev ? { 'security-severity': sev } : {}),
    },
  };
}

/**
 * A path of the report as a SARIF artifactLocation: relative paths (the usual case: relative to
 * the working directory, which is the checkout in CI) against %SRCROOT%, others as file: URIs.
 */
export function artifactLocation(p: string): { uri: string; uriBaseId?: string } {
  if (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) return { uri: pathToFileURL(p).href };
  return { uri: p.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(r: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

export const sarif: Formatter = (report, ctx) => {
  const rules = [...allRules.map((r) => r.meta)];
  const index = new Map(rules.map((m, i) => [m.id, i]));
  const results = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      results.push(result(d, file.path, index));
    }
  }
  const cwdUri = pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ovms-lint',
            semanticVersion: ctx.version,
            version: ctx.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(ruleDescriptor),
          },
        },
        automationDetails: { id: 'ovms-lint/' },
        invocations: [{ executionSuccessful: true, workingDirectory: { uri: cwdUri } }],
        originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function result(d: ReportDiagnostic, path: string, index: Map<string, number>) {
  const r: Record<string, unknown> = {
    ruleId: d.ruleId,
    ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(path),
          region: region(d),
        },
      },
    ],
    partialFingerprints: { 'ovmsLint/v1': d.fingerprint },
    properties: { impact: d.impact, ...(d.key !== undefined ? { key: d.key } : {}) },
  };
  if (d.related.length) {
    r.relatedLocations = d.related.map((rel, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: artifactLocation(rel.path), region: region(rel) },
      message: { text: rel.message },
    }));
  }
  if (d.fixes.length) {
    r.fixes = d.fixes.map((fix) => {
      const byFile = new Map<string, typeof fix.edits>();
      for (const e of fix.edits) byFile.set(e.path, [...(byFile.get(e.path) ?? []), e]);
      return {
        description: { text: fix.title + (fix.safe ? '' : ' (unsafe: changes behaviour)') },
        artifactChanges: [...byFile].map(([p, edits]) => ({
          artifactLocation: artifactLocation(p),
          replacements: edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.newText } })),
        })),
      };
    });
  }
  if (d.suppressed) {
    r.suppressions = [
      { kind: d.suppressed.kind === 'inline' ? 'inSource' : 'external', status: 'accepted', justification: d.suppressed.reason },
    ];
  }
  return r;
}
