/** A file the scaffold writes: its path inside the new library, and its bytes. */
export interface PlannedFile {
  readonly path: string;
  readonly content: Uint8Array;
}

export interface TemplateValues {
  readonly library: string;
  readonly timezone: string;
}

/** Only text files that name the library carry placeholders; data files are copied byte for byte. */
const TEXT_TEMPLATE = /(^|\/)(rmos\.yaml|README\.md)$/;

/**
 * The files of a new library, from the template files and the values to fill in.
 * Pure: the caller reads the templates and writes the result.
 */
export function planLibrary(templates: readonly PlannedFile[], values: TemplateValues): PlannedFile[] {
  return templates
    .map((file) => {
      if (!TEXT_TEMPLATE.test(file.path)) return file;
      const text = new TextDecoder().decode(file.content).replace(/\{\{(library|timezone)\}\}/g, (_, key: keyof TemplateValues) => values[key]);
      return { path: file.path, content: new TextEncoder().encode(text) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A library name from a folder name: lower case letters, digits, '-' and '_', starting with a letter. */
export function libraryNameFor(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '');
  return name === '' ? 'metrics' : name;
}
