import type { Rule } from '../types';
import { mp001 } from './mp001-invalid-entry';
import { mp002 } from './mp002-duplicate-tag-index';
import { mp003 } from './mp003-tag-index-gap';
import { mp004 } from './mp004-input-stream-info';
import { mp005 } from './mp005-duplicate-options-type';
import { mp006 } from './mp006-stream-produced-twice';
import { mp007 } from './mp007-side-packet-produced-twice';
import { mp008 } from './mp008-unproduced-input-stream';
import { mp009 } from './mp009-cycle';
import { mp010 } from './mp010-undeclared-executor';
import { mp011 } from './mp011-executor-config';
import { mp012 } from './mp012-unknown-stream-handler';
import { mp013 } from './mp013-timestamp-align-base';
import { mp014 } from './mp014-subgraph-calculator-field';
import { mp015 } from './mp015-unknown-calculator';
import { mp016 } from './mp016-graph-output-not-produced';
import { mp017 } from './mp017-side-packet-not-provided';
import { mp018 } from './mp018-sync-set';

/** MediaPipe's own checks (reference mediapipe-graphs.md §3.3 at load, §3.4 at request time). */
export const mpRules: Rule[] = [mp001, mp002, mp003, mp004, mp005, mp006, mp007, mp008, mp009, mp010, mp011, mp012, mp013, mp014, mp015, mp016, mp017, mp018];
