import { formatDateTime } from "@/lib/format";
import { getImapSettings } from "@/lib/replies/imap-settings";
import { ImapForm } from "./imap-form";

// "Replies by IMAP" in Settings: reads its own data so the page only places it.
export async function ImapPanel({ userId, timeZone }: { userId: string; timeZone: string }) {
  const settings = await getImapSettings({ userId });
  return (
    <section aria-labelledby="imap-heading" className="mt-8 space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h2 id="imap-heading" className="text-lg font-semibold">
        Replies by IMAP
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Connect your mailbox and Afterview notices when an interviewer answers, then cancels that interview&apos;s
        pending follow-ups. A reply is a message that answers one you sent through Afterview, or a message from an
        interviewer of an interview still waiting for an answer, received after the interview. Out-of-office and other
        automatic replies are ignored. Afterview opens the mailbox read-only and reads only the sender, subject, date
        and thread headers.
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <strong>Gmail:</strong> server <code>imap.gmail.com</code>, port 993, TLS, your Gmail address, and an{" "}
        <a className="underline" href="https://myaccount.google.com/apppasswords" rel="noreferrer noopener" target="_blank">
          app password
        </a>{" "}
        (it needs 2-Step Verification; your usual password will not work). Most other providers (Outlook.com, iCloud,
        Fastmail, Yahoo) also want an app password.
      </p>
      {settings ? (
        <dl className="grid gap-1 text-sm text-slate-700 dark:text-slate-300 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-medium">Last checked</dt>
          <dd>{settings.lastCheckedAt ? formatDateTime(settings.lastCheckedAt, timeZone) : "Not yet"}</dd>
          {settings.lastError ? (
            <>
              <dt className="font-medium text-red-800 dark:text-red-200">Last error</dt>
              <dd className="text-red-800 dark:text-red-200">
                {settings.lastErrorAt ? `${formatDateTime(settings.lastErrorAt, timeZone)}: ` : ""}
                {settings.lastError}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <ImapForm
        isConnected={settings !== null}
        initialValues={{
          host: settings?.host ?? "",
          port: String(settings?.port ?? 993),
          security: settings?.security ?? "tls",
          username: settings?.username ?? "",
          mailbox: settings?.mailbox ?? "INBOX",
        }}
      />
    </section>
  );
}
