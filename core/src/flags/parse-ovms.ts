import type { ArgProblem, FlagUse, OvmsArgs } from './model';
import { FLAG_BY_NAME, REMOVED_BY_NAME, takesNoValue } from './table';
import { isKnown, sliceWord, subSpan, type Word } from './words';
import { looksBoolean, parseBool } from './values';

/**
 * Parse OVMS arguments the way cxxopts 3.1.1 with `allow_unrecognised_options()` does
 * (reference §3.1): long options only (`--name value`, `--name=value`), `-h` the only short one;
 * booleans take an implicit value and never consume the next word; other options take the next
 * word whatever it is; unknown options and stray words are "unmatched arguments".
 * Values are not validated here beyond what makes cxxopts itself fail (done by rules).
 */
export function parseOvmsArgs(words: Word[]): OvmsArgs {
  const uses: FlagUse[] = [];
  const problems: ArgProblem[] = [];
  const byName = new Map<string, FlagUse[]>();
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    const v = w.value;
    const m = /^(--?)([^=]*)(=?)/.exec(v);
    if (!m || v === '-' || v === '--') {
      // no option: unmatched, unless the text cannot know what it expands to (`$EXTRA_ARGS`)
      if (isKnown(v.slice(0, 1)) && v !== '') problems.push({ kind: 'stray', span: w.span, text: v });
      i++;
      continue;
    }
    if (!isKnown(m[2]!)) {
      // `--${NAME}`: an option whose name the text cannot know
      i++;
      continue;
    }
    const dashes = m[1]!;
    const name = m[2]!;
    const inline = m[3] === '=';
    const nameSpan = subSpan(w, 0, dashes.length + name.length);
    if (dashes === '-' && name === 'h' && !inline) {
      const use: FlagUse = { name: 'help', def: FLAG_BY_NAME.get('help'), word: w, nameSpan, value: undefined, inline: false, span: w.span };
      record(uses, byName, use);
      i++;
      continue;
    }
    const def = dashes === '--' ? FLAG_BY_NAME.get(name) : undefined;
    if (!def) {
      const removed = dashes === '--' ? REMOVED_BY_NAME.get(name) : undefined;
      // an unknown option: cxxopts cannot know whether it takes a value; the next non-option
      // word is unmatched too and is reported with it.
      const trailing: Word[] = [];
      let j = i + 1;
      if (!inline && j < words.length && !words[j]!.value.startsWith('-')) trailing.push(words[j++]!);
      const end = trailing.length ? trailing[trailing.length - 1]!.span.end : w.span.end;
      problems.push({ kind: removed ? 'removed' : 'unknown', span: { start: w.span.start, end }, nameSpan, text: dashes === '-' ? `-${name}` : name, trailing });
      i = j;
      continue;
    }
    let value: Word | undefined;
    let end = w.span.end;
    if (inline) {
      value = sliceWord(w, m[0].length);
    } else if (!takesNoValue(def)) {
      if (i + 1 < words.length) {
        value = words[i + 1]!;
        end = value.span.end;
        i++;
      } else {
        problems.push({ kind: 'missing-value', span: w.span, text: name });
      }
    }
    const use: FlagUse = { name, def, word: w, nameSpan, value, inline, span: { start: w.span.start, end } };
    record(uses, byName, use);
    if (takesNoValue(def)) {
      if (inline && value && isKnown(value) && parseBool(value.value) === undefined) {
        problems.push({ kind: 'bad-value', span: value.span, text: value.value, use });
      }
      const next = words[i + 1];
      if (!inline && next && isKnown(next) && looksBoolean(next.value)) {
        problems.push({ kind: 'bool-separate', span: next.span, text: next.value, use });
        i++;
      }
    }
    i++;
  }
  return { words, uses, problems, byName };
}

function record(uses: FlagUse[], byName: Map<string, FlagUse[]>, use: FlagUse): void {
  uses.push(use);
  let list = byName.get(use.name);
  if (!list) byName.set(use.name, (list = []));
  list.push(use);
}

/** The effective use of a flag (the last one: OVMS lets the last value win). */
export function lastUse(args: OvmsArgs, name: string): FlagUse | undefined {
  const list = args.byName.get(name);
  return list ? list[list.length - 1] : undefined;
}

export function has(args: OvmsArgs, name: string): boolean {
  return args.byName.has(name);
}
