/**
 * The worker's API: the handlers of every feature (src/worker/handlers/), merged into one object whose methods each
 * return a Result (errors cross the boundary as data: code + message). No Comlink import here: engine.worker.ts
 * exposes this object; tests call it directly.
 *
 * To add a feature, write handlers/<feature>.ts (a plain object of async functions that return values and throw
 * AppFailure, with its request and response types beside it) and list it below. A method name used twice is refused.
 */
import { mergeHandlers, type Guarded } from './handler';
import { importHandler } from './handlers/import';
import { workspacesHandler } from './handlers/workspaces';
import { datasetsHandler } from './handlers/datasets';
import { overviewHandler } from './handlers/overview';
import { customersHandler } from './handlers/customers';
import { cohortsHandler } from './handlers/cohorts';
import { segmentsHandler } from './handlers/segments';
import { forecastHandler } from './handlers/forecast';
import { selfcheckHandler } from './handlers/selfcheck';
import { valuestreamHandler } from './handlers/valuestream';
import { figuresHandler } from './handlers/figures';
import { recordsHandler } from './handlers/records';
import { economicsHandler } from './handlers/economics';
import { actionsHandler } from './handlers/actions';
import { campaignsHandler } from './handlers/campaigns';
import { backupHandler } from './handlers/backup';
import { devHandler } from './handlers/dev';

const handlers = [
  importHandler,
  workspacesHandler,
  datasetsHandler,
  overviewHandler,
  customersHandler,
  cohortsHandler,
  segmentsHandler,
  forecastHandler,
  selfcheckHandler,
  valuestreamHandler,
  figuresHandler,
  recordsHandler,
  economicsHandler,
  actionsHandler,
  campaignsHandler,
  backupHandler,
] as const;

/** The API of the app. */
const appApi = mergeHandlers(...handlers);

/** The worker API as the UI sees it (src/client/worker-client.ts). */
export type WorkerApi = typeof appApi;

/** The benchmarks and test hooks, in a test build only. */
export type DevApi = Guarded<typeof devHandler>;

/**
 * In a test build (`vite build --mode test`, and under Vitest) the benchmarks and test hooks join the API. In the
 * production build the condition is the constant false: the bundler drops the branch and handlers/dev.ts with it.
 */
export const api: WorkerApi & Partial<DevApi> =
  import.meta.env.MODE === 'test' ? mergeHandlers(...handlers, devHandler) : appApi;
