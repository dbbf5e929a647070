// How fast the client is taking a streamed answer. Astro's Node adapter writes each chunk of a
// response body to the socket without waiting for it to drain, so a body produced as fast as the
// database can read would pile up in memory for a slow (or stopped) reader. src/lib/http/serve.ts
// runs each request with its Node response here; a stream asks `ready()` before making more.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';
import { unsentBytes } from './compress';

const responses = new AsyncLocalStorage<ServerResponse>();

/** Bytes a reader may leave unread in our buffers before the stream waits for it. */
export const READER_BUFFER_BYTES = 256 * 1024;
/** A reader that takes nothing for this long is cut off, so it cannot hold a download slot for ever. */
export const STALLED_READER_MS = 60_000;

/** Runs `handle` with `res` as the response that streams made within it write to. */
export function withResponse<T>(res: ServerResponse, handle: () => T): T {
  return responses.run(res, handle);
}

export interface ResponseFlow {
  /**
   * Resolves true when the reader has taken enough that more may be made, false once the reader
   * has gone. Always lets other requests run first (at least one turn of the loop).
   */
  ready(): Promise<boolean>;
  /** Calls `then` once when the reader goes or the answer ends (at most once). */
  onClose(then: () => void): void;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** When the next piece of background work may start (Infinity while one is running). */
let nextTurnAt = 0;

/**
 * Runs one piece of bulk work (a batch of a full download) when it is its turn: one piece at a
 * time in the whole process, each followed by a rest as long as it took, so all such work together
 * takes at most about half the process's time and ordinary requests always get the rest.
 */
export async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    const now = performance.now();
    if (now >= nextTurnAt) break;
    await sleep(Number.isFinite(nextTurnAt) ? Math.max(1, Math.min(nextTurnAt - now, 1_000)) : 5);
  }
  nextTurnAt = Infinity;
  const started = performance.now();
  try {
    return await work();
  } finally {
    const finished = performance.now();
    nextTurnAt = finished + Math.min(finished - started, 1_000);
  }
}

/** The flow of the current request's response (made where the request is handled). */
export function responseFlow({
  bufferBytes = READER_BUFFER_BYTES,
  stalledMs = STALLED_READER_MS,
}: { bufferBytes?: number; stalledMs?: number } = {}): ResponseFlow {
  const res = responses.getStore();
  const gone = () => !res || res.destroyed || res.writableEnded;
  return {
    async ready() {
      await yieldToOthers();
      if (!res) return true; // not behind our server (a test calling the handler directly)
      if (gone()) return false;
      // With compression, bytes also wait in the compressor (src/lib/http/compress.ts).
      if (unsentBytes(res) < bufferBytes) return true;
      // Wait while the reader takes what is buffered; cut it off once it takes nothing for stalledMs.
      let lastUnsent = unsentBytes(res);
      let lastProgress = performance.now();
      for (;;) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          const timer = setTimeout(done, 50);
          res.once('drain', done);
          res.once('close', done);
        });
        if (gone()) return false;
        const unsent = unsentBytes(res);
        if (unsent < bufferBytes) return true;
        const now = performance.now();
        if (unsent < lastUnsent) {
          lastUnsent = unsent;
          lastProgress = now;
        } else if (now - lastProgress >= stalledMs) {
          res.destroy();
          return false;
        }
      }
    },
    onClose(then) {
      if (!res) return;
      if (res.destroyed || res.writableFinished) then();
      else res.once('close', then);
    },
  };
}
