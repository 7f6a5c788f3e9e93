// `npm run db:migrate`: applies drizzle/ to DATABASE_URL (or the embedded database).
import { ensureLocalSecrets, loadDotEnv, prepareDatabase } from "./runtime";

loadDotEnv();
ensureLocalSecrets();
const database = await prepareDatabase((line) => console.log(line));
console.log(`Migrations applied to ${new URL(database.url).host}${new URL(database.url).pathname}`);
await database.embedded?.stop();
