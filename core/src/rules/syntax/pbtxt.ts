import type { EngineRule } from '../types';

export const syntaxPbtxt: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-SYNTAX-PBTXT',
    name: 'pbtxt-syntax',
    severity: 'error',
    impact: 'load',
    tags: ['syntax', 'mediapipe'],
    appliesTo: ['mediapipe-graph'],
    title: 'Graph file is not valid protobuf text format',
    description:
      'Reports every place where a MediaPipe graph (.pbtxt) breaks the protobuf text format as protobuf\'s C++ TextFormat parser reads it: unbalanced delimiters, `//` comments, unterminated strings, bad escapes, non-ASCII characters outside strings and comments, a missing value. The parser recovers and reports the rest of the file too.',
    why:
      'OVMS parses graph.pbtxt with protobuf\'s TextFormat; on any syntax error it logs "Trying to parse mediapipe graph definition ... failed" (MEDIAPIPE_GRAPH_CONFIG_FILE_INVALID) and the graph is not loaded, while the server keeps running without it.',
    example: {
      language: 'pbtxt',
      invalid: 'input_stream: "HTTP_REQUEST_PAYLOAD:input"\n// comment\nnode {\n  calculator: "HttpLLMCalculator"\n',
      valid: 'input_stream: "HTTP_REQUEST_PAYLOAD:input"\n# comment\nnode {\n  calculator: "HttpLLMCalculator"\n}\n',
    },
    fix: 'Use `#` comments, balance `{}`/`<>`, close strings on the same line, keep non-ASCII text inside strings or comments.',
  },
};
