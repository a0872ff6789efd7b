import { Injectable } from '@nestjs/common';
import { Countries, RegionalOrganisations } from '@convene/reference-data';
import type { Memberships } from '../ports/consultations.js';
import type { ParticipationReference } from '../read-models/participation/participation.js';

/** Memberships for the closed-session rule, and names and groups for the figures, from reference data. */
@Injectable()
export class ReferenceDataAdapter implements Memberships, ParticipationReference {
  constructor(
    private readonly countries: Countries,
    private readonly organisations: RegionalOrganisations,
  ) {}

  membersAsOf(organisation: string, day: string): string[] {
    return this.organisations.membersAsOf(organisation, day);
  }

  stateName(code: string): string {
    return this.countries.name(code);
  }

  regionalGroup(code: string): string {
    return this.countries.regionalGroup(code);
  }

  organisationName(code: string): string {
    return this.organisations.find(code)?.names.en ?? code;
  }
}
