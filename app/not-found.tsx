import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return (
    <main className="px-6">
      <NotFoundMessage />
    </main>
  );
}
