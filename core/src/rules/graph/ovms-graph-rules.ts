import type { Rule } from '../types';
import { llmRules } from '../llm';
import { graph003 } from './graph003-resource-side-packet';
import { graph004 } from './graph004-servable-node-identity';
import { graph006 } from './graph006-graph-io';
import { graph007 } from './graph007-loopback-wiring';
import { graph008 } from './graph008-queue-directive';
import { graph009 } from './graph009-client-side-packets';
import { graph010 } from './graph010-python-module-clash';
import { graph011 } from './graph011-python-handler-missing';
import { graph012 } from './graph012-removed-calculator';
import { graph013 } from './graph013-unknown-servable';
import { sec051 } from './sec-051-python-node-code';

/** OVMS graph structure rules (catalogue §4, issue #4), then the LLM and graph DoS rules. */
export const ovmsGraphRules: Rule[] = [graph003, graph004, graph006, graph007, graph008, graph009, graph010, graph011, graph012, graph013, sec051, ...llmRules];
