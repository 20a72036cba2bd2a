import { Transform, type TransformCallback } from 'node:stream';

// A guard in front of the LSP reader on stdin. vscode-jsonrpc believes any Content-Length: after
// `Content-Length: 99999999999` it waits for that many bytes, and every later message disappears into
// that body, so the server stops answering for good. Here a header whose length is missing, not a
// number or above MAX_MESSAGE_BYTES is dropped (and reported), and reading resumes at the next header.

/** The largest message accepted: a 20 MiB file, JSON-escaped, in a didOpen, with room to spare. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** Headers are a few dozen bytes; more than this without the blank line that ends them is garbage. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');
const NEXT_HEADER = /content-length/i;

export class FramingGuard extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** Body bytes still to pass through unchanged. */
  private body = 0;
  /** After a dropped header: skipping bytes until the next `Content-Length`. */
  private seeking = false;

  constructor(private readonly onDrop: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length) {
      if (this.body > 0) {
        const n = Math.min(this.body, data.length);
        this.push(data.subarray(0, n));
        this.body -= n;
        data = data.subarray(n);
        continue;
      }
      if (this.seeking) {
        // Latin-1 keeps one character per byte, so string offsets are byte offsets.
        const at = data.toString('latin1').search(NEXT_HEADER);
        if (at === -1) {
          // Keep a tail that may be the start of the next header.
          this.pending = data.subarray(Math.max(0, data.length - 15));
          break;
        }
        this.seeking = false;
        data = data.subarray(at);
        continue;
      }
      const end = data.indexOf(HEADER_END);
      if (end === -1) {
        if (data.length > MAX_HEADER_BYTES) {
          this.reject(`a message header longer than ${MAX_HEADER_BYTES} bytes`);
          data = data.subarray(1);
          continue;
        }
        this.pending = data;
        break;
      }
      const header = data.subarray(0, end).toString('latin1');
      const m = /(?:^|\r\n)content-length[ \t]*:[ \t]*(\d+)[ \t]*(?=\r\n|$)/i.exec(header);
      const length = m ? Number(m[1]) : NaN;
      if (!Number.isSafeInteger(length) || length > MAX_MESSAGE_BYTES) {
        this.reject(
          m
            ? `a message of ${m[1]} bytes (above the ${MAX_MESSAGE_BYTES}-byte limit)`
            : `a header without a valid Content-Length (${JSON.stringify(header.slice(0, 80))})`,
        );
        data = data.subarray(end + HEADER_END.length);
        continue;
      }
      this.push(data.subarray(0, end + HEADER_END.length));
      this.body = length;
      data = data.subarray(end + HEADER_END.length);
    }
    done();
  }

  private reject(what: string): void {
    this.seeking = true;
    this.onDrop(`Ignored ${what}; reading resumes at the next message.`);
  }
}
