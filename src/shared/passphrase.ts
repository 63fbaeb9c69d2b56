/** The shortest passphrase a workspace file is written with: the backup dialog asks for it, the worker checks it. */
export const MIN_PASSPHRASE = 8;
