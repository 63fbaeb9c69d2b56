/**
 * The shape of a feature's texts. Each file in `messages/` exports `de` (the German texts, whose keys are the
 * contract) and `en: Texts<typeof de>`, so English must have exactly the keys of German: a missing key or an extra
 * one is a type error.
 */
export type Texts<T> = { readonly [K in keyof T]: string };
