import { describe, expect, it } from '@jest/globals';
import { contentDisposition, slug, unicodeFileName } from './file-names.js';

describe('file names of documents', () => {
  it('slugs a title to ASCII: accents folded, punctuation to dashes', () => {
    expect(slug('Regional perspectives on international security in cyberspace: ASEAN: Chair’s summary')).toBe(
      'regional-perspectives-on-international-security-in-cyberspace-asean-chair-s-summary',
    );
    expect(slug('Consultation régionale — Côte d’Ivoire')).toBe('consultation-regionale-cote-d-ivoire');
    expect(slug('موجز الرئيس')).toBe('document');
  });

  it('cuts a long slug at a word', () => {
    const long = slug(`${'word '.repeat(40)}end`);
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('word')).toBe(true);
  });

  it('keeps the title for filename*, without what a file system refuses', () => {
    expect(unicodeFileName('Report: 2019/2020 "final"', 'pdf')).toBe('Report 2019 2020 final.pdf');
  });

  it('is an attachment with an ASCII filename and an RFC 8187 filename*', () => {
    expect(contentDisposition('موجز الرئيس: Chair’s summary', 'docx')).toBe(
      `attachment; filename="chair-s-summary.docx"; filename*=UTF-8''%D9%85%D9%88%D8%AC%D8%B2%20%D8%A7%D9%84%D8%B1%D8%A6%D9%8A%D8%B3%20Chair%E2%80%99s%20summary.docx`,
    );
    expect(decodeURIComponent(contentDisposition('Chair’s (draft) summary*', 'md').split("UTF-8''")[1])).toBe('Chair’s (draft) summary.md');
  });
});
