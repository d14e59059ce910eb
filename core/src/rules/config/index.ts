import type { Rule } from '../types';
import { basePath } from './base-path';
import { bothShapeAndBatch } from './both-shape-and-batch';
import { dagSchema } from './dag-schema';
import { deprecatedSections } from './deprecated-sections';
import { fieldTypes } from './field-types';
import { modelOrGraph } from './model-or-graph';
import { monitoring } from './monitoring';
import { pathTraversal } from './path-traversal';
import { pluginConfigTypes } from './plugin-config-types';
import { servableNames } from './servable-names';
import { subconfigContent } from './subconfig-content';
import { topLevelSchema } from './top-level-schema';
import { unknownModelConfigKey } from './unknown-model-config-key';
import { versionPolicyMany } from './version-policy-many';
import { versionPolicyShape } from './version-policy-shape';
import { whitespace } from './whitespace';
import { sec054 } from './sec-054-cache-custom-loader';

export const configRules: Rule[] = [
  topLevelSchema,
  unknownModelConfigKey,
  pluginConfigTypes,
  versionPolicyShape,
  fieldTypes,
  bothShapeAndBatch,
  servableNames,
  pathTraversal,
  basePath,
  modelOrGraph,
  deprecatedSections,
  whitespace,
  dagSchema,
  monitoring,
  subconfigContent,
  versionPolicyMany,
  sec054,
];
