"use client";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ACTOR_KINDS, ACTOR_ROLES, type ActorKindSlug } from "@/lib/events/codebook";
import { slugify } from "@/lib/events/form-values";
import type { NewActorInput } from "@/lib/events/schemas";

export interface PickerActor {
  slug: string;
  name: string;
  aliases: string[];
}

type Props = {
  actors: { actor: string; role: string }[];
  newActors: NewActorInput[];
  known: PickerActor[];
  onChange: (actors: { actor: string; role: string }[], newActors: NewActorInput[]) => void;
  errors: Record<string, string[]>;
};

// Picking is by name or any alias: the datalist offers "Name (alias, alias)" and maps back to the slug.
const optionLabel = (a: PickerActor) => (a.aliases.length ? `${a.name} (${a.aliases.join(", ")})` : a.name);

export function ActorFields({ actors, newActors, known, onChange, errors }: Props) {
  const all = [...known, ...newActors.map((a) => ({ slug: a.slug, name: a.name, aliases: a.aliases }))];
  const [pick, setPick] = useState("");
  const [role, setRole] = useState("participant");
  const [creating, setCreating] = useState({ name: "", kind: "state" as ActorKindSlug, countryCode: "", aliases: "" });
  const [problem, setProblem] = useState("");
  const nameOf = (slug: string) => all.find((a) => a.slug === slug)?.name ?? slug;

  const add = (slug: string, extra: NewActorInput[] = newActors) => {
    if (actors.some((a) => a.actor === slug && a.role === role)) return setProblem("That actor already has that role.");
    onChange([...actors, { actor: slug, role }], extra);
    setPick("");
    setProblem("");
  };
  const addPicked = () => {
    const q = pick.trim().toLowerCase();
    const found = all.find(
      (a) =>
        optionLabel(a).toLowerCase() === q ||
        a.name.toLowerCase() === q ||
        a.aliases.some((x) => x.toLowerCase() === q) ||
        a.slug === q,
    );
    if (!found) return setProblem(`No actor called “${pick}”. Check the spelling or create it below.`);
    add(found.slug);
  };
  const addNew = () => {
    const slug = slugify(creating.name);
    if (slug.length < 3) return setProblem("Give the new actor's name.");
    if (all.some((a) => a.slug === slug)) return setProblem("An actor with that name exists; pick it above.");
    const actor: NewActorInput = {
      slug,
      name: creating.name.trim(),
      kind: creating.kind,
      aliases: creating.aliases
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
      ...(creating.countryCode.trim() ? { countryCode: creating.countryCode.trim().toUpperCase() } : {}),
    };
    add(slug, [...newActors, actor]);
    setCreating({ name: "", kind: "state", countryCode: "", aliases: "" });
  };

  return (
    <fieldset className="group">
      <legend>Actors</legend>
      <FieldError id="ev-actors-error" messages={errors.actors} />
      {actors.length > 0 && (
        <ul className="chips">
          {actors.map((a, i) => (
            <li key={`${a.actor}-${a.role}`}>
              <span className="chip">
                {nameOf(a.actor)} — {a.role}
              </span>{" "}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  onChange(
                    actors.filter((_, j) => j !== i),
                    newActors,
                  )
                }
                aria-label={`Remove ${nameOf(a.actor)} as ${a.role}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <div>
          <label htmlFor="actor-pick">Actor (name or alias)</label>
          <input
            id="actor-pick"
            list="actor-options"
            value={pick}
            onChange={(e) => setPick(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), addPicked())}
          />
          <datalist id="actor-options">
            {all.map((a) => (
              <option key={a.slug} value={optionLabel(a)} />
            ))}
          </datalist>
        </div>
        <div>
          <label htmlFor="actor-role">Role</label>
          <select id="actor-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {Object.keys(ACTOR_ROLES).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button secondary" onClick={addPicked}>
          Add actor
        </button>
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <details>
        <summary>Create a new actor</summary>
        <div className="row">
          <div>
            <label htmlFor="na-name">Name</label>
            <input
              id="na-name"
              value={creating.name}
              onChange={(e) => setCreating({ ...creating, name: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="na-kind">Kind</label>
            <select
              id="na-kind"
              value={creating.kind}
              onChange={(e) => setCreating({ ...creating, kind: e.target.value as ActorKindSlug })}
            >
              {Object.entries(ACTOR_KINDS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="na-country">Country code</label>
            <input
              id="na-country"
              size={3}
              maxLength={2}
              value={creating.countryCode}
              onChange={(e) => setCreating({ ...creating, countryCode: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="na-aliases">Aliases (comma-separated)</label>
            <input
              id="na-aliases"
              value={creating.aliases}
              onChange={(e) => setCreating({ ...creating, aliases: e.target.value })}
            />
          </div>
          <button type="button" className="button secondary" onClick={addNew}>
            Create and add
          </button>
        </div>
      </details>
    </fieldset>
  );
}
