import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO31661Alpha3,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ChangedText, OptionalTrimmedText, Trim, TrimmedText, UnlessLeftOut } from '@convene/platform';
import { GENDERS, type Gender, PARTICIPANT_ROLES, type ParticipantRole, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../book/registration-book.events.js';

const OptionalState = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${description} (ISO 3166-1 alpha-3)`, example: 'SGP', nullable: true, type: String }),
    IsOptional(),
    IsISO31661Alpha3({ message: '$property must be an ISO 3166-1 alpha-3 country code such as SGP' }),
  );

const SESSION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export class PersonDetailsDto {
  @OptionalTrimmedText(40, 'Ms.')
  honorific?: string | null;

  @TrimmedText(100, 'Amina')
  givenName: string;

  @TrimmedText(100, 'Diallo')
  familyName: string;

  @ApiProperty({ example: 'amina.diallo@example.org', maxLength: 254 })
  @Trim()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ enum: GENDERS, description: 'Optional; for gender-balance figures only' })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @OptionalState('Nationality')
  nationality?: string | null;

  @OptionalTrimmedText(300, 'Ministry of Foreign Affairs')
  affiliation?: string | null;

  @OptionalTrimmedText(200, 'Deputy Director, International Security')
  jobTitle?: string | null;
}

/** Every field optional: a change names only what changes. */
export class PersonChangesDto {
  @OptionalTrimmedText(40, 'Dr.')
  honorific?: string | null;

  @ChangedText(100)
  givenName?: string;

  @ChangedText(100)
  familyName?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @Trim()
  @UnlessLeftOut()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @UnlessLeftOut()
  @IsIn(GENDERS)
  gender?: Gender;

  @OptionalState('Nationality')
  nationality?: string | null;

  @OptionalTrimmedText(300)
  affiliation?: string | null;

  @OptionalTrimmedText(200)
  jobTitle?: string | null;
}

export class RepresentsDto {
  @OptionalState('The State the person speaks for (member-state and observer-state registrations)')
  state?: string | null;

  @OptionalTrimmedText(300, 'ASEAN Secretariat')
  organisation?: string | null;
}

export class RegisterParticipantBody {
  @ApiProperty({ type: PersonDetailsDto })
  // ValidateNested alone lets a missing value or an array through (it validates the array's items).
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDetailsDto)
  person: PersonDetailsDto;

  @ApiPropertyOptional({ description: 'Consent to appear, with name and affiliation, in the public list of participants', default: false })
  @IsOptional()
  @IsBoolean()
  publicListingConsent?: boolean;

  @ApiProperty({ enum: STAKEHOLDER_GROUPS })
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup: StakeholderGroup;

  @ApiProperty({ type: RepresentsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RepresentsDto)
  represents: RepresentsDto;

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES)
  role: ParticipantRole;

  @ApiPropertyOptional({ type: [String], description: 'Sessions the person will attend (ids from the agenda); closed ones only for member-State delegates and organisers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SESSION_ID, { each: true, message: 'each value in $property must be a session id' })
  sessionIds?: string[];

  @OptionalTrimmedText(2000, 'Wheelchair access; interpretation into French')
  accessNeeds?: string | null;
}

export class ChangeRegistrationBody {
  @ApiPropertyOptional({ type: PersonChangesDto })
  @UnlessLeftOut()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonChangesDto)
  person?: PersonChangesDto;

  @ApiPropertyOptional()
  @UnlessLeftOut()
  @IsBoolean()
  publicListingConsent?: boolean;

  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS })
  @UnlessLeftOut()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;

  @ApiPropertyOptional({ type: RepresentsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RepresentsDto)
  represents?: RepresentsDto;

  @ApiPropertyOptional({ enum: PARTICIPANT_ROLES })
  @UnlessLeftOut()
  @IsIn(PARTICIPANT_ROLES)
  role?: ParticipantRole;

  @ApiPropertyOptional({ type: [String] })
  @UnlessLeftOut()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(SESSION_ID, { each: true, message: 'each value in $property must be a session id' })
  sessionIds?: string[];

  @OptionalTrimmedText(2000)
  accessNeeds?: string | null;
}

export class ReasonBody {
  @TrimmedText(1000, 'The delegation is already complete')
  reason: string;
}

export class OptionalReasonBody {
  @OptionalTrimmedText(1000, 'Unable to travel')
  reason?: string | null;
}

export class CheckInBody {
  @ApiPropertyOptional({ description: 'Day at the venue (YYYY-MM-DD); default: the session’s day, or today at the venue', example: '2019-01-24' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2019-01-24' })
  day?: string;

  @ApiPropertyOptional({ description: 'A session of the consultation; absent: checked in at the door for the day', nullable: true, type: String })
  @IsOptional()
  @Matches(SESSION_ID, { message: '$property must be a session id' })
  sessionId?: string | null;
}

export class UndoCheckInBody extends CheckInBody {
  @OptionalTrimmedText(1000, 'Checked in under the wrong name')
  reason?: string | null;
}

export class BulkApproveBody {
  @ApiPropertyOptional({ type: [String], description: 'Registrations to approve, in this order' })
  @ValidateIf((o: BulkApproveBody) => o.allPending !== true)
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  registrationIds?: string[];

  @ApiPropertyOptional({ description: 'Approve every pending registration, in the order they came in' })
  @IsOptional()
  @IsBoolean()
  allPending?: boolean;
}
