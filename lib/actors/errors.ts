// What an actor write throws when the caller can fix something; each message is shown as is.

export class ActorNotFoundError extends Error {
  override name = "ActorNotFoundError";
  constructor(slug: string) {
    super(`There is no actor “${slug.slice(0, 100)}”.`);
  }
}

/** The actor changed since the editor opened it: nothing was saved, the form shows what is there now. */
export class ActorConflictError extends Error {
  override name = "ActorConflictError";
  constructor(public currentVersion: number) {
    super(
      "Someone else changed this actor after you opened it. Nothing was saved: reload the page to see their change, then make yours again.",
    );
  }
}

export class ActorInputError extends Error {
  override name = "ActorInputError";
  constructor(
    message: string,
    public fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}
