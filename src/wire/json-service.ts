import type { AnyOperation } from "../services/operation.js";

/** One operation as the wire serves it: the model check of its input, then the handler. */
export interface OperationEntry {
  readonly operation: AnyOperation;
  /** Throws SerializationException / ValidationException; returns the narrowed input. */
  readonly validate: (body: unknown) => unknown;
}

/** An AWS JSON 1.1 service on the shared port, picked by the `X-Amz-Target` prefix. */
export interface JsonService {
  readonly targetPrefix: string; // "AmazonSSM"
  readonly signingName: string; // "ssm": the credential scope's service must name it
  readonly operations: ReadonlyMap<string, OperationEntry>;
}
