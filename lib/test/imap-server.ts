import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";

const DOVECOT = "/usr/sbin/dovecot";
const START_TIMEOUT_MS = 15_000;

export type TestImapServer = {
  host: string;
  port: number;
  username: string;
  password: string;
  /** APPENDs a raw RFC 5322 message to a mailbox (INBOX by default); returns its UID. */
  deliver: (raw: string, options?: { mailbox?: string; internalDate?: Date }) => Promise<number>;
  /** Creates a mailbox, deleting it first if it exists: a re-created one has a new UIDVALIDITY. */
  recreateMailbox: (mailbox: string) => Promise<void>;
  close: () => Promise<void>;
};

type Accounts = { internalUser: string; internalGroup: string; loginUser: string; mailUid: number; mailGid: number };

// Dovecot refuses to run mail processes as root. As root: the package's
// unprivileged users for the daemons and `nobody` for the mail. As anyone else:
// everything runs as that user (Dovecot's "rootless" setup).
function chooseAccounts(): Accounts {
  const me = userInfo();
  if (me.uid !== 0) {
    const group = execFileSync("id", ["-gn"], { encoding: "utf8" }).trim();
    return { internalUser: me.username, internalGroup: group, loginUser: me.username, mailUid: me.uid, mailGid: me.gid };
  }
  return { internalUser: "dovecot", internalGroup: "dovecot", loginUser: "dovenull", mailUid: 65534, mailGid: 65534 };
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function buildConfig(dir: string, port: number, accounts: Accounts): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# a refused login answers at once instead of after Dovecot's 2 s penalty
auth_failure_delay = 0
default_internal_user = ${accounts.internalUser}
default_internal_group = ${accounts.internalGroup}
default_login_user = ${accounts.loginUser}
first_valid_uid = ${accounts.mailUid}
last_valid_uid = ${accounts.mailUid}
first_valid_gid = ${accounts.mailGid}
last_valid_gid = ${accounts.mailGid}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${accounts.mailUid} gid=${accounts.mailGid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  # no growing penalty for repeated failed logins from one address (the tests refuse on purpose)
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  inet_listener http {
    port = 0
  }
}
`;
}

async function waitForGreeting(port: number, process: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) break;
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port });
      socket.once("data", (data) => {
        socket.destroy();
        resolve(data.toString().startsWith("* OK"));
      });
      socket.once("error", () => resolve(false));
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = existsSync(logPath) ? await readFile(logPath, "utf8") : "(no log)";
  throw new Error(`Dovecot did not start on 127.0.0.1:${port}.\n${log}`);
}

// A real Dovecot on loopback for one test file: its own config, a passwd-file
// user and a temporary Maildir, all removed by close().
export async function startTestImapServer(): Promise<TestImapServer> {
  if (!existsSync(DOVECOT)) {
    throw new Error(`${DOVECOT} is missing: the IMAP tests need a real Dovecot. Run \`apt-get install dovecot-imapd\` (CI installs it).`);
  }
  const accounts = chooseAccounts();
  const dir = await mkdtemp(path.join(tmpdir(), "afterview-dovecot-"));
  const username = "candidate";
  const password = randomBytes(12).toString("hex");
  const port = await findFreePort();
  await chmod(dir, 0o755);
  for (const sub of ["run", "state", "mail", "home"]) await mkdir(path.join(dir, sub), { mode: 0o755 });
  if (userInfo().uid === 0) {
    for (const sub of ["mail", "home"]) await chown(path.join(dir, sub), accounts.mailUid, accounts.mailGid);
  }
  await writeFile(path.join(dir, "passwd"), `${username}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  const configPath = path.join(dir, "dovecot.conf");
  await writeFile(configPath, buildConfig(dir, port, accounts));

  const child = spawn(DOVECOT, ["-F", "-c", configPath], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await waitForGreeting(port, child, path.join(dir, "dovecot.log"));
  } catch (error) {
    child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }

  async function withClient<T>(run: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, doSTARTTLS: false, auth: { user: username, pass: password }, logger: false });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.logout();
    }
  }

  return {
    host: "127.0.0.1",
    port,
    username,
    password,
    deliver: (raw, options = {}) =>
      withClient(async (client) => {
        const mailbox = options.mailbox ?? "INBOX";
        if (mailbox !== "INBOX") await client.mailboxCreate(mailbox).catch(() => undefined);
        const appended = await client.append(mailbox, raw, [], options.internalDate);
        if (!appended || !appended.uid) throw new Error("Dovecot did not report the appended UID");
        return appended.uid;
      }),
    recreateMailbox: (mailbox) =>
      withClient(async (client) => {
        await client.mailboxDelete(mailbox).catch(() => undefined);
        await client.mailboxCreate(mailbox);
      }),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
