import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { isDevOutboxEnabled } from "@/lib/env";
import { clientAddress, isLoopbackAddress } from "@/lib/http/client-address";
import { listDevOutboxMessages } from "@/lib/mail/dev-outbox";

export const metadata: Metadata = { title: "Dev outbox" };
export const dynamic = "force-dynamic";

const URL_PATTERN = /(https?:\/\/[^\s<>"\]]+)/g;

function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all font-semibold text-brand-700 dark:text-brand-300 underline">
            {part}
          </a>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

// Only exists while no mail server is configured (docs/architecture.md
// "Runtime defaults"), and only for this machine: it shows every user's sign-in links, so
// anyone else who could read it could sign in as anyone.
export default async function DevOutboxPage() {
  if (!isDevOutboxEnabled() || !isLoopbackAddress(clientAddress(await headers()))) notFound();
  const messages = await listDevOutboxMessages();
  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      <h1 className="text-2xl font-bold">Dev outbox</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        No SMTP server is configured (SMTP_URL), so mail the app would send is kept here, sign-in links included. This page
        answers only requests from this machine (127.0.0.1 or ::1); every other visitor gets &ldquo;not found&rdquo;. Set
        SMTP_URL before others use the app.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 rounded-md border border-dashed border-slate-300 dark:border-slate-600 p-6 text-center text-slate-600 dark:text-slate-400">
          Nothing here yet. Ask for a sign-in link and it will appear.
        </p>
      ) : (
        <ol className="mt-6 space-y-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 shadow-sm">
              <h2 className="font-semibold">{message.subject}</h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                To {message.toAddress} · {message.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
              </p>
              <pre className="mt-3 whitespace-pre-wrap font-sans text-sm">
                <Linkified text={message.text} />
              </pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
