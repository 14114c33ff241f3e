"use client";
// Merging another actor into this one (admins): a real confirmation, since it cannot be undone.
import { useActionState } from "react";
import { errorProps, FieldError } from "@/components/ui/field-error";
import { mergeActorsAction, type MergeFormState } from "@/lib/actors/actions";

export function ActorMergeForm({ slug, name, version }: { slug: string; name: string; version: number }) {
  const [state, formAction, pending] = useActionState<MergeFormState, FormData>(mergeActorsAction, {});
  const errs = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="editor-form" key={state.merged ?? "merge"}>
      {state.message && (
        <p className="notice" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="merge-slug">Slug of the actor to merge into {name}</label>
        <input
          id="merge-slug"
          name="merged"
          defaultValue={state.merged ?? ""}
          required
          maxLength={100}
          aria-describedby="merge-help"
          {...errorProps("merge-slug", errs.merged)}
        />
        <span id="merge-help" className="muted">
          {" "}
          Its events move here, its name becomes an alias, and its address redirects here.
        </span>
        <FieldError id="merge-slug-error" messages={errs.merged} />
      </div>
      <div>
        <input
          id="merge-confirm"
          type="checkbox"
          name="confirm"
          value="yes"
          {...errorProps("merge-confirm", errs.confirm)}
        />{" "}
        <label htmlFor="merge-confirm">I checked that both are the same actor; this cannot be undone</label>
        <FieldError id="merge-confirm-error" messages={errs.confirm} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Merging…" : "Merge into this actor"}
      </button>
    </form>
  );
}
