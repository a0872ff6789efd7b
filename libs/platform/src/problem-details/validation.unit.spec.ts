import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsEmail, IsString, Length, ValidateNested, validate } from 'class-validator';
import { createValidationPipe, fieldPath, flattenValidationErrors, malformedTextErrors, ValidationFailed } from './validation.js';

class ContactDto {
  @IsEmail() email!: string;
}

class DelegateDto {
  @IsString() @Length(3, 3) state!: string;
  @ValidateNested({ each: true }) @Type(() => ContactDto) contacts!: ContactDto[];
}

class DelegationDto {
  @ValidateNested() @Type(() => DelegateDto) head!: DelegateDto;
}

describe('flattenValidationErrors', () => {
  it('gives every broken constraint with a dotted and indexed path', async () => {
    const dto = Object.assign(new DelegationDto(), {
      head: Object.assign(new DelegateDto(), {
        state: 'SG',
        contacts: [Object.assign(new ContactDto(), { email: 'ok@example.org' }), Object.assign(new ContactDto(), { email: 'nope' })],
      }),
    });
    const errors = flattenValidationErrors(await validate(dto));
    expect(errors).toEqual([
      { field: 'head.state', rule: 'isLength', message: expect.stringContaining('state') },
      { field: 'head.contacts[1].email', rule: 'isEmail', message: 'email must be an email' },
    ]);
  });
});

describe('fieldPath', () => {
  it('quotes member names that are not identifiers, so that every error visibly names its field', () => {
    expect(fieldPath('', 'email')).toBe('email');
    expect(fieldPath('speakers', '0')).toBe('speakers[0]');
    expect(fieldPath('', '')).toBe('[""]');
    expect(fieldPath('', '   ')).toBe('["   "]');
    expect(fieldPath('person', 'a.b')).toBe('person["a.b"]');
  });
});

describe('malformedTextErrors', () => {
  it('names every string or member name holding NUL or an unpaired surrogate, and nothing else', () => {
    const body = { title: 'ok 😀', people: [{ name: 'a\u0000b' }], ['\uD800']: 1, note: 'x\uDC00' };
    expect(malformedTextErrors(body, '').map((e) => [e.field, e.rule])).toEqual([
      ['people[0].name', 'wellFormedText'],
      ['["\\ud800"]', 'wellFormedText'],
      ['note', 'wellFormedText'],
    ]);
    expect(malformedTextErrors('\u0000', 'consultationId')).toEqual([expect.objectContaining({ field: 'consultationId' })]);
  });
});

describe('createValidationPipe', () => {
  it('refuses malformed text in a path parameter, which has no DTO', async () => {
    const failure = await createValidationPipe()
      .transform('c\u0000', { type: 'param', data: 'consultationId', metatype: String })
      .catch((error: unknown) => error);
    expect((failure as ValidationFailed).errors).toEqual([expect.objectContaining({ field: 'consultationId', rule: 'wellFormedText' })]);
  });

  it('throws ValidationFailed for unknown fields and invalid values', async () => {
    const pipe = createValidationPipe();
    const failure = await pipe
      .transform({ head: { state: 'SGP', contacts: [] }, admin: true }, { type: 'body', metatype: DelegationDto })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ValidationFailed);
    expect((failure as ValidationFailed).errors).toEqual([
      { field: 'admin', rule: 'whitelistValidation', message: 'property admin should not exist' },
    ]);
  });

  it('returns an instance of the DTO when the input is valid', async () => {
    const value = await createValidationPipe().transform(
      { head: { state: 'SGP', contacts: [{ email: 'a@example.org' }] } },
      { type: 'body', metatype: DelegationDto },
    );
    expect(value).toBeInstanceOf(DelegationDto);
    expect((value as DelegationDto).head.contacts[0]).toBeInstanceOf(ContactDto);
  });
});
