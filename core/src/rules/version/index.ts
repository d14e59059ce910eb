import type { Rule } from '../types';
import { ver003 } from './ver-003-stateful-removed';
import { ver004 } from './ver-004-removed-graph-field';

/** Version rules about files (configs, graphs) and flags together; VER-001/002/006 are command rules. */
export const versionRules: Rule[] = [ver003, ver004];
