import type { Rule } from '../types';
import { syntaxCmd } from './cmd';
import { syntaxJson } from './json';
import { syntaxPbtxt } from './pbtxt';

<<<<<<< HEAD
// OVMS-SYNTAX-PBTXT joins the registry with its parser (issue #3).
export const syntaxRules: Rule[] = [syntaxJson, syntaxCmd];
=======
// OVMS-SYNTAX-CMD joins the registry with its parser (issue #5).
export const syntaxRules: Rule[] = [syntaxJson, syntaxPbtxt];
>>>>>>> main

/** The syntax rule whose findings a parser of this document kind produces. */
export const syntaxRuleFor = {
  'ovms-config': syntaxJson,
  subconfig: syntaxJson,
  settings: syntaxJson,
  'mediapipe-graph': syntaxPbtxt,
  'command-lines': syntaxCmd,
} as const;
