import type { Rule } from '../types';
import { llm001 } from './llm001-max-tokens-limit';
import { llm002 } from './llm002-dynamic-kv-cache';
import { llm003 } from './llm003-oversized-cache';
import { llm004 } from './llm004-seqs-vs-batched-tokens';
import { llm005 } from './llm005-split-fuse';
import { llm006 } from './llm006-npu-ignored-options';
import { llm007 } from './llm007-best-of-limit';
import { llm008 } from './llm008-draft-without-model';
import { llm009 } from './llm009-parsers';
import { llm011 } from './llm011-kv-cache-precision';
import { llm012 } from './llm012-npu-prompt-len';
import { llm013 } from './llm013-num-streams-number';
import { llm014 } from './llm014-pipeline-type';
import { llm015 } from './llm015-models-path';
import { llm016 } from './llm016-cache-interval-multiplier';
import { llm017 } from './llm017-tool-guided-generation';
import { dos011 } from '../dos/dos011-image-gen-limits';
import { dos012 } from '../dos/dos012-rerank-chunks';

/** LLM graph rules (catalogue §3) and the graph-side DoS rules (DOS-011, DOS-012). */
export const llmRules: Rule[] = [llm001, llm002, llm003, llm004, llm005, llm006, llm007, llm008, llm009, llm011, llm012, llm013, llm014, llm015, llm016, llm017, dos011, dos012];
