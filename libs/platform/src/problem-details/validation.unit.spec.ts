import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsEmail, IsString, Length, ValidateNested, validate } from 'class-validator';
import { createValidationPipe, flattenValidationErrors, ValidationFailed } from './validation.js';

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

describe('createValidationPipe', () => {
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
