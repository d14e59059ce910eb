import type { Rule } from '../types';

export const graphRules: Rule[] = [];
