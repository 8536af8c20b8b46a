// Typed errors. Each carries one message that names the input and what was wrong;
// the CLI prints it on one line, the server maps it to one JSON error shape.

export class DossierError extends Error {
  readonly code: string = 'DOSSIER_ERROR';
  readonly status: number = 500;
  constructor(message: string) {
    super(message);
    this.name = new.target.name; // each subclass is named after itself, with no constructor of its own
  }
}

/** The bytes of an input could not be read or understood. */
export class InputError extends DossierError {
  override readonly code = 'BAD_INPUT';
  override readonly status = 400;
  constructor(readonly input: string, reason: string) {
    super(`${input}: ${reason}`);
  }
}

/** A requested thing does not exist in the dossier. */
export class NotFoundError extends DossierError {
  override readonly code = 'NOT_FOUND';
  override readonly status = 404;
  constructor(what: string) {
    super(`${what} not found`);
  }
}

/** The store could not be opened or written. */
export class StoreError extends DossierError {
  override readonly code = 'STORE_ERROR';
  override readonly status = 503;
}

/** A request or command argument was invalid. */
export class UsageError extends DossierError {
  override readonly code = 'BAD_REQUEST';
  override readonly status = 400;
}

export const oneLine = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
