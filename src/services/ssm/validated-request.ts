/**
 * A request as the operation receives it: the wire has run the model validator, so the members the
 * model marks required are present. The SDK's input types keep them `| undefined`; this says what
 * validation already proved, without a non-null assertion at every use.
 */
export type Validated<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]-?: NonNullable<T[P]> };
