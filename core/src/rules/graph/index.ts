import type { Rule } from '../types';
import { optionsCalculatorMismatch } from './options-calculator-mismatch';
import { ovmsGraphRules } from './ovms-graph-rules';
import { pluginConfigJson } from './plugin-config-json';
import { requiredOptionFields } from './required-option-fields';
import { unknownOptionField } from './unknown-option-field';

export const graphRules: Rule[] = [unknownOptionField, optionsCalculatorMismatch, requiredOptionFields, pluginConfigJson, ...ovmsGraphRules];
