"use client";
// The editor's actor form. On a refused save the action returns what was typed, so nothing is lost.
import { useActionState } from "react";
import { errorProps, FieldError } from "@/components/ui/field-error";
import { updateActorAction, type ActorFormState } from "@/lib/actors/actions";
import type { ActorFormValues } from "@/lib/actors/schemas";

const KINDS = ["state", "person", "organisation", "international_body", "company"] as const;

export function ActorEditForm({ slug, version, initial }: { slug: string; version: number; initial: ActorFormValues }) {
  const [state, formAction, pending] = useActionState<ActorFormState, FormData>(updateActorAction, {});
  const v = state.values ?? initial;
  const errs = state.fieldErrors ?? {};
  // A refused save re-mounts the fields with what was submitted.
  const key = state.values ? JSON.stringify(state.values) : "initial";
  return (
    <form action={formAction} className="editor-form" key={key}>
      {state.message && (
        <p className="notice" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="actor-name">Name</label>
        <input
          id="actor-name"
          name="name"
          defaultValue={v.name}
          required
          maxLength={200}
          {...errorProps("actor-name", errs.name)}
        />
        <FieldError id="actor-name-error" messages={errs.name} />
      </div>
      <div>
        <label htmlFor="actor-kind">Kind</label>
        <select id="actor-kind" name="kind" defaultValue={v.kind} {...errorProps("actor-kind", errs.kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k.replace("_", " ")}
            </option>
          ))}
        </select>
        <FieldError id="actor-kind-error" messages={errs.kind} />
      </div>
      <div>
        <label htmlFor="actor-country">Country code</label>
        <input
          id="actor-country"
          name="countryCode"
          defaultValue={v.countryCode ?? ""}
          maxLength={2}
          size={4}
          aria-describedby="actor-country-help"
          {...errorProps("actor-country", errs.countryCode)}
        />
        <span id="actor-country-help" className="muted">
          {" "}
          ISO 3166-1 two letters, e.g. RU; empty when the actor is not tied to one country
        </span>
        <FieldError id="actor-country-error" messages={errs.countryCode} />
      </div>
      <div>
        <label htmlFor="actor-aliases">Aliases (one a line)</label>
        <textarea
          id="actor-aliases"
          name="aliases"
          rows={4}
          defaultValue={v.aliases}
          {...errorProps("actor-aliases", errs.aliases)}
        />
        <FieldError id="actor-aliases-error" messages={errs.aliases} />
      </div>
      <div>
        <label htmlFor="actor-description">Description</label>
        <textarea
          id="actor-description"
          name="description"
          rows={5}
          maxLength={5000}
          defaultValue={v.description ?? ""}
          {...errorProps("actor-description", errs.description)}
        />
        <FieldError id="actor-description-error" messages={errs.description} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save actor"}
      </button>
    </form>
  );
}
