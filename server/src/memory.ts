import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Collect when the heap grew this much since the last collection… */
const GROWTH = 16 * 1024 * 1024;
/** …after a burst that validated at least this many different documents (an editor opening a workspace)… */
const BURST = 8;
/**
 * …and when the time since the last collection is at least this many times what it took, so
 * that collecting costs at most ~1/OVERHEAD of the server's time.
 */
const OVERHEAD = 10;
/** The first collections, before one was timed. */
const MIN_INTERVAL_MS = 100;
/** Otherwise (typing: the same document again and again) the collection waits until this long idle. */
const IDLE_MS = 2000;

type GcFunction = () => void;

/**
 * Keeps the server's memory near what it retains. Every validation leaves short-lived parses
 * behind; during a burst (an editor opening a thousand files) V8 promotes much of it, grows the
 * heap far past the live data and keeps those pages afterwards. When the validation queue is
 * empty after a burst over many documents and the heap grew by GROWTH since the last collection, one full
 * collection runs (a few ms to a few tens of ms, at most ~1/OVERHEAD of the time), so the heap
 * never grows far past the live data. Typing validates one document per edit: there the
 * collection waits until the user pauses (IDLE_MS), so it never sits between an edit and its
 * diagnostics. Measured by bench/04-lsp.bench.mjs.
 */
export class MemoryKeeper {
  private after = getHeapStatistics().used_heap_size;
  private last = 0;
  private took = 0;
  private readonly validated = new Set<string>();
  private pending = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly gc: GcFunction | undefined = exposeGc();

  /** Call after each validation. */
  didValidate(path: string): void {
    if (this.gc) this.validated.add(path);
  }

  /** Call when the validation queue is empty. */
  idle(): void {
    if (!this.gc || this.pending) return;
    clearTimeout(this.timer);
    if (this.validated.size >= BURST && Date.now() - this.last >= Math.max(MIN_INTERVAL_MS, OVERHEAD * this.took)) {
      this.pending = true;
      setImmediate(() => this.collect());
    } else {
      this.timer = setTimeout(() => this.collect(), IDLE_MS);
      this.timer.unref();
    }
  }

  private collect(): void {
    this.pending = false;
    this.timer = undefined;
    if (getHeapStatistics().used_heap_size - this.after < GROWTH) return;
    const start = Date.now();
    this.gc!();
    this.last = Date.now();
    this.took = this.last - start;
    this.validated.clear();
    this.after = getHeapStatistics().used_heap_size;
  }
}

/** V8's `gc()` without starting node with --expose-gc (the flag applies to new contexts only). */
/** `OVMS_LINT_NO_GC=1` turns the keeper off (to compare memory and latency without it). */
function exposeGc(): GcFunction | undefined {
  if (process.env.OVMS_LINT_NO_GC) return undefined;
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
