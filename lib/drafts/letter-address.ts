/**
 * The address block of a printed letter: the name (and title, company) we
 * know, then the postal address as typed. People often type the name and the
 * company into the address too, which printed them twice; a line equal to an
 * earlier one, ignoring case and spacing, is left out.
 */
export function composeAddressBlock(parts: readonly (string | null | undefined)[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const line of parts.flatMap((part) => (part ?? "").split(/\r?\n/))) {
    const trimmed = line.trim();
    const key = trimmed.replace(/\s+/g, " ").toLowerCase();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    lines.push(trimmed);
  }
  return lines.join("\n");
}
