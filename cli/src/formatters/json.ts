import type { Formatter } from './types';

/** design.md's machine-readable contract, as is. */
export const json: Formatter = (report) => JSON.stringify(report, null, 2) + '\n';
