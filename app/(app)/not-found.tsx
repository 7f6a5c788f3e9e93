import { NotFoundMessage } from "@/components/not-found-message";

// Rendered inside the app layout, which already provides <main>.
export default function AppNotFound() {
  return <NotFoundMessage />;
}
