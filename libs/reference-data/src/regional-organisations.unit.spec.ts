import { describe, expect, it } from '@jest/globals';
import { Countries } from './countries.js';
import { RegionalOrganisations } from './regional-organisations.js';

const countries = new Countries();
const organisations = new RegionalOrganisations(countries);

describe('regional organisations (seeds/regional-organisations.json)', () => {
  it('has at least the seven organisations the secretariat works with', () => {
    expect([...organisations.codes()]).toEqual(expect.arrayContaining(['AU', 'EU', 'OAS', 'OSCE', 'ARF', 'ASEAN', 'LAS']));
  });

  it('counts the United Kingdom in the EU up to and including 31 January 2020, not a day later', () => {
    expect(organisations.isMemberAsOf('EU', 'GBR', '2020-01-31')).toBe(true);
    expect(organisations.isMemberAsOf('EU', 'GBR', '2020-02-01')).toBe(false);
    expect(organisations.membersAsOf('EU', '2019-01-24')).toHaveLength(28);
    expect(organisations.membersAsOf('EU', '2020-02-01')).toHaveLength(27);
  });

  it('gives the ten ASEAN members of the Singapore workshop (2017) and Timor-Leste only from its admission', () => {
    const in2017 = organisations.membersAsOf('ASEAN', '2017-09-20');
    expect(in2017).toEqual(['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'VNM']);
    expect(organisations.isMemberAsOf('ASEAN', 'TLS', '2025-10-26')).toBe(true);
  });

  it('knows when States joined: South Sudan and Morocco in the AU, Croatia in the EU', () => {
    expect(organisations.isMemberAsOf('AU', 'SSD', '2011-07-27')).toBe(false);
    expect(organisations.isMemberAsOf('AU', 'SSD', '2011-07-28')).toBe(true);
    expect(organisations.isMemberAsOf('AU', 'MAR', '2016-12-31')).toBe(false);
    expect(organisations.isMemberAsOf('EU', 'HRV', '2013-06-30')).toBe(false);
    expect(organisations.isMemberAsOf('EU', 'HRV', '2013-07-01')).toBe(true);
  });

  it('lists the organisations a State belonged to on a day', () => {
    expect(organisations.organisationsOf('SGP', '2017-09-20').sort()).toEqual(['ARF', 'ASEAN']);
    expect(organisations.organisationsOf('GBR', '2019-01-24').sort()).toEqual(['EU', 'OSCE']);
  });

  it('refuses a seed with an unknown State code, so that a typo stops the start instead of a registration', () => {
    const seed = { organisations: [{ code: 'XX', established: '2000-01-01', names: organisations.find('EU')!.names, members: [{ state: 'GBX', from: '2000-01-01' }] }] };
    expect(() => new RegionalOrganisations(countries, seed)).toThrow(/GBX is not an ISO 3166-1 alpha-3 code/);
  });

  it('refuses overlapping membership periods of one State', () => {
    const members = [
      { state: 'FRA', from: '2000-01-01', until: '2010-12-31' },
      { state: 'FRA', from: '2010-06-01' },
    ];
    const seed = { organisations: [{ code: 'XX', established: '2000-01-01', names: organisations.find('EU')!.names, members }] };
    expect(() => new RegionalOrganisations(countries, seed)).toThrow(/overlapping/);
  });
});

describe('countries (i18n-iso-countries)', () => {
  it('names a State in the six UN languages', () => {
    expect(countries.find('CHE')?.names).toEqual({
      ar: expect.any(String),
      zh: '瑞士',
      en: 'Switzerland',
      fr: 'Suisse',
      ru: 'Швейцария',
      es: 'Suiza',
    });
    expect(countries.isCountry('SGP')).toBe(true);
    expect(countries.isCountry('XKX')).toBe(false);
  });
});
