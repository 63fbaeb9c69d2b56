/**
 * Day arithmetic: a date is one integer, the days since 1970-01-01 (UTC, proleptic Gregorian calendar), so that
 * dates sort, subtract and store as Int32. Pure and allocation-light; used by the import, the analytics, the worker
 * and the views alike. Reading dates as users write them (German, US, ISO) is the import's job (ingest/normalize).
 */

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Scratch for year, month and day: dayToIso runs once per customer row, so it allocates nothing but its string. */
const civil = [0, 0, 0];

/** Fills `civil` with year, month (1–12) and day of month of a day number (Howard Hinnant's civil_from_days). */
function toCivil(day: number): void {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp + (mp < 10 ? 3 : -9);
  civil[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  civil[1] = m;
  civil[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** Year, month (1–12) and day of month of a day number. */
export function civilFromDays(day: number): { y: number; m: number; d: number } {
  toCivil(day);
  return { y: civil[0], m: civil[1], d: civil[2] };
}

/** ISO `YYYY-MM-DD` of a day number. */
export function dayToIso(day: number): string {
  toCivil(day);
  const m = civil[1];
  const d = civil[2];
  return `${civil[0]}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO `YYYY-MM-DD` date, or NaN when the text is not one or names no real day. */
export function isoToDay(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) return NaN;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

/** Whether a year of the Gregorian calendar is a leap year. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

/** The month of a day number as one integer: year · 12 + month − 1 (January 2024 is 24288). */
export function monthOfDay(day: number): number {
  toCivil(day);
  return civil[0] * 12 + civil[1] - 1;
}

/** The day number of the first day of a month (year · 12 + month − 1). */
export function firstDayOfMonth(month: number): number {
  return daysFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
}

/** The day number of the last day of a month (year · 12 + month − 1). */
export function lastDayOfMonth(month: number): number {
  return firstDayOfMonth(month + 1) - 1;
}
