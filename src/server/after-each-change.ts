import type { AnyOperation } from "../services/operation.js";

const READS = /^(Get|List|Simulate)/;

/**
 * Runs `changed` after every operation of the table that may have changed state (not Get*, List*),
 * or only after those named in `only`.
 */
export function afterEachChange(
  operations: ReadonlyMap<string, AnyOperation>,
  changed: () => void,
  only?: ReadonlySet<string>,
): ReadonlyMap<string, AnyOperation> {
  return new Map(
    [...operations].map(([name, op]) => [
      name,
      (only === undefined ? READS.test(name) : !only.has(name))
        ? op
        : {
            ...op,
            run: async (input: unknown, cx: Parameters<AnyOperation["run"]>[1]) => {
              try {
                return await op.run(input, cx);
              } finally {
                changed();
              }
            },
          },
    ]),
  );
}
