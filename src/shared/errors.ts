/** Errors cross the worker boundary as data: a code, English fallback text and parameters for the UI's translation. */

export type ErrorCode =
  | 'emptyFile'
  | 'notCsv'
  | 'headerOnly'
  | 'missingRequired'
  | 'encoding'
  | 'quota'
  | 'cancelled'
  | 'tooLarge'
  | 'importCrashed'
  | 'layoutNoRows'
  | 'unclosedQuote'
  | 'nothingImported'
  | 'notFound'
  | 'workerCrashed'
  | 'demoMissing'
  | 'demoUnreachable'
  | 'tooManyColumns'
  | 'campaignEmpty'
  | 'campaignInvalid'
  | 'backupWrongPassphrase'
  | 'backupTruncated'
  | 'backupTampered'
  | 'backupNotABackup'
  | 'backupNewerVersion'
  | 'backupNewerSchema'
  | 'unexpected';

export interface AppError {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly params?: Record<string, string | number>;
  constructor(code: ErrorCode, message: string, params?: Record<string, string | number>) {
    super(message);
    this.code = code;
    this.params = params;
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Turns anything thrown into an AppError. Storage-full errors may arrive wrapped (an AbortError with `.inner`). */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppFailure) return { code: e.code, message: e.message, params: e.params };
  if (isQuotaError(e)) {
    return { code: 'quota', message: 'The browser storage is full.' };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'unexpected', message };
}

export function isQuotaError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { name?: string; message?: string; inner?: unknown; cause?: unknown };
    if (err.name === 'QuotaExceededError') return true;
    // A disk that runs full while Chromium writes reaches us as "DataError: Failed to write blobs (IOError)" or as
    // "UnknownError Connection is closing because of: IO error: …: FILE_ERROR_NO_SPACE" instead of a quota error:
    // it is the same situation for the user.
    if (
      typeof err.message === 'string' &&
      /quota|failed to write blobs|ioerror|disk is full|no[ _]space/i.test(err.message)
    ) {
      return true;
    }
    cur = err.inner ?? err.cause;
  }
  return false;
}
