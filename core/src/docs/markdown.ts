import type { RuleMeta } from '../rules/types';
import { docsUrl, type Impact } from '../types';

/**
 * Rule documentation, generated from a rule's metadata and never written anywhere else:
 * docs/rules/<ID>.md (`npm run docs`), `ovms-lint explain ID`, and SARIF `help.markdown`.
 */

const IMPACT_TEXT: Record<Impact, string> = {
  startup: 'OVMS refuses to start',
  load: 'OVMS starts, but the model, graph or pipeline is not loaded',
  request: 'it loads, but requests fail',
  exposure: 'an attacker can reach or abuse something',
  risk: 'resource exhaustion or fragility',
  advice: 'deprecated or unusual but harmless',
};

export function impactText(impact: Impact): string {
  return IMPACT_TEXT[impact];
}

export function cweUrl(cwe: number): string {
  return `https://cwe.mitre.org/data/definitions/${cwe}.html`;
}

function fence(language: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${code.replace(/\n$/, '')}\n${ticks}`;
}

/** The body of a rule's page without its title: used by SARIF `help.markdown` too. */
export function ruleMarkdownBody(meta: RuleMeta): string {
  const rows: [string, string][] = [
    ['Name', `\`${meta.name}\``],
    ['Severity', meta.severity],
    ['Impact', `${meta.impact} — ${IMPACT_TEXT[meta.impact]}`],
    ['Applies to', meta.appliesTo.join(', ')],
  ];
  if (meta.tags.length) rows.push(['Tags', meta.tags.join(', ')]);
  if (meta.cwe) rows.push(['CWE', `[CWE-${meta.cwe}](${cweUrl(meta.cwe)})`]);
  if (meta.aliases?.length) rows.push(['Aliases', meta.aliases.join(', ')]);
  const table = ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
  return [
    `${meta.title}.`,
    table,
    '## What it checks',
    meta.description,
    '## Why it matters',
    meta.why,
    '## Example',
    'Reported:',
    fence(meta.example.language, meta.example.invalid),
    'Not reported:',
    fence(meta.example.language, meta.example.valid),
    '## How to fix',
    meta.fix,
    '## Suppressing it',
    `Per file or location in \`.ovms-lint.json\` (a waiver with a reason), or inline where the file has comments: \`# ovms-lint-disable-next-line ${meta.id} -- reason\`.`,
  ].join('\n\n');
}

/** docs/rules/<ID>.md. */
export function ruleMarkdown(meta: RuleMeta): string {
  return `<!-- Generated from the rule's metadata by \`npm run docs\`; do not edit. -->\n\n# ${meta.id}: ${meta.name}\n\n${ruleMarkdownBody(meta)}\n`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** docs/rules/README.md: the index table of every rule. */
export function rulesIndexMarkdown(rules: readonly { meta: RuleMeta }[]): string {
  const lines = [
    '<!-- Generated from the rules\' metadata by `npm run docs`; do not edit. -->',
    '',
    '# ovms-lint rules',
    '',
    `${rules.length} rules. Each page says what the rule checks, why it matters in OVMS, an example and how to fix it. \`ovms-lint explain ID\` prints the same text in a terminal.`,
    '',
    '| ID | Name | Severity | Impact | Title |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((r) => `| [${r.meta.id}](${r.meta.id}.md) | \`${r.meta.name}\` | ${r.meta.severity} | ${r.meta.impact} | ${cell(r.meta.title)} |`),
  ];
  return lines.join('\n') + '\n';
}

/** `ovms-lint explain`: the page as it reads in a terminal, with the docs URL. */
export function ruleExplanation(meta: RuleMeta): string {
  return `${meta.id}: ${meta.name}\n\n${ruleMarkdownBody(meta)}\n\nDocs: ${docsUrl(meta.id)}\n`;
}

/** Every generated documentation file, by path relative to docs/rules/. */
export function renderRuleDocs(rules: readonly { meta: RuleMeta }[]): Map<string, string> {
  const out = new Map<string, string>();
  out.set('README.md', rulesIndexMarkdown(rules));
  for (const r of rules) out.set(`${r.meta.id}.md`, ruleMarkdown(r.meta));
  return out;
}
