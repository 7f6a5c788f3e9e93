import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { getSendingAccount, getSmtpSettingsView } from "@/lib/mail/queries";
import { SmtpForm } from "./smtp-form";

const SECURITY_LABELS = { tls: "TLS", starttls: "STARTTLS", none: "unencrypted (this machine only)" } as const;

// "Sending by SMTP" in Settings: reads its own data so the page only places it.
export async function SmtpPanel({ userId, timeZone }: { userId: string; timeZone: string }) {
  const [settings, account] = await Promise.all([getSmtpSettingsView({ userId }), getSendingAccount({ userId })]);
  return (
    <section aria-labelledby="smtp-heading" className="mt-8 space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h2 id="smtp-heading" className="text-lg font-semibold">
        Sending by SMTP
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Your mail leaves from <strong>{account.label}</strong>. Connect your own mail account&apos;s SMTP server and your
        thank-you notes and follow-ups go out from your address, through that server.
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Unencrypted connections are allowed only to a server on this machine, and Gmail and Outlook users need an{" "}
        <a className="underline" href="https://myaccount.google.com/apppasswords" rel="noreferrer noopener" target="_blank">
          app password
        </a>{" "}
        instead of their usual one (Gmail: <code>smtp.gmail.com</code>, port 465, TLS).
      </p>
      {settings?.lastError ? (
        <div role="alert" className="space-y-1 rounded-md border border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-800 dark:text-red-200">
          <p className="font-semibold">
            Sending failed{settings.lastErrorAt ? ` on ${formatDateTime(settings.lastErrorAt, timeZone)}` : ""}: {settings.lastError}
          </p>
          <p>
            Messages it refused stay in the{" "}
            <Link className="underline" href="/outbox">
              Outbox
            </Link>{" "}
            as failed. Correct the settings below, then retry them there.
          </p>
        </div>
      ) : null}
      {settings ? (
        <dl className="grid gap-1 text-sm text-slate-700 dark:text-slate-300 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-medium">Server</dt>
          <dd>
            {settings.host}:{settings.port}, {SECURITY_LABELS[settings.security]}
          </dd>
          <dt className="font-medium">Sends as</dt>
          <dd>{settings.fromName ? `${settings.fromName} <${settings.fromAddress}>` : settings.fromAddress}</dd>
          <dt className="font-medium">Verified</dt>
          <dd>{settings.verifiedAt ? formatDateTime(settings.verifiedAt, timeZone) : "Not yet"}</dd>
        </dl>
      ) : null}
      <SmtpForm
        isConnected={settings !== null}
        initialValues={{
          host: settings?.host ?? "",
          port: String(settings?.port ?? 465),
          security: settings?.security ?? "tls",
          username: settings?.username ?? "",
          fromAddress: settings?.fromAddress ?? account.fromAddress,
          fromName: settings?.fromName ?? "",
        }}
      />
    </section>
  );
}
