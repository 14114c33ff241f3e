// A request id ties together the log lines of one request and the answer the caller received.
// An id from a load balancer or a caller is kept so logs line up across systems, but only in a
// narrow shape: anything else (long, odd characters, log-injection attempts) is replaced.
export const REQUEST_ID_HEADER = "x-request-id";

const ACCEPTED = /^[A-Za-z0-9_-]{8,64}$/;

export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && ACCEPTED.test(incoming) ? incoming : crypto.randomUUID();
}
