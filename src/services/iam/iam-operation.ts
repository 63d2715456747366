import type { Operation, OperationContext } from "../operation.js";

/**
 * IAM operations are plain Operations: `In` is the request after the wire's model validation,
 * `Out` the SDK output shape (timestamps as Date, policy documents as the stored JSON text, which
 * the Query encoder percent-encodes).
 */
export type IamOperation<In, Out> = Operation<In, Out>;

/** The model validator has proved these members present. */
export type Validated<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]-?: NonNullable<T[P]> };

/** Operations with no output shape answer with an empty result. */
export type NoOutput = Record<string, never>;

/** Now, in whole seconds: IAM shows second-precision times, and a record must look the same whenever it is read. */
export function iamNow(cx: OperationContext): number {
  return Math.floor(cx.ports.clock.now().getTime() / 1000) * 1000;
}
