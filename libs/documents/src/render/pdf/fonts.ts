import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The fonts PDFs are set in, from npm packages of Google Fonts' builds (SIL Open Font License; see
 * docs/adr/0013): Noto Sans for Latin, Greek and Cyrillic (English, French, Spanish, Russian), IBM
 * Plex Sans Arabic for Arabic, Noto Sans SC for Chinese. IBM Plex Sans Arabic rather than Noto Sans
 * Arabic: Noto's Arabic fonts draw dotted letters as a dotless body plus dot marks, so a PDF's text
 * layer maps several letters to one glyph and copy-paste or search gets the wrong letters.
 */
export type Face = 'latin' | 'arabic' | 'cjk';
export const FACES: readonly Face[] = ['latin', 'arabic', 'cjk'];

const FILES: Record<Face, { pkg: string; regular: string; bold: string }> = {
  latin: { pkg: '@expo-google-fonts/noto-sans', regular: '400Regular/NotoSans_400Regular.ttf', bold: '700Bold/NotoSans_700Bold.ttf' },
  arabic: {
    pkg: '@expo-google-fonts/ibm-plex-sans-arabic',
    regular: '400Regular/IBMPlexSansArabic_400Regular.ttf',
    bold: '700Bold/IBMPlexSansArabic_700Bold.ttf',
  },
  cjk: { pkg: '@expo-google-fonts/noto-sans-sc', regular: '400Regular/NotoSansSC_400Regular.ttf', bold: '700Bold/NotoSansSC_700Bold.ttf' },
};

const require = createRequire(import.meta.url);
const cache = new Map<string, fontkit.Font>();

export const fontKey = (face: Face, bold: boolean): string => `${face}-${bold ? 'bold' : 'regular'}`;

/**
 * The parsed font, loaded on first use and kept for the life of the process: parsing a font and
 * building its shaping tables costs far more than a whole summary's layout, and a Chinese font is
 * 10 MB (loaded only when a document has Chinese text).
 */
export function loadFont(face: Face, bold: boolean): fontkit.Font {
  const key = fontKey(face, bold);
  let font = cache.get(key);
  if (!font) {
    const { pkg, regular, bold: boldFile } = FILES[face];
    const path = join(dirname(require.resolve(`${pkg}/package.json`)), bold ? boldFile : regular);
    font = fontkit.create(readFileSync(path)) as fontkit.Font;
    cache.set(key, font);
  }
  return font;
}
