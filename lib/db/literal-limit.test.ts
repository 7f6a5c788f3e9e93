import { QueryBuilder } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { literalLimit } from "./literal-limit";
import { users } from "./schema";

describe("literalLimit", () => {
  it("writes the limit into a select's text, not as a parameter", () => {
    const query = new QueryBuilder().select({ id: users.id }).from(users).limit(literalLimit(15)).toSQL();
    expect(query.sql).toBe('select "id" from "user" limit 15');
    expect(query.params).toEqual([]);
  });

  it("refuses anything but a whole number of rows, since the text is not escaped", () => {
    for (const rows of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => literalLimit(rows)).toThrow(RangeError);
  });
});
