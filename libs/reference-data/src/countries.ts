import countries from 'i18n-iso-countries';
import worldCountries from 'world-countries/countries.json' with { type: 'json' };
import { RuleViolation } from '@convene/event-store';

/** The six official languages of the United Nations, as ISO 639-1 codes. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export const isUnLanguage = (value: unknown): value is UnLanguage => (UN_LANGUAGES as readonly unknown[]).includes(value);

/** A `lang` query parameter: one of the six, English when absent; anything else is a 400. */
export function requestedLanguage(lang: string | undefined): UnLanguage {
  if (lang === undefined || lang === '') return 'en';
  if (!isUnLanguage(lang)) throw new RuleViolation('UnsupportedLanguage', `lang must be one of ${UN_LANGUAGES.join(', ')}`, 400, { lang });
  return lang;
}

export interface Country {
  /** ISO 3166-1 alpha-3. */
  code: string;
  /** ISO 3166-1 alpha-2, for systems that want it (flags, e-mail domains). */
  alpha2: string;
  names: Record<UnLanguage, string>;
  /** The UN regional group the State belongs to (how the UN reports regional balance). */
  regionalGroup: string;
}

/** For the States and territories in no UN regional group (observer States, territories). */
export const NO_REGIONAL_GROUP = 'Not in a UN regional group';

// world-countries (maintained, from the mledoze/countries dataset) carries each State's UN regional group.
const REGIONAL_GROUPS = new Map((worldCountries as Array<{ cca3: string; unRegionalGroup: string }>).map((c) => [c.cca3, c.unRegionalGroup || NO_REGIONAL_GROUP]));

/**
 * ISO 3166-1 countries with their names in the six UN languages, from i18n-iso-countries (a
 * maintained package, so that names follow ISO and CLDR changes without anyone typing them).
 */
export class Countries {
  private readonly byCode: ReadonlyMap<string, Country>;

  constructor() {
    const codes = Object.keys(countries.getAlpha3Codes()).sort();
    this.byCode = new Map(
      codes.map((code) => [
        code,
        {
          code,
          alpha2: countries.alpha3ToAlpha2(code) ?? '',
          names: Object.fromEntries(UN_LANGUAGES.map((l) => [l, countries.getName(code, l) ?? code])) as Record<UnLanguage, string>,
          regionalGroup: REGIONAL_GROUPS.get(code) ?? NO_REGIONAL_GROUP,
        },
      ]),
    );
  }

  isCountry(code: string): boolean {
    return this.byCode.has(code);
  }

  find(code: string): Country | undefined {
    return this.byCode.get(code);
  }

  /** The name in the language; the code itself for an unknown code, so that a display never breaks. */
  name(code: string, language: UnLanguage = 'en'): string {
    return this.byCode.get(code)?.names[language] ?? code;
  }

  /** The UN regional group (African Group, Asia and the Pacific Group, ...) of a State. */
  regionalGroup(code: string): string {
    return this.byCode.get(code)?.regionalGroup ?? NO_REGIONAL_GROUP;
  }

  all(): Country[] {
    return [...this.byCode.values()];
  }

  codes(): ReadonlySet<string> {
    return new Set(this.byCode.keys());
  }
}
