/**
 * Options that rules read. Values that depend on the machine OVMS will run on cannot be known
 * from the text: they come from settings, with these documented defaults.
 */
export interface RuleOptions {
  /** CPU cores of the serving machine (drives grpc_workers, rest_workers, stream limits). */
  cores: number;
  /** Open-files limit (`ulimit -n`) of the serving machine. */
  nofile: number;
  /** The OVMS version to assume when no image tag says it, e.g. `2026.3`. */
  ovmsVersion: string;
  /**
   * Names a custom OVMS build registers beyond a standard image's: calculators, subgraphs,
   * packet generators, status handlers (OVMS-MP-015, OVMS-MP-023 accept them).
   */
  calculators: string[];
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = {
  cores: 8,
  nofile: 1048576,
  ovmsVersion: '2026.3',
  calculators: [],
};
