import { checkstyle } from './checkstyle';
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, gitlab, checkstyle, junit };
export type { Formatter, FormatContext } from './types';
