import type { CommandsDocument } from '../../documents';
import type { OvmsCommand } from '../../flags/model';
import type { CommandsRule, RuleContext, RuleMeta } from '../types';
import { analyse, type Analysis } from './analysis';

/**
 * A command-line rule: `check` runs once per OVMS invocation found in the file, with the shared
 * analysis of that command.
 */
export function commandRule(
  meta: Omit<RuleMeta, 'appliesTo'> & { appliesTo?: RuleMeta['appliesTo'] },
  check: (ctx: RuleContext<CommandsDocument>, cmd: OvmsCommand, a: Analysis) => void,
): CommandsRule {
  return {
    target: 'commands',
    meta: { appliesTo: ['command-lines'], ...meta },
    check(ctx) {
      for (const cmd of ctx.doc.commands) check(ctx, cmd, analyse(cmd, ctx.options));
    },
  };
}

/** `--name` of a flag, for messages. */
export function flag(name: string): string {
  return `\`--${name}\``;
}
