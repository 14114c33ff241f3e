import type { EventInput } from "./schemas";

/** The event changed since the editor opened it; carries what is there now so nothing is lost. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(
    public current: EventInput,
    public currentVersion: number,
    public changedBy: string | null,
  ) {
    super("Someone else saved this event after you opened it.");
  }
}

export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor() {
    super("There is no such event.");
  }
}

/** Input a caller can fix; `fieldErrors` maps form paths (e.g. "sources.0.url") to messages. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
  constructor(
    message: string,
    public fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}
