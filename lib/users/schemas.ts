import { z } from "zod";
import { ROLES } from "../auth/roles";
import { MAX_PASSWORD, passwordProblem } from "../auth/password";

export const passwordSchema = z.string().max(MAX_PASSWORD).superRefine((p, ctx) => {
  const problem = passwordProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const newUserSchema = z.object({
  email: z.email("Enter an email address").max(320).transform((e) => e.trim().toLowerCase()),
  name: z.string().trim().min(1, "Give a name").max(200),
  role: z.enum(ROLES),
  password: passwordSchema.optional(),
});
export type NewUserInput = z.input<typeof newUserSchema>;
