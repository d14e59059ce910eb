import type { CommandsDocument } from '../documents';
import type { HoverTopic } from './types';

/** Hover on an OVMS flag in a command line. */
export function commandsHover(_doc: CommandsDocument, _offset: number): HoverTopic | undefined {
  return undefined;
}
