import type { GraphDocument } from '../documents';
import type { ServiceCompletionItem } from './types';

/** Completion in a MediaPipe graph: field names, calculators, option fields, stream tags. */
export function graphCompletion(_doc: GraphDocument, _offset: number): ServiceCompletionItem[] {
  return [];
}
