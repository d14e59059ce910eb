/** Calculator contracts: the packet types OVMS and its calculators give a tag (reference §4.2, §4.3). */
import { describe, expect, it } from 'vitest';
import { contractOf, graphInputPrefixFor, graphInputType, inferenceTagType, portType } from '../../core/src/graph/contracts';

describe('OpenVINOInferenceCalculator types a tag by its prefix, in order', () => {
  it.each([
    ['OVTENSORS2', 'std::vector<ov::Tensor>'],
    ['OVTENSOR1', 'ov::Tensor'],
    ['TENSORS', 'std::vector<mediapipe::Tensor>'],
    ['TENSOR_X', 'mediapipe::Tensor'],
    ['TFTENSORS', 'std::vector<tensorflow::Tensor>'],
    ['TFLITE_TENSOR', 'TfLiteTensor'],
    ['B', 'ov::Tensor'],
    ['', 'ov::Tensor'],
  ])('%s -> %s', (tag, type) => expect(inferenceTagType(tag)).toBe(type));
});

describe('OVMS types a KServe graph input by its tag prefix', () => {
  it.each([
    ['REQUEST_PAYLOAD', 'inference::ModelInferRequest'],
    ['TENSORS', 'mediapipe::Tensor'],
    ['OVTENSOR', 'ov::Tensor'],
    ['OVMS_PY_TENSOR1', 'PyObjectWrapper<py::object>'],
    ['IMAGES', 'mediapipe::ImageFrame'],
    ['', 'ov::Tensor'],
    ['INPUT', 'ov::Tensor'],
  ])('%s -> %s', (tag, type) => expect(graphInputType(tag)).toBe(type));
  it('names the prefix that yields a type, and none for vectors', () => {
    expect(graphInputPrefixFor('PyObjectWrapper<py::object>')).toBe('OVMS_PY_TENSOR');
    expect(graphInputPrefixFor('std::vector<ov::Tensor>')).toBeUndefined();
  });
});

describe('contract ports', () => {
  it('types fixed ports at index 0 only and rejects undeclared tags', () => {
    const llm = contractOf('HttpLLMCalculator')!;
    expect(portType(llm.input_stream, 'LOOPBACK', 0)).toBe('bool');
    expect(portType(llm.input_stream, 'LOOPBACK', 1)).toBeNull();
    expect(portType(llm.input_stream, 'PROMPT', 0)).toBeNull();
  });
  it('accepts any tag at index 0 for the Python calculator, LOOPBACK as bool', () => {
    const py = contractOf('.PythonExecutorCalculator')!;
    expect(portType(py.output_stream, 'ANYTHING', 0)).toBe('PyObjectWrapper<py::object>');
    expect(portType(py.output_stream, 'LOOPBACK', 0)).toBe('bool');
    expect(portType(py.output_stream, 'ANYTHING', 1)).toBeNull();
  });
  it('knows no contract for stock calculators', () => expect(contractOf('PassThroughCalculator')).toBeUndefined());
});
