import type { GraphDocument } from '../documents';
import type { HoverTopic } from './types';

/** Hover in a MediaPipe graph: graph fields, calculators, option fields. */
export function graphHover(_doc: GraphDocument, _offset: number): HoverTopic | undefined {
  return undefined;
}
