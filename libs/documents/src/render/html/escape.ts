const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A complete HTML document: doctype, language and direction, character set, title, styles. */
export function htmlDocument(options: { lang: string; dir: 'ltr' | 'rtl'; title: string; css: string; body: string }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang)}" dir="${options.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Convene">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${options.css}</style>`,
    '</head>',
    '<body>',
    options.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Styles shared by the documents: readable measure, logical properties so that RTL mirrors itself. */
export const BASE_CSS = [
  'body{font-family:"Noto Sans","IBM Plex Sans Arabic","Noto Sans SC",Arial,sans-serif;line-height:1.5;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111}',
  'h1{font-size:1.6rem}h2{font-size:1.25rem;margin-block-start:2rem}h3{font-size:1.1rem}',
  '.draft-banner{border:2px solid #b00020;color:#b00020;padding:.5rem 1rem;font-weight:600}',
  '.subtitle{margin:.2rem 0;font-style:italic}.status{color:#444;font-size:.9rem}',
  'sup.note-ref a{text-decoration:none}',
  '.notes{border-block-start:1px solid #999;margin-block-start:2rem;font-size:.9rem}',
  '@media print{body{max-width:none;margin:0}article.new-page{break-before:page}}',
].join('\n');
