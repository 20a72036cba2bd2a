// A report written as it is produced, without one write call per line.

/** Writes to stdout in blocks of about 64 KiB rather than one call per diagnostic. */
export class BufferedStdout {
  private parts: string[] = [];
  private size = 0;

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 65536) this.flush();
  }

  flush(): void {
    if (this.parts.length) process.stdout.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
