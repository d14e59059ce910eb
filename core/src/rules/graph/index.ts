import type { Rule } from '../types';
import { ovmsGraphRules } from './ovms-graph-rules';

export const graphRules: Rule[] = [...ovmsGraphRules];
