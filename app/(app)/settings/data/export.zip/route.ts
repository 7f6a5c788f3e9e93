import { respondWithExport } from "@/lib/data-transfer/export-response";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return respondWithExport(request, "zip");
}
