/**
 * OVMS-SEC-051 with an absolute handler_path that the host can see: the fixtures cannot hold an
 * absolute path that exists on every machine, so this case runs on an in-memory host.
 */
import { describe, expect, it } from 'vitest';
import { lint, memoryHost } from '../../core/src';

const graph = (handler: string) => `input_stream: "OVMS_PY_TENSOR:input"
output_stream: "OVMS_PY_TENSOR:output"
node {
  name: "python_node"
  calculator: "PythonExecutorCalculator"
  input_side_packet: "PYTHON_NODE_RESOURCES:py"
  input_stream: "OVMS_PY_TENSOR:input"
  output_stream: "OVMS_PY_TENSOR:output"
  node_options: {
    [type.googleapis.com / mediapipe.PythonExecutorCalculatorOptions]: { handler_path: "${handler}" }
  }
}
`;

function sec051(files: Record<string, string>) {
  const r = lint([{ path: '/srv/graph.pbtxt', text: files['/srv/graph.pbtxt']! }], { host: memoryHost(files) });
  return r.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'OVMS-SEC-051').map((f) => ({ severity: f.severity, start: f.span.start, message: f.message }));
}

describe('OVMS-SEC-051 on an absolute handler_path', () => {
  it('warns when the handler directory also holds model files', () => {
    const text = graph('/srv/models/resnet/model.py');
    const found = sec051({ '/srv/graph.pbtxt': text, '/srv/models/resnet/model.py': 'x', '/srv/models/resnet/model.bin': '' });
    expect(found).toEqual([{ severity: 'warning', start: text.indexOf('"/srv/models'), message: expect.stringContaining('Its directory also holds model files ("model.bin")') }]);
  });

  it('is info when the handler directory holds only code', () => {
    const text = graph('/srv/handlers/model.py');
    const found = sec051({ '/srv/graph.pbtxt': text, '/srv/handlers/model.py': 'x' });
    expect(found).toEqual([{ severity: 'info', start: text.indexOf('"/srv/handlers'), message: expect.stringContaining('Review the handler like server code') }]);
  });
});
