/** The .proto comments are the editor's documentation of graph fields: none may be missing. */
import { describe, expect, test } from 'vitest';
import { OPTIONS_MESSAGES } from '../../core/src/service/data/calculators';
import { fieldsOf, messageDoc } from '../../core/src/service/graph-schema';

const DOCUMENTED = ['mediapipe.CalculatorGraphConfig', 'mediapipe.CalculatorGraphConfig.Node', 'mediapipe.InputStreamHandlerConfig', 'mediapipe.OutputStreamHandlerConfig', 'mediapipe.InputStreamInfo', 'mediapipe.ExecutorConfig', ...OPTIONS_MESSAGES];

describe('proto comments carried into the descriptor docs', () => {
  test.each(DOCUMENTED)('every field of %s has a doc comment', (type) => {
    const fields = fieldsOf(type);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((f) => !f.doc).map((f) => f.name)).toEqual([]);
  });

  test('message comments, multi-line comments joined into one paragraph', () => {
    expect(messageDoc('mediapipe.CalculatorGraphConfig')).toBe('A MediaPipe graph, as a graph.pbtxt writes it in protobuf text format.');
    expect(fieldsOf('mediapipe.InputStreamHandlerConfig').find((f) => f.name === 'options')!.doc).toBe(
      'Handler options, e.g. `[mediapipe.SyncSetInputStreamHandlerOptions.ext] { sync_set { tag_index: "LOOPBACK:0" } }`.',
    );
  });
});
