/**
 * Every failure a client may see is an AwsError: the wire renders `code`, `status` and the message
 * under `messageKey` exactly as AWS does (some SSM errors send `message`, some `Message`, some none).
 * Anything thrown that is not an AwsError is a bug and becomes InternalServerError.
 */
export type MessageKey = "message" | "Message" | null;

export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageKey: MessageKey;
  readonly fault: "Sender" | "Receiver";

  constructor(
    code: string,
    message: string,
    options: { status?: number; messageKey?: MessageKey; fault?: "Sender" | "Receiver" } = {},
  ) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = options.status ?? 400;
    this.messageKey = options.messageKey === undefined ? "message" : options.messageKey;
    this.fault = options.fault ?? (this.status >= 500 ? "Receiver" : "Sender");
  }
}

export function isAwsError(e: unknown): e is AwsError {
  return e instanceof AwsError;
}
