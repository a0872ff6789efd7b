import { describe, expect, it } from '@jest/globals';
import { negotiateFormat } from './negotiation.js';
import { thrown } from '../testing/thrown.js';

const formats = ['html', 'docx', 'pdf', 'md'] as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('choosing the format of a document', () => {
  it('takes ?format= over Accept, in any case', () => {
    expect(negotiateFormat(formats, 'PDF', 'text/html')).toBe('pdf');
  });

  it('refuses a ?format= it does not make with 406, listing what it makes', () => {
    expect(thrown(() => negotiateFormat(formats, 'xlsx', undefined))).toMatchObject({ rule: 'UnsupportedDocumentFormat', status: 406, details: { format: 'xlsx' } });
  });

  it('follows Accept: exact types, q-values, the most specific range winning', () => {
    expect(negotiateFormat(formats, undefined, 'application/pdf')).toBe('pdf');
    expect(negotiateFormat(formats, undefined, DOCX)).toBe('docx');
    expect(negotiateFormat(formats, undefined, 'text/markdown; charset=utf-8')).toBe('md');
    expect(negotiateFormat(formats, undefined, 'text/html;q=0.5, application/pdf;q=0.9')).toBe('pdf');
    expect(negotiateFormat(formats, undefined, 'text/*;q=0.8, text/html;q=0.1')).toBe('md');
    expect(negotiateFormat(formats, undefined, '*/*;q=0.1, application/pdf;q=0')).toBe('html');
  });

  it('answers a browser, */* and no Accept at all with the first format', () => {
    expect(negotiateFormat(formats, undefined, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('html');
    expect(negotiateFormat(formats, undefined, '*/*')).toBe('html');
    expect(negotiateFormat(formats, undefined, undefined)).toBe('html');
    expect(negotiateFormat(['csv', 'html'] as const, undefined, undefined)).toBe('csv');
  });

  it('is 406 Not Acceptable when nothing offered is acceptable', () => {
    expect(thrown(() => negotiateFormat(formats, undefined, 'application/json'))).toMatchObject({ rule: 'NotAcceptable', status: 406 });
    expect(thrown(() => negotiateFormat(formats, undefined, 'application/pdf;q=0'))).toMatchObject({ rule: 'NotAcceptable', status: 406 });
  });
});
