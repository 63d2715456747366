import type { OperationModel } from "../model/shape.js";
import type { ValidationMessages } from "../model/validate.js";
import type { AnyOperation } from "../services/operation.js";

/**
 * A Query-protocol service (IAM, STS) on the shared port, picked by the request's `Version`
 * (iam-sts.md §1.1). Each operation in `operations` must have a model in `models`.
 */
export interface QueryService {
  readonly version: string; // "2011-06-15"
  readonly signingName: string; // "sts": the credential scope's service must name it
  readonly xmlNamespace: string; // "https://sts.amazonaws.com/doc/2011-06-15/"
  /** Handlers by Action; an Action without one answers InvalidAction. */
  readonly operations: ReadonlyMap<string, AnyOperation>;
  /** The generated model's operations (inputs, outputs, result wrappers). */
  readonly models: Readonly<Record<string, OperationModel>>;
  /** How this service words validation errors (IAM and STS differ). */
  readonly validation: ValidationMessages;
}
