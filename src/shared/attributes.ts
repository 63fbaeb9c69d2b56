/**
 * The one rule for which columns are attributes: the code (text) columns other than the customer id, the order id
 * and the product. Attributes are the global filters, the segment dimensions and the cohort groups on every screen,
 * in the worker and in the report alike. The attribute columns of the workspace's customer master data join them as
 * `master:<key>` (each line carries its customer's master value).
 */
const NOT_ATTRIBUTES: ReadonlySet<string> = new Set(['customer', 'order', 'product']);

/** Whether a code column with this key is an attribute. */
export function isAttributeKey(key: string): boolean {
  return !NOT_ATTRIBUTES.has(key);
}

/** The attribute columns of a dataset, in the order stored. */
export function attributeColumns<C extends { key: string; kind: string }>(columns: readonly C[]): C[] {
  return columns.filter((c) => c.kind === 'code' && isAttributeKey(c.key));
}

/** The master data's code columns that are attributes: not the id or the name, and the `attr:*` columns. */
const MASTER_ATTRIBUTE_ROLES: ReadonlySet<string> = new Set([
  'industry',
  'region',
  'companySize',
  'acquisitionChannel',
]);

export const MASTER_PREFIX = 'master:';

/** Whether a code column of the master data (by its key there) is an attribute of the lines. */
export function isMasterAttributeSource(key: string): boolean {
  return MASTER_ATTRIBUTE_ROLES.has(key) || key.startsWith('attr:');
}

/** The line attribute key of a master column: `master:<key>`. */
export function masterAttributeKey(key: string): string {
  return MASTER_PREFIX + key;
}

/** Whether an attribute key is one of the master data's. */
export function isMasterKey(key: string): boolean {
  return key.startsWith(MASTER_PREFIX);
}

/**
 * The value of a master attribute on the lines of a customer without a master row. A value of its own (not '', which
 * is a blank master cell), so that it can be chosen as a filter; the views show it in words.
 */
export const NOT_IN_MASTER = '(not in master data)';
