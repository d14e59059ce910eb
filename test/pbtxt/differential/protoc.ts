/**
 * The reference implementation: `protoc --encode=mediapipe.CalculatorGraphConfig` with the
 * project's schemas/proto. Results are cached in the system temp directory by (protoc version,
 * schema files, input), so repeated test runs do not spawn thousands of processes; a fresh
 * machine (CI) runs protoc for every input.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ProtocResult {
  ok: boolean;
  /** stdout (the encoded message) when ok. */
  bytes?: Uint8Array;
  /** stderr when rejected. */
  error?: string;
}

function protoFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...protoFiles(p, base));
    else if (name.endsWith('.proto')) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

export function protocAvailable(): boolean {
  try {
    execFileSync('protoc', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export class Protoc {
  readonly version: string;
  private readonly descriptorSet: string;
  private readonly cacheDir: string;
  private readonly salt: string;
  calls = 0;
  cacheHits = 0;

  constructor(repoRoot: string) {
    const protoDir = path.join(repoRoot, 'schemas/proto');
    this.version = execFileSync('protoc', ['--version'], { encoding: 'utf8' }).trim();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovms-lint-protoc-'));
    // A wrapper message lets one protoc call encode many graphs that are expected to parse.
    fs.writeFileSync(
      path.join(tmp, 'differential_batch.proto'),
      'syntax = "proto3";\nimport "mediapipe/framework/calculator.proto";\nmessage DifferentialBatch { repeated mediapipe.CalculatorGraphConfig g = 1; }\n',
    );
    this.descriptorSet = path.join(tmp, 'schemas.pb');
    execFileSync('protoc', ['-I', protoDir, '-I', tmp, '--include_imports', `--descriptor_set_out=${this.descriptorSet}`, ...protoFiles(protoDir), 'differential_batch.proto'], { stdio: 'pipe' });
    const hash = createHash('sha256');
    hash.update(this.version);
    for (const f of protoFiles(protoDir)) hash.update(f).update(fs.readFileSync(path.join(protoDir, f)));
    this.salt = hash.digest('hex');
    // Shared by every checkout on the machine: the key covers protoc, the schemas and the input.
    this.cacheDir = path.join(os.tmpdir(), 'ovms-lint-protoc-cache');
    fs.mkdirSync(this.cacheDir, { recursive: true });
  }

  private spawn(type: string, input: string): Promise<ProtocResult> {
    this.calls++;
    return new Promise((resolve) => {
      const p = spawn('protoc', [`--descriptor_set_in=${this.descriptorSet}`, `--encode=${type}`], { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      p.stdout.on('data', (b: Buffer) => out.push(b));
      p.stderr.on('data', (b: Buffer) => err.push(b));
      p.on('error', (e) => resolve({ ok: false, error: String(e) }));
      p.on('close', (code) => {
        const error = Buffer.concat(err).toString('utf8');
        resolve(code === 0 ? { ok: true, bytes: new Uint8Array(Buffer.concat(out)), error } : { ok: false, error });
      });
      p.stdin.on('error', () => undefined);
      p.stdin.end(Buffer.from(input, 'utf8'));
    });
  }

  private key(kind: string, input: string): string {
    return createHash('sha256').update(this.salt).update(kind).update('\0').update(input).digest('hex');
  }

  private cached(key: string): ProtocResult | undefined {
    try {
      const j = JSON.parse(fs.readFileSync(path.join(this.cacheDir, key.slice(0, 2), key), 'utf8'));
      this.cacheHits++;
      return j.ok ? { ok: true, bytes: new Uint8Array(Buffer.from(j.bytes, 'base64')) } : { ok: false, error: j.error };
    } catch {
      return undefined;
    }
  }

  private store(key: string, r: ProtocResult): void {
    const dir = path.join(this.cacheDir, key.slice(0, 2));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, key), JSON.stringify(r.ok ? { ok: true, bytes: Buffer.from(r.bytes!).toString('base64') } : { ok: false, error: r.error }));
  }

  /** Encode one graph. */
  async encode(input: string): Promise<ProtocResult> {
    const key = this.key('one', input);
    const hit = this.cached(key);
    if (hit) return hit;
    const r = await this.spawn('mediapipe.CalculatorGraphConfig', input);
    this.store(key, r);
    return r;
  }

  /**
   * Encode many graphs in one call, each wrapped as `g { … }` of a wrapper message. Returns the
   * encoding of each graph, or undefined when protoc rejects the batch (the caller then runs
   * each graph alone).
   */
  async encodeBatch(inputs: string[]): Promise<Uint8Array[] | undefined> {
    const text = inputs.map((t) => `g {\n${t}\n}\n`).join('');
    const key = this.key('batch', text);
    const r = this.cached(key) ?? (await this.spawn('DifferentialBatch', text));
    this.store(key, r);
    if (!r.ok) return undefined;
    const parts = splitRepeated(r.bytes!);
    return parts.length === inputs.length ? parts : undefined;
  }
}

/** The length-delimited values of field 1 in a message made only of field 1 entries. */
function splitRepeated(b: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const c = b[i++]!;
      v += (c & 0x7f) * 2 ** shift;
      if (c < 0x80) return v;
      shift += 7;
    }
  };
  while (i < b.length) {
    const tag = varint();
    if (tag !== 10) return [];
    const len = varint();
    out.push(b.subarray(i, i + len));
    i += len;
  }
  return out;
}

/** Run async jobs with at most `n` at a time. */
export async function pool<T, R>(items: T[], n: number, job: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}
