import type { Rule } from '../types';

export const commandsRules: Rule[] = [];
