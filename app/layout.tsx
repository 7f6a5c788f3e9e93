import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Afterview", template: "%s · Afterview" },
  description: "Plan, draft and send the follow-up after every job interview.",
};

// Every page is rendered per request: the CSP nonce (proxy.ts) is new each time,
// and a page prerendered at build time would carry scripts without it.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
