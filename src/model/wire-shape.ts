/**
 * The JSON a response carries for an SDK output type: AWS JSON 1.1 sends timestamps as epoch seconds
 * (a number with a millisecond fraction), so Date members become numbers; `$metadata` is the SDK's own.
 */
export type WireShape<T> = T extends Date
  ? number
  : T extends readonly (infer U)[]
    ? WireShape<U>[]
    : T extends object
      ? { [K in keyof T as K extends "$metadata" ? never : K]: WireShape<T[K]> }
      : T;

/** Milliseconds since the epoch → AWS JSON timestamp. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
