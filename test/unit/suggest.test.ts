import { describe, expect, it } from 'vitest';
import { boundedSuggester, didYouMean, didYouMeanSuffix, editDistance } from '../../core/src/text/suggest';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'ab', 2],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['abcd', 'acbd', 1],
    ['ca', 'abc', 3],
    ['enable_prefix_cache', 'enable_prefix_caching', 3],
  ])('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early past the limit, answering limit + 1', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('short', 'a much longer word', 2)).toBe(3);
  });

  it('is not confused by a longer word after a shorter one (reused buffers)', () => {
    expect(editDistance('x'.repeat(200), 'x'.repeat(199) + 'y')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

describe('boundedSuggester', () => {
  const names = ['input', 'output', 'loopback0', 'loopback1', 'llm_out', 'Embeddings', 'in_a', 'in_b'];

  it('suggests what didYouMean suggests over the whole list (same tie-breaking)', () => {
    const suggest = boundedSuggester(names);
    for (const w of ['inpt', 'outptu', 'loopback2', 'embeddings', 'in_c', 'zzzzzzzz', 'llm_ou']) {
      expect(suggest(w), w).toBe(didYouMeanSuffix(w, names));
    }
    expect(didYouMean('in_c', names)).toBe('in_a');
    expect(didYouMean('embeddings', names)).toBe('Embeddings');
  });

  it('answers with no suggestion after its query budget', () => {
    const suggest = boundedSuggester(names, 2);
    expect(suggest('inpt')).toBe(' Did you mean `input`?');
    expect(suggest('inpt')).toBe(' Did you mean `input`?');
    expect(suggest('inpt')).toBe('');
  });

  it('answers with no suggestion once its comparison budget cannot cover a query', () => {
    // 'inpt' (limit 1) compares the candidates of length 3 to 5: in_a, in_b, input = 3
    const suggest = boundedSuggester(names, 50, 7);
    expect(suggest('inpt')).toBe(' Did you mean `input`?');
    expect(suggest('inpt')).toBe(' Did you mean `input`?');
    expect(suggest('inpt')).toBe('');
    expect(suggest('in_c')).toBe('');
  });
});
