import { Html, html } from './escape-html.js';

/**
 * Forbids everything but the inline stylesheet: no scripts, no requests, no forms.
 * The pages need nothing else, so even text that escaped escaping could not act.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A whole self-contained page: the head every rmos page shares, the styles inlined. */
export function htmlDocument(page: { title: string; generator: string; styles: string; body: Html }): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="rmos ${page.generator}">
<title>${page.title}</title>
<style>${new Html(page.styles)}</style>
</head>
<body>
<main>
${page.body}</main>
</body>
</html>
`.text;
}
