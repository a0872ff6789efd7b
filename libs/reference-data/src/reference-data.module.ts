import { Module } from '@nestjs/common';
import { Countries } from './countries.js';
import { ReferenceDataController } from './reference-data.controller.js';
import { RegionalOrganisations } from './regional-organisations.js';

/**
 * Countries and regional organisations as services other modules inject (scheduling checks
 * codes; registration will ask which States were members of an organisation on a date).
 */
@Module({
  controllers: [ReferenceDataController],
  providers: [
    { provide: Countries, useFactory: () => new Countries() },
    { provide: RegionalOrganisations, inject: [Countries], useFactory: (countries: Countries) => new RegionalOrganisations(countries) },
  ],
  exports: [Countries, RegionalOrganisations],
})
export class ReferenceDataModule {}
