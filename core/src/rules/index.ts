import { commandsRules } from './commands';
import { configRules } from './config';
import { graphRules } from './graph';
import { mpRules } from './mp';
import { lintRules } from './lint';
import { syntaxRules } from './syntax';
import { versionRules } from './version';
import type { Rule } from './types';

/** Every rule ovms-lint knows, in catalogue order. */
export const allRules: readonly Rule[] = [...syntaxRules, ...configRules, ...mpRules, ...graphRules, ...commandsRules, ...versionRules, ...lintRules];

const byKey = new Map<string, Rule>();
for (const r of allRules) {
  byKey.set(r.meta.id.toUpperCase(), r);
  byKey.set(r.meta.name.toLowerCase(), r);
  for (const a of r.meta.aliases ?? []) byKey.set(a.toUpperCase(), r);
}

/** A rule by id, alias or kebab-case name (case-insensitive). */
export function findRule(idOrName: string): Rule | undefined {
  return (
    byKey.get(idOrName.toUpperCase()) ??
    byKey.get(idOrName.toLowerCase()) ??
    // rules registered after load (tests): a linear scan, only for names the index does not know
    allRules.find((r) => r.meta.id.toUpperCase() === idOrName.toUpperCase() || r.meta.name === idOrName.toLowerCase())
  );
}

export type { Rule } from './types';
