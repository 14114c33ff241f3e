import { z } from "zod";
import { ROLES } from "../auth/roles";
import { MAX_PASSWORD, passwordProblem } from "../auth/password";
import "../validation-messages";
import { textSchema } from "../events/schemas";

export const passwordSchema = z
  .string()
  .max(MAX_PASSWORD)
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const newUserSchema = z.object({
  email: z
    .email("Enter an email address")
    .max(320)
    .transform((e) => e.trim().toLowerCase()),
  name: textSchema().trim().min(1, "Give a name").max(200),
  role: z.enum(ROLES),
  password: passwordSchema.optional(),
});
export type NewUserInput = z.input<typeof newUserSchema>;
