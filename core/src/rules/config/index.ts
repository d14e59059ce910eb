import type { Rule } from '../types';
import { dagSchema } from './dag-schema';
import { fieldTypes } from './field-types';
import { monitoring } from './monitoring';
import { pluginConfigTypes } from './plugin-config-types';
import { subconfigContent } from './subconfig-content';
import { topLevelSchema } from './top-level-schema';
import { unknownModelConfigKey } from './unknown-model-config-key';
import { versionPolicyShape } from './version-policy-shape';

export const configRules: Rule[] = [
  topLevelSchema,
  unknownModelConfigKey,
  pluginConfigTypes,
  versionPolicyShape,
  fieldTypes,
  dagSchema,
  monitoring,
  subconfigContent,
];
