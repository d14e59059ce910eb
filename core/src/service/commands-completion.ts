import type { CommandsDocument } from '../documents';
import type { ServiceCompletionItem } from './types';

/** Completion of OVMS flags in command lines. */
export function commandsCompletion(_doc: CommandsDocument, _offset: number): ServiceCompletionItem[] {
  return [];
}
