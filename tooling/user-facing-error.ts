/** An error whose message is a complete sentence telling the user what to do; shown without a stack trace. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}
