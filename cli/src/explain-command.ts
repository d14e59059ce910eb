import { Command } from 'commander';
import { allRules, findRule } from '../../core/src';
import { ruleExplanation } from '../../core/src/docs/markdown';
import { didYouMeanSuffix } from '../../core/src/text/suggest';
import type { Io } from './main';

/** `ovms-lint explain ID|NAME`: a rule's documentation, offline, from its metadata. */
export function explainCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('explain')
    .description("print a rule's documentation (by id, alias or name)")
    .argument('<rule>', 'rule id (OVMS-SEC-013), alias or kebab-case name')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action((id: string) => {
      const rule = findRule(id);
      if (!rule) {
        const names = allRules.flatMap((r) => [r.meta.id, r.meta.name]);
        io.stderr(`ovms-lint: no rule "${id}".${didYouMeanSuffix(id, names)} \`ovms-lint rules\` lists them all.\n`);
        setExit(2);
        return;
      }
      io.stdout(ruleExplanation(rule.meta));
    });
}
