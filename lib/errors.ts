// Expected errors carry a message written for the user (docs/architecture.md "Errors").
export class UserFacingError extends Error {
  readonly fieldErrors?: Record<string, string[]>;

  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "UserFacingError";
    this.fieldErrors = fieldErrors;
  }
}

// A row that does not exist, or belongs to someone else: both answer 404.
export class NotFoundError extends Error {
  constructor(what = "Not found") {
    super(what);
    this.name = "NotFoundError";
  }
}
