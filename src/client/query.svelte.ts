/**
 * The one way a view asks the worker: a query holds the last answer (`result`, as `$state.raw`), the last error and
 * whether an answer is pending, and `run(request)` supersedes every older request: an answer that arrives after a
 * newer request was made is dropped, whether it is a result or an error, so a slow older answer never replaces a
 * newer one. `PagedQuery` is the same for a list fetched page by page (the customer table).
 */
import { untrack } from 'svelte';
import type { AppError, Result } from '../shared/errors';

/**
 * The supersession core, without runes: each `begin()` starts a generation and ends the older ones; `current(g)`
 * tells whether generation g is still the newest.
 */
export class Generations {
  private last = 0;

  begin(): number {
    return ++this.last;
  }

  current(generation: number): boolean {
    return generation === this.last;
  }

  /** Ends every generation begun so far (their answers are dropped). */
  end(): void {
    this.last++;
  }
}

/**
 * A call that resolves to a Result; a thrown error or a rejection becomes an `unexpected` error. The call is made
 * untracked: a query run from an effect depends on what the effect reads, never on what the call reads.
 */
async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await untrack(call);
  } catch (e) {
    return { ok: false, error: { code: 'unexpected', message: e instanceof Error ? e.message : String(e) } };
  }
}

export interface QueryOptions {
  /** Drop the previous result when an error arrives (default: keep it and show the error beside it). */
  clearOnError?: boolean;
}

export class Query<Req, Res> {
  /** The answer to the newest request that succeeded (null before the first). */
  result = $state.raw<Res | null>(null);
  /** The error of the newest request, null after a success. */
  error = $state.raw<AppError | null>(null);
  /** True from a request until the answer to the newest request arrived. */
  loading = $state(false);
  private readonly generations = new Generations();

  constructor(
    private readonly fetch: (request: Req) => Promise<Result<Res>>,
    private readonly options: QueryOptions = {},
  ) {}

  /**
   * Asks for `request`; resolves when its answer is in, to true, or when it was dropped because a newer request was
   * made, to false.
   */
  async run(request: Req): Promise<boolean> {
    const g = this.generations.begin();
    this.loading = true;
    const res = await settle(() => this.fetch(request));
    if (!this.generations.current(g)) return false;
    this.loading = false;
    if (res.ok) {
      this.result = res.value;
      this.error = null;
    } else {
      this.error = res.error;
      if (this.options.clearOnError) this.result = null;
    }
    return true;
  }

  /** Forgets the result and error and drops every answer still pending. */
  reset(): void {
    this.generations.end();
    this.result = null;
    this.error = null;
    this.loading = false;
  }
}

export function createQuery<Req, Res>(
  fetch: (request: Req) => Promise<Result<Res>>,
  options?: QueryOptions,
): Query<Req, Res> {
  return new Query(fetch, options);
}

/** One page of a paged list and the list's length (and whatever else the page carries). */
export interface Page {
  rows: unknown[];
  total: number;
}

/**
 * A list fetched page by page: `run(request)` starts a new list (the pages of older requests are dropped as they
 * arrive), `need(page)` fetches one page of the current list unless it is there or on its way.
 */
export class PagedQuery<Req, P extends Page> {
  /** The pages of the current list by number. */
  pages = $state.raw<Record<number, P['rows']>>({});
  /** The newest page that arrived for the current list (its total and any extra fields). */
  latest = $state.raw<P | null>(null);
  error = $state.raw<AppError | null>(null);
  /** True while the first page of the current list is pending. */
  loading = $state(false);
  private readonly generations = new Generations();
  private generation = 0;
  private request: Req | null = null;
  /** Pages of the current list that arrived or are on their way (plain, so that `need` reads no state). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- plain on purpose: need() reads no state
  private asked = new Set<number>();

  constructor(
    private readonly fetch: (request: Req, page: number, size: number) => Promise<Result<P>>,
    readonly size: number,
  ) {}

  /** Starts a new list for `request` with its first page. */
  run(request: Req): Promise<void> {
    this.generation = this.generations.begin();
    this.request = request;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see above
    this.asked = new Set();
    this.pages = {};
    this.loading = true;
    return this.need(0);
  }

  /** Fetches page `page` of the current list unless it is there or already asked for. */
  async need(page: number): Promise<void> {
    const request = this.request;
    if (request === null || this.asked.has(page)) return;
    const g = this.generation;
    const asked = this.asked;
    asked.add(page);
    const res = await settle(() => this.fetch(request, page, this.size));
    if (!this.generations.current(g)) return;
    if (page === 0) this.loading = false;
    if (res.ok) {
      this.latest = res.value;
      this.pages = { ...untrack(() => this.pages), [page]: res.value.rows };
      this.error = null;
    } else {
      // A failed page may be asked for again.
      asked.delete(page);
      this.error = res.error;
    }
  }
}
