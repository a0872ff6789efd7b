import { Injectable } from '@nestjs/common';
import { Countries, RegionalOrganisations, type UnLanguage } from '@convene/reference-data';
import type { Names } from './scheduling-views.js';

/** Country and organisation names for the views, in the reader's language. */
@Injectable()
export class ReferenceNames {
  constructor(
    readonly countries: Countries,
    private readonly organisations: RegionalOrganisations,
  ) {}

  in(language: UnLanguage): Names {
    return { countries: this.countries, organisations: this.organisations, language };
  }
}
