// Runs once when the Next.js server starts: its own console output goes through
// the redacting logger too (README, "Logs").
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logError, logWarning }, { routeConsoleToLogger }] = await Promise.all([import("./lib/log"), import("./lib/log-console")]);
  routeConsoleToLogger({ logError, logWarning });
}
