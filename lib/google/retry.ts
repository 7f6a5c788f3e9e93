/** Every Google call: the first try plus up to three retries on 429/5xx. */
export const GOOGLE_MAX_ATTEMPTS = 4;
export const GOOGLE_RETRY_BASE_DELAY_MS = 500;

const RETRYABLE_STATUS_RANGES: [number, number][] = [
  [429, 429],
  [500, 599],
];
// POST and PATCH too: event inserts carry a deterministic id, so a replay answers 409.
const RETRYABLE_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];

export type Sleep = (ms: number) => Promise<void>;

/**
 * Per-call options for a request that must reach Google at most once
 * (gmail users.messages.send: a replayed POST sends the mail again). The
 * client-wide config above retries POST, also when no answer came back (the
 * mail may already be out); for a send the outbox decides instead. googleapis
 * deep-merges per-call options into the client's, so `retry: 0` wins here,
 * and gaxios never retries when `retry` is 0.
 */
export const NO_RETRY = { retryConfig: { retry: 0, noResponseRetries: 0 } } as const;

export const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

type RetriedError = { config: { retryConfig?: { currentRetryAttempt?: number } } };

/**
 * gaxios `retryConfig`, typed structurally: googleapis and google-auth-library
 * each bring their own gaxios copy, and this object goes to both.
 */
export type GoogleRetryConfig = {
  retry: number;
  noResponseRetries: number;
  httpMethodsToRetry: string[];
  statusCodesToRetry: [number, number][];
  retryBackoff: (error: RetriedError) => Promise<void>;
};

/** Exponential: 500 ms, 1 s, 2 s before retry 1, 2, 3. */
export function retryDelayMs(retryNumber: number): number {
  return GOOGLE_RETRY_BASE_DELAY_MS * 2 ** (retryNumber - 1);
}

export function buildRetryConfig(sleep: Sleep = sleepFor): GoogleRetryConfig {
  return {
    retry: GOOGLE_MAX_ATTEMPTS - 1,
    noResponseRetries: GOOGLE_MAX_ATTEMPTS - 1,
    httpMethodsToRetry: RETRYABLE_METHODS,
    statusCodesToRetry: RETRYABLE_STATUS_RANGES,
    // gaxios has already counted this retry when it asks for the backoff.
    retryBackoff: (error) => sleep(retryDelayMs(error.config.retryConfig?.currentRetryAttempt ?? 1)),
  };
}
