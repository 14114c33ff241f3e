import { applyMigrations } from "../../tooling/schema-engine";
import { UserFacingError } from "../../tooling/user-facing-error";

export async function migrateOrExplain(url: string): Promise<string[]> {
  try {
    return await applyMigrations(url);
  } catch (err) {
    const detail = String((err as Error)?.message ?? err)
      .split("\n")[0]
      .slice(0, 300);
    throw new UserFacingError(
      `Applying the database migrations failed (${detail}); fix the database or the migration, then start again.`,
    );
  }
}
