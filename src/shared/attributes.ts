/**
 * The one rule for which columns are attributes: the code (text) columns other than the customer id, the order id
 * and the product. Attributes are the global filters, the segment dimensions and the cohort groups on every screen,
 * in the worker and in the report alike.
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
