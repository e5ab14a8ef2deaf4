// Applies the committed migrations to DATABASE_URL (default file:./data/cuvee.db), as the app
// does at start. For deploy steps and for inspecting a database without starting Next.js.
//
//   npm run db:migrate
import { resolveDbConfig } from "../lib/server/db/config";
import { migrate } from "../lib/server/db/migrate";

try {
  const config = resolveDbConfig();
  const applied = await migrate(config);
  const where = config.provider === "sqlite" ? config.file : "PostgreSQL";
  console.log(applied.length === 0 ? `${where}: up to date` : `${where}: applied ${applied.join(", ")}`);
} catch (error) {
  console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
