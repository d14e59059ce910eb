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
import { mp019 } from './mp019-calculator-ports';
import { mp020 } from './mp020-calculator-contract-check';
import { mp021 } from './mp021-packet-type-mismatch';
import { mp022 } from './mp022-subgraph-ports';
import { mp023 } from './mp023-packet-generator-status-handler';
import { mp024 } from './mp024-unneeded-back-edge';
import { mp025 } from './mp025-graph-input-packet-type';

/**
 * MediaPipe's own checks (reference mediapipe-graphs.md §3.3 at load, §3.4 at request time).
 *
 * Every row of the initialization table (§3.3) and the rule that covers it:
 *
 * | row | MediaPipe step / error                                              | rule                    |
 * |-----|---------------------------------------------------------------------|-------------------------|
 * | 1   | subgraph node with calculator-only fields                           | MP-014                  |
 * | 2   | subgraph node uses a tag the subgraph does not declare              | MP-022                  |
 * | 3   | subgraph node gives more indices than the subgraph declares         | MP-022                  |
 * | 4   | subgraph factory errors (packet_factory in a subgraph)              | MP-022                  |
 * | 5   | num_threads together with a default executor                        | MP-011                  |
 * | 6   | bad TAG:index:name entries, reused TAG:index, index gaps            | MP-001, MP-002, MP-003  |
 * | 7   | input_stream_info tag_index unparsable / not an input / twice       | MP-004                  |
 * | 8   | one node_options type given twice                                   | MP-005                  |
 * | 9   | calculator not registered                                           | MP-015                  |
 * | 10  | the calculator's own GetContract() RET_CHECKs                       | MP-020                  |
 * | 11  | a tag/index the contract does not declare ("was not expected")      | MP-019                  |
 * | 12  | a required tag of the contract missing ("Failed to get tag")        | MP-019 (resource side packets of GenAI/Python nodes: GRAPH-003) |
 * | 13  | unregistered packet generator / status handler                      | MP-023                  |
 * | 14  | a side packet produced twice                                        | MP-007                  |
 * | 15  | a side packet used before produced (side-packet cycle)              | MP-009                  |
 * | 16  | a stream produced twice (nodes, graph inputs)                       | MP-006                  |
 * | 17  | a consumed stream nobody produces                                   | MP-008                  |
 * | 18  | back edge on a stream already upstream (MediaPipe warns only)       | MP-024 (info)           |
 * | 19  | cycle without a declared back edge                                  | MP-009                  |
 * | 20  | back edge that no node produces                                     | MP-008                  |
 * | 21  | malformed graph output_stream entries                               | MP-001, MP-002, MP-003  |
 * | 22  | side packet producer/consumer packet types differ                   | MP-021                  |
 * | 23  | stream producer/consumer packet types differ                        | MP-021                  |
 * | 24  | reserved executor name                                              | MP-011                  |
 * | 25  | duplicate executor names                                            | MP-011                  |
 * | 26  | node uses an undeclared executor                                    | MP-010                  |
 * | 27  | named executor without a type                                       | MP-011                  |
 * | 28  | ThreadPoolExecutor without positive num_threads, unknown type       | MP-011                  |
 * | 29  | graph input listed twice                                            | MP-006                  |
 * | 30  | unregistered input / output stream handler                          | MP-012                  |
 * | 31  | TimestampAlign timestamp_base_tag_index not an input (abort)        | MP-013                  |
 *
 * After initialization (§3.4, §4.5, impact `request`): unproduced graph outputs MP-016, side packets
 * nobody provides MP-017, SyncSet options MP-018, graph-input packet types (tag prefix) MP-025.
 */
export const mpRules: Rule[] = [mp001, mp002, mp003, mp004, mp005, mp006, mp007, mp008, mp009, mp010, mp011, mp012, mp013, mp014, mp015, mp016, mp017, mp018, mp019, mp020, mp021, mp022, mp023, mp024, mp025];
