/** The message shown under an input; its id is what the input's aria-describedby points to. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {messages.join(" ")}
    </p>
  );
}

/** Props that tie an input to its error message for screen readers. */
export function errorProps(id: string, messages?: string[]) {
  return messages?.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
}
