import { describe, expect, it } from 'vitest';
import { spaceShortfall, storedEstimate, STORED_PER_FILE_BYTE } from '../../src/app/browser/storage-fit';

const MB = 1024 * 1024;

describe('will a file likely fit into the browser storage', () => {
  it('estimates half the file size, rounded up to a whole byte', () => {
    expect(STORED_PER_FILE_BYTE).toBe(0.5);
    expect(storedEstimate(96 * MB)).toBe(48 * MB);
    expect(storedEstimate(3)).toBe(2);
    expect(storedEstimate(0)).toBe(0);
  });

  it('warns with the estimate and the free space when the estimate exceeds quota minus usage', () => {
    // 96 MB file → 48 MB needed; quota 100 MB, 70 MB used → 30 MB free.
    expect(spaceShortfall(96 * MB, { quota: 100 * MB, usage: 70 * MB })).toEqual({
      needed: 48 * MB,
      free: 30 * MB,
    });
  });

  it('says nothing when the estimate fits, also exactly', () => {
    // 60 MB file → 30 MB needed; 30 MB free: fits.
    expect(spaceShortfall(60 * MB, { quota: 100 * MB, usage: 70 * MB })).toBeNull();
    // One byte more than fits: 60 MB + 2 bytes → 30 MB + 1 byte needed.
    expect(spaceShortfall(60 * MB + 2, { quota: 100 * MB, usage: 70 * MB })).toEqual({
      needed: 30 * MB + 1,
      free: 30 * MB,
    });
  });

  it('counts missing usage as none and usage above the quota as nothing free', () => {
    expect(spaceShortfall(10 * MB, { quota: 4 * MB })).toEqual({ needed: 5 * MB, free: 4 * MB });
    expect(spaceShortfall(2, { quota: 5, usage: 9 })).toEqual({ needed: 1, free: 0 });
  });

  it('says nothing when the browser gives no quota', () => {
    expect(spaceShortfall(10 * MB, null)).toBeNull();
    expect(spaceShortfall(10 * MB, { usage: 1 })).toBeNull();
    expect(spaceShortfall(10 * MB, { quota: Infinity, usage: 1 })).toBeNull();
  });
});
