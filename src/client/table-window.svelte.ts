/**
 * The visible window of a virtualised table over a `PagedQuery`: from the scroll position the first and last rows to
 * draw (with a few rows of overscan either side), the pages of those rows fetched as the user scrolls, and the rows
 * themselves (null while their page is on its way). Made while a component initialises (it owns an effect).
 */
import { untrack } from 'svelte';
import type { Page, PagedQuery } from './query.svelte';

export interface WindowOptions {
  /** The height of a row in pixels. */
  row: number;
  /** The height of the viewport in pixels. */
  view: number;
  /** Rows drawn beyond the viewport above and below. */
  overscan: number;
}

/** A drawn row: its slot in the window `k` (a stable key while scrolling), its index `i` and the row once fetched. */
export interface WindowRow<R> {
  k: number;
  i: number;
  row: R | null;
}

export class TableWindow<Req, P extends Page> {
  /** The viewport's scroll position (set from its scroll event). */
  scrollTop = $state(0);
  /** The scrolling element (bound with `bind:this`). */
  viewport = $state<HTMLElement>();
  readonly list: PagedQuery<Req, P>;
  /** The length of the current list (0 before its first page). */
  readonly total: number;
  /** The first row drawn and the one after the last. */
  readonly first: number;
  readonly last: number;
  readonly visible: WindowRow<P['rows'][number]>[];

  constructor(list: PagedQuery<Req, P>, { row, view, overscan }: WindowOptions) {
    this.list = list;
    const size = list.size;
    this.total = $derived(list.latest?.total ?? 0);
    this.first = $derived(Math.max(0, Math.floor(this.scrollTop / row) - overscan));
    this.last = $derived(Math.min(this.total, Math.ceil((this.scrollTop + view) / row) + overscan));
    this.visible = $derived(
      Array.from({ length: Math.max(0, this.last - this.first) }, (_, k) => {
        const i = this.first + k;
        return { k, i, row: list.pages[Math.floor(i / size)]?.[i % size] ?? null };
      }),
    );
    // The pages of the visible window are fetched as the user scrolls.
    $effect(() => {
      for (
        let p = Math.floor(this.first / size);
        p <= Math.floor(Math.max(this.first, this.last - 1) / size);
        p++
      )
        void list.need(p);
    });
  }

  /** Scrolls back to the top (for a new query); only when scrolled, as setting scrollTop makes the browser lay out. */
  toTop(): void {
    if (untrack(() => this.scrollTop) !== 0) {
      this.scrollTop = 0;
      const el = untrack(() => this.viewport);
      if (el) el.scrollTop = 0;
    }
  }

  /** Starts a new list for `request` from the top. */
  run(request: Req): void {
    void this.list.run(request);
    this.toTop();
  }
}
