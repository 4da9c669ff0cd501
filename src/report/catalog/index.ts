import type { Catalog } from './build-catalog.js';
import { formatCatalogHtml } from './format-html.js';
import { formatCatalogMarkdown } from './format-markdown.js';

export const CATALOG_FORMATTERS = { markdown: formatCatalogMarkdown, html: formatCatalogHtml } satisfies Record<string, (catalog: Catalog) => string>;
export type CatalogFormat = keyof typeof CATALOG_FORMATTERS;
export { buildCatalog, type Catalog } from './build-catalog.js';
