/**
 * Saves shortly after the last change, or at once with `flush` (before a reload, a print or leaving the view).
 * Used by the self-check and the value stream map, which write to IndexedDB on every edit.
 */
export class AutoSave {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly delayMs = 300,
  ) {
    // A reload or a closed tab right after typing: save what is pending.
    if (typeof addEventListener === 'function')
      addEventListener('pagehide', () => {
        if (this.timer) void this.flush();
      });
  }

  /** True while a change waits for its save. */
  get pending(): boolean {
    return this.timer !== null;
  }

  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  async flush(): Promise<void> {
    this.cancel();
    await this.write();
  }
}
