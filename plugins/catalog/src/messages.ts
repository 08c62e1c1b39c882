import type { LocalizedText } from '@comptoir/kernel';
import type { ValidationFailure } from './domain/index.js';

type P = Readonly<Record<string, string | number>>;
const KIND: Record<string, string> = { ean13: 'EAN-13', ean8: 'EAN-8', upca: 'UPC-A', internal: 'code interne' };
const kind = (p: P) => KIND[String(p.kind)] ?? String(p.kind ?? '');

type Lang = 'fr' | 'nl' | 'en';

/** The country's name in the language ('BE' → 'Belgique', 'België', 'Belgium'). */
function country(p: P, lang: Lang): string {
  const code = String(p.country ?? '');
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The domain describes a postal code's format in English ('4 digits'); each language says it its own way. */
const POSTAL_FORMATS: Record<string, Record<Lang, string>> = {
  '4 digits': { fr: '4 chiffres', nl: '4 cijfers', en: '4 digits' },
  '5 digits': { fr: '5 chiffres', nl: '5 cijfers', en: '5 digits' },
  '4 digits and 2 letters, like 1234 AB': { fr: '4 chiffres et 2 lettres, comme 1234 AB', nl: '4 cijfers en 2 letters, zoals 1234 AB', en: '4 digits and 2 letters, like 1234 AB' },
};

/** The domain describes a VAT number's format in English too. */
const VAT_FORMATS: Record<string, Record<Lang, string>> = {
  '10 digits starting with 0 or 1': { fr: '10 chiffres commençant par 0 ou 1', nl: '10 cijfers die met 0 of 1 beginnen', en: '10 digits starting with 0 or 1' },
  '2-character key and 9-digit SIREN': { fr: 'clé de 2 caractères et SIREN de 9 chiffres', nl: 'sleutel van 2 tekens en SIREN van 9 cijfers', en: '2-character key and 9-digit SIREN' },
  '2 to 13 letters or digits after the country prefix': { fr: '2 à 13 lettres ou chiffres après le code du pays', nl: '2 tot 13 letters of cijfers na de landcode', en: '2 to 13 letters or digits after the country prefix' },
};
const vatFormat = (p: P, lang: Lang) => VAT_FORMATS[String(p.expected)]?.[lang] ?? String(p.expected ?? '');
const postalFormat = (p: P, lang: Lang) => POSTAL_FORMATS[String(p.expected)]?.[lang] ?? String(p.expected ?? '');

/** French, Dutch and English sentences for the domain's validation codes (the domain speaks English). */
const TEXTS: Record<string, (p: P, input: string) => LocalizedText> = {
  BARCODE_EMPTY: () => ({ fr: 'Le code-barres est vide.', nl: 'De streepjescode is leeg.', en: 'The barcode is empty.' }),
  BARCODE_UNKNOWN_KIND: (p) => ({ fr: `Type de code-barres inconnu : ${p.kind}.`, nl: `Onbekend type streepjescode: ${p.kind}.`, en: `Unknown barcode type: ${p.kind}.` }),
  BARCODE_NOT_DIGITS: (p, i) => ({
    fr: `${i} : un code ${kind(p)} ne contient que des chiffres (« ${p.character} » en position ${p.position}).`,
    nl: `${i}: een ${kind(p)}-code bevat enkel cijfers ('${p.character}' op positie ${p.position}).`,
    en: `${i}: a ${kind(p)} code has digits only ('${p.character}' at position ${p.position}).`,
  }),
  BARCODE_BAD_LENGTH: (p, i) => ({
    fr: `${i} : un code ${kind(p)} compte ${p.expectedLength} chiffres, pas ${p.length}.`,
    nl: `${i}: een ${kind(p)}-code telt ${p.expectedLength} cijfers, niet ${p.length}.`,
    en: `${i}: a ${kind(p)} code has ${p.expectedLength} digits, not ${p.length}.`,
  }),
  BARCODE_BAD_CHECK_DIGIT: (p, i) => ({
    fr: `${kind(p)} ${i} : le chiffre de contrôle devrait être ${p.expected}, pas ${p.actual}.`,
    nl: `${kind(p)} ${i}: het controlecijfer zou ${p.expected} moeten zijn, niet ${p.actual}.`,
    en: `${kind(p)} ${i}: check digit should be ${p.expected}, not ${p.actual}.`,
  }),
  BARCODE_INTERNAL_TOO_LONG: (p) => ({
    fr: `Un code interne compte au plus ${p.maxLength} caractères (ici ${p.length}).`,
    nl: `Een interne code telt hoogstens ${p.maxLength} tekens (hier ${p.length}).`,
    en: `An internal code has at most ${p.maxLength} characters (here ${p.length}).`,
  }),
  BARCODE_INTERNAL_BAD_CHARACTER: (p) => ({
    fr: `Caractère « ${p.character} » interdit en position ${p.position} : lettres, chiffres, « - », « _ » et « . » seulement.`,
    nl: `Teken '${p.character}' niet toegelaten op positie ${p.position}: enkel letters, cijfers, '-', '_' en '.'.`,
    en: `Character '${p.character}' not allowed at position ${p.position}: letters, digits, '-', '_' and '.' only.`,
  }),
  BARCODE_INTERNAL_LOOKS_LIKE_GTIN: (p, i) => ({
    fr: `${i} ressemble à un code ${p.gtinKind} dont le chiffre de contrôle est faux (attendu ${p.expected}, lu ${p.actual}).`,
    nl: `${i} lijkt op een ${p.gtinKind}-code met een fout controlecijfer (verwacht ${p.expected}, gelezen ${p.actual}).`,
    en: `${i} looks like a ${p.gtinKind} code with a wrong check digit (expected ${p.expected}, read ${p.actual}).`,
  }),
  VAT_NUMBER_EMPTY: () => ({ fr: 'Le numéro de TVA est vide.', nl: 'Het btw-nummer is leeg.', en: 'The VAT number is empty.' }),
  VAT_NUMBER_BAD_CHARACTER: (p) => ({
    fr: `Caractère « ${p.character} » inattendu dans le numéro de TVA (position ${p.position}).`,
    nl: `Onverwacht teken '${p.character}' in het btw-nummer (positie ${p.position}).`,
    en: `Unexpected character '${p.character}' in the VAT number (position ${p.position}).`,
  }),
  VAT_NUMBER_NO_COUNTRY: () => ({ fr: 'Le numéro de TVA commence par le code du pays (BE, FR…).', nl: 'Het btw-nummer begint met de landcode (BE, FR…).', en: 'The VAT number starts with the country code (BE, FR…).' }),
  VAT_NUMBER_UNKNOWN_COUNTRY: (p) => ({ fr: `Pays « ${p.country} » inconnu pour un numéro de TVA européen.`, nl: `Land '${p.country}' onbekend voor een Europees btw-nummer.`, en: `Unknown country '${p.country}' for an EU VAT number.` }),
  VAT_NUMBER_BAD_FORMAT: (p) => ({ fr: `Format de numéro de TVA ${p.country} invalide (${vatFormat(p, 'fr')}).`, nl: `Ongeldig formaat voor een ${p.country}-btw-nummer (${vatFormat(p, 'nl')}).`, en: `Invalid ${p.country} VAT number format (${vatFormat(p, 'en')}).` }),
  VAT_NUMBER_BAD_CHECKSUM: (p) => ({
    fr: `Numéro de TVA ${p.country} invalide : le contrôle devrait être ${p.expected}, pas ${p.actual}.`,
    nl: `Ongeldig ${p.country}-btw-nummer: de controle zou ${p.expected} moeten zijn, niet ${p.actual}.`,
    en: `Invalid ${p.country} VAT number: check should be ${p.expected}, not ${p.actual}.`,
  }),
  POSTAL_CODE_EMPTY: () => ({ fr: 'Le code postal est vide.', nl: 'De postcode is leeg.', en: 'The postal code is empty.' }),
  POSTAL_CODE_UNKNOWN_COUNTRY: (p) => ({ fr: `Pays « ${p.country} » inconnu.`, nl: `Onbekend land '${p.country}'.`, en: `Unknown country '${p.country}'.` }),
  POSTAL_CODE_BAD_FORMAT: (p) => ({
    fr: `Code postal invalide (${country(p, 'fr')} : ${postalFormat(p, 'fr')}).`,
    nl: `Ongeldige postcode (${country(p, 'nl')}: ${postalFormat(p, 'nl')}).`,
    en: `Invalid postal code (${country(p, 'en')}: ${postalFormat(p, 'en')}).`,
  }),
  POSTAL_CODE_OUT_OF_RANGE: (p) => ({ fr: `Code postal hors plage pour ${p.country} (${p.min}–${p.max}).`, nl: `Postcode buiten bereik voor ${p.country} (${p.min}–${p.max}).`, en: `Postal code out of range for ${p.country} (${p.min}–${p.max}).` }),
};

/** The people-facing sentence for a domain validation failure. */
export function failureText(f: ValidationFailure<string>, input: string): LocalizedText {
  const t = TEXTS[f.code];
  return t ? t(f.params, input) : f.message;
}

/** Common field messages. */
export const M = {
  required: { fr: 'Ce champ est obligatoire.', nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  codeFormat: { fr: 'Le code compte 1 à 32 lettres, chiffres, « - », « _ » ou « . ».', nl: "De code telt 1 tot 32 letters, cijfers, '-', '_' of '.'.", en: "The code has 1 to 32 letters, digits, '-', '_' or '.'." },
  codeTaken: (code: string): LocalizedText => ({ fr: `Le code « ${code} » est déjà utilisé.`, nl: `De code '${code}' is al in gebruik.`, en: `Code '${code}' is already used.` }),
  barcodeTaken: (code: string, by: string): LocalizedText => ({ fr: `Le code-barres ${code} appartient déjà à l’article ${by}.`, nl: `Streepjescode ${code} hoort al bij artikel ${by}.`, en: `Barcode ${code} already belongs to article ${by}.` }),
  barcodeTwice: (code: string): LocalizedText => ({ fr: `Le code-barres ${code} figure deux fois.`, nl: `Streepjescode ${code} staat er twee keer.`, en: `Barcode ${code} is listed twice.` }),
  vatCategory: (country: string): LocalizedText => ({ fr: `Catégorie de TVA inconnue pour ${country}.`, nl: `Onbekende btw-categorie voor ${country}.`, en: `Unknown VAT category for ${country}.` }),
  family: { fr: 'Famille introuvable.', nl: 'Familie niet gevonden.', en: 'Family not found.' },
  familyCycle: { fr: 'Une famille ne peut pas être rangée sous elle-même ni sous l’une de ses sous-familles.', nl: 'Een familie kan niet onder zichzelf of onder een van haar subfamilies staan.', en: 'A family cannot be placed under itself or one of its sub-families.' },
  email: { fr: 'Adresse e-mail invalide.', nl: 'Ongeldig e-mailadres.', en: 'Invalid e-mail address.' },
  price: { fr: 'Le prix est un montant positif (au plus 9 999 999,99 €).', nl: 'De prijs is een positief bedrag (hoogstens 9 999 999,99 €).', en: 'The price is a positive amount (at most 9,999,999.99 €).' },
  articleNotFound: (what: string | number): LocalizedText => ({ fr: `Article ${what} introuvable.`, nl: `Artikel ${what} niet gevonden.`, en: `Article ${what} not found.` }),
  barcodeNotFound: (code: string): LocalizedText => ({ fr: `Aucun article ne porte le code-barres ${code}.`, nl: `Geen artikel heeft streepjescode ${code}.`, en: `No article has barcode ${code}.` }),
  customerNotFound: (id: number): LocalizedText => ({ fr: `Client ${id} introuvable.`, nl: `Klant ${id} niet gevonden.`, en: `Customer ${id} not found.` }),
  supplierNotFound: (id: number): LocalizedText => ({ fr: `Fournisseur ${id} introuvable.`, nl: `Leverancier ${id} niet gevonden.`, en: `Supplier ${id} not found.` }),
  familyNotFound: (id: number): LocalizedText => ({ fr: `Famille ${id} introuvable.`, nl: `Familie ${id} niet gevonden.`, en: `Family ${id} not found.` }),
};
