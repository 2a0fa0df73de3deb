// A load stopped by the user. Thrown from a progress callback, it passes through
// every format reader's error handling (it is not bad input) to the caller.
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}
