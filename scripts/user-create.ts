// npm run user:create -- --email you@example.org --role admin [--name "Your Name"]
// The password comes from USER_PASSWORD (for scripts) or is asked for twice, without echo.
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/prisma-client";
import { ForbiddenError } from "../lib/auth/roles";
import { InvalidInputError } from "../lib/events/errors";
import { createUser } from "../lib/users/mutations";
import { openAppDatabase } from "../tooling/database";
import { runCli } from "./lib/run-cli";
import { UserFacingError } from "../tooling/user-facing-error";

async function askHidden(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let value = "";
  return new Promise((resolve, reject) => {
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off("data", onData);
          process.stdout.write("\n");
          return resolve(value);
        }
        if (ch === "\u0003") return reject(new UserFacingError("Cancelled."));
        value = ch === "\u007f" ? value.slice(0, -1) : value + ch;
      }
    };
    process.stdin.on("data", onData);
  });
}

await runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string", default: "contributor" }, name: { type: "string" } },
  });
  if (!values.email)
    throw new UserFacingError("Give the account's email: npm run user:create -- --email you@example.org --role admin");
  let password = process.env.USER_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY)
      throw new UserFacingError("Set USER_PASSWORD, or run this in a terminal to type the password.");
    password = await askHidden("Password (12 to 256 characters): ");
    if ((await askHidden("Same password again: ")) !== password)
      throw new UserFacingError("The two passwords differ; nothing was created.");
  }
  const database = await openAppDatabase();
  const prisma = createPrismaClient(database.url, 1);
  try {
    // The command line is trusted like an admin: whoever runs it controls the database anyway.
    const system = { id: 0, email: "command-line", name: "command line", role: "admin" as const };
    const user = await createUser(prisma, system, {
      email: values.email,
      name: values.name ?? values.email.split("@")[0],
      role: values.role as "admin",
      password,
    });
    console.log(`Created ${user.email} (${user.role}).`);
  } catch (err) {
    if (err instanceof InvalidInputError) {
      // The field messages add detail to a general message ("Some fields need attention."), but
      // often say the same as a specific one ("An account with that email exists."): once is enough.
      const detail = Object.values(err.fieldErrors)
        .flat()
        .filter((m) => !err.message.includes(m));
      throw new UserFacingError([err.message, ...detail].join(" "));
    }
    if (err instanceof ForbiddenError) throw new UserFacingError(err.message);
    throw err;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
});
