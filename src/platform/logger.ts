import { pino, type Logger } from "pino";

export type { Logger };

/**
 * JSON lines on stderr. Redaction is a second line of defence: callers never pass values,
 * signatures or secret keys to the logger in the first place.
 */
export function createLogger(level: string = process.env["PARAMSTORE_LOG_LEVEL"] ?? "info"): Logger {
  return pino(
    {
      level,
      base: { service: "paramstore" },
      redact: {
        paths: ["*.Value", "*.value", "*.secretAccessKey", "*.SecretAccessKey", "*.authorization", "*.signature"],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd: 2, sync: false }),
  );
}
