import type { Rule } from '../types';
import { syntaxCmd } from './cmd';
import { syntaxJson } from './json';
import { syntaxPbtxt } from './pbtxt';

export const syntaxRules: Rule[] = [syntaxJson, syntaxPbtxt, syntaxCmd];

/** The syntax rule whose findings a parser of this document kind produces. */
export const syntaxRuleFor = {
  'ovms-config': syntaxJson,
  subconfig: syntaxJson,
  settings: syntaxJson,
  'mediapipe-graph': syntaxPbtxt,
  'command-lines': syntaxCmd,
} as const;
