import { json } from './json';
import { stylish } from './stylish';
import type { Formatter } from './types';

export const formatters: Record<string, Formatter> = { stylish, json };
export type { Formatter, FormatContext } from './types';
