import type { IncomingMessage, ServerResponse } from "node:http";
import type { AwsError } from "../errors/aws-error.js";
import type { AnyOperation } from "../services/operation.js";

export type ErrorSender = (res: ServerResponse, requestId: string, error: AwsError) => void;

/**
 * What routing has learnt about one request so far, for the answer and the log line even when routing
 * itself fails: the operation name once known, and how to render an error (IAM and STS errors carry
 * their own namespace as soon as `Version` is known).
 */
export interface RouteProgress {
  operation: string;
  sendError: ErrorSender;
}

/**
 * One wire protocol's part of the request path (AWS JSON 1.1 or Query): it routes a request to an
 * operation and knows how to decode its input and render its answers. Everything between routing and
 * rendering — authentication, validation, (later) authorization and audit, the run — is the
 * pipeline's, once for every protocol.
 */
export interface Front {
  readonly protocol: "json" | "query";
  /**
   * Identifies service and operation (reading the body when the protocol needs it to route). Throws
   * the protocol's unknown-operation errors.
   */
  route(req: IncomingMessage, readBody: () => Promise<Buffer>, progress: RouteProgress): Promise<RoutedCall>;
  /** Renders a failure before routing has learnt anything better. */
  readonly sendError: ErrorSender;
  /** The protocol's answer to an unexpected (non-AwsError) failure. */
  internalError(): AwsError;
}

export interface RoutedCall {
  readonly operation: AnyOperation;
  /** The service the credential scope must name. */
  readonly signingName: string;
  /** The raw body, as SigV4 hashes it. */
  readonly body: Buffer;
  /** Decodes and model-validates the input; throws the protocol's serialization/validation errors. */
  decode(): unknown;
  sendResult(res: ServerResponse, requestId: string, result: unknown): void;
}
