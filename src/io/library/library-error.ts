/** The library cannot be read at all (exit code 2): no folder, no manifest, unreadable files. */
export class LibraryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibraryError';
  }
}
