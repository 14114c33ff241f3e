"use client";
import Link from "next/link";
import { useActionState } from "react";
import { FieldError, errorProps } from "@/components/ui/field-error";
import { createReleaseAction, type ReleaseFormState } from "@/lib/releases/actions";

export function CreateReleaseForm() {
  const [state, action, pending] = useActionState<ReleaseFormState, FormData>(createReleaseAction, {});
  const e = state.fieldErrors ?? {};
  const v = state.ok ? { title: "", description: "" } : (state.values ?? { title: "", description: "" });
  return (
    <form action={action} className="editor-form" aria-label="Make a release">
      {state.message && (
        <div className="notice" role={state.ok ? "status" : "alert"}>
          {state.message}{" "}
          {state.ok && state.version && (
            <Link href={`/data/releases/${state.version}`}>See release {state.version}</Link>
          )}
        </div>
      )}
      <div>
        <label htmlFor="release-title">Title</label>
        <input
          id="release-title"
          name="title"
          required
          maxLength={200}
          defaultValue={v.title}
          key={`t${v.title}`}
          {...errorProps("release-title", e.title)}
        />
        <FieldError id="release-title-error" messages={e.title} />
      </div>
      <div>
        <label htmlFor="release-description">Description (optional)</label>
        <textarea
          id="release-description"
          name="description"
          rows={3}
          maxLength={2000}
          defaultValue={v.description}
          key={`d${v.description}`}
          {...errorProps("release-description", e.description)}
        />
        <FieldError id="release-description-error" messages={e.description} />
      </div>
      <button className="button" type="submit" disabled={pending}>
        {pending ? "Making the release…" : "Make a release"}
      </button>
    </form>
  );
}
