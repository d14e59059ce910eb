import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Collect when the heap grew this much since the last collection… */
const GROWTH = 16 * 1024 * 1024;
/** …and not more often than this (typing on a large graph must not pay a collection per edit). */
const INTERVAL_MS = 1000;

type GcFunction = () => void;

/**
 * Keeps the server's memory near what it retains. Every validation leaves short-lived parses
 * behind; during a burst (an editor opening a thousand files) V8 promotes much of it, grows the
 * heap far past the live data and keeps those pages afterwards. When the validation queue is
 * empty, the heap grew by GROWTH since the last collection and the last one is INTERVAL_MS old,
 * one full collection runs (a few ms to a few tens of ms), so the heap never grows far past the
 * live data. Measured by bench/04-lsp.bench.mjs.
 */
export class MemoryKeeper {
  private after = getHeapStatistics().used_heap_size;
  private last = 0;
  private pending = false;
  private readonly gc: GcFunction | undefined = exposeGc();

  /** Call when the validation queue is empty. */
  idle(): void {
    if (!this.gc || this.pending || Date.now() - this.last < INTERVAL_MS) return;
    if (getHeapStatistics().used_heap_size - this.after < GROWTH) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.gc!();
      this.last = Date.now();
      this.after = getHeapStatistics().used_heap_size;
    });
  }
}

/** V8's `gc()` without starting node with --expose-gc (the flag applies to new contexts only). */
function exposeGc(): GcFunction | undefined {
  const global = (globalThis as { gc?: GcFunction }).gc;
  if (global) return global;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as GcFunction | undefined;
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? gc : undefined;
  } catch {
    return undefined;
  }
}
