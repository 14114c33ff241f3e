// What an event id looked up from a URL, a form field, a cursor or an import cell may be. Any of
// those can be forged, so a value no event could have is refused before it reaches a query (a NUL
// would fail it outright). Looser than the slug a new event is given (slugSchema: 3 to 120
// characters, single hyphens), so that every stored id is still found.

export const EVENT_ID_PATTERN = /^[a-z0-9-]{1,200}$/;

export const isEventId = (id: unknown): id is string => typeof id === "string" && EVENT_ID_PATTERN.test(id);
