import type { T3 } from '../messages.js';

/** Field names as the shop reads them in the reasons. */
const L = (field: string): T3 => FIELD_LABELS[field] ?? { fr: field, nl: field, en: field };

export const FIELD_LABELS: Record<string, T3> = {
  code: { fr: 'Code', nl: 'Code', en: 'Code' },
  barcode: { fr: 'Code-barres', nl: 'Streepjescode', en: 'Barcode' },
  name: { fr: 'Nom', nl: 'Naam', en: 'Name' },
  familyCode: { fr: 'Famille', nl: 'Familie', en: 'Family' },
  vatCategory: { fr: 'TVA', nl: 'Btw', en: 'VAT' },
  unit: { fr: 'Unité', nl: 'Eenheid', en: 'Unit' },
  purchasePrice: { fr: 'Prix d’achat', nl: 'Aankoopprijs', en: 'Purchase price' },
  retailPrice: { fr: 'Prix de vente', nl: 'Verkoopprijs', en: 'Retail price' },
  wholesalePrice: { fr: 'Prix de gros', nl: 'Groothandelsprijs', en: 'Wholesale price' },
  packBarcode: { fr: 'Code-barres du conditionnement', nl: 'Streepjescode van de verpakking', en: 'Pack barcode' },
  packQuantity: { fr: 'Quantité du conditionnement', nl: 'Hoeveelheid van de verpakking', en: 'Pack quantity' },
  content: { fr: 'Contenu', nl: 'Inhoud', en: 'Content' },
};

/** Why a row of a supplier's file is rejected, and the import's request errors. */
export const R = {
  required: (field: string): T3 => ({ fr: `${L(field).fr} : valeur manquante.`, nl: `${L(field).nl}: waarde ontbreekt.`, en: `${L(field).en}: value missing.` }),
  code: (v: string): T3 => ({ fr: `Code « ${v} » invalide : 1 à 32 lettres, chiffres, « - », « _ » ou « . ».`, nl: `Ongeldige code '${v}': 1 tot 32 letters, cijfers, '-', '_' of '.'.`, en: `Invalid code '${v}': 1 to 32 letters, digits, '-', '_' or '.'.` }),
  nameTooLong: { fr: 'Nom trop long (200 caractères au plus).', nl: 'Naam te lang (hoogstens 200 tekens).', en: 'Name too long (200 characters at most).' },
  amount: (field: string, v: string): T3 => ({ fr: `${L(field).fr} « ${v} » n’est pas un montant.`, nl: `${L(field).nl} '${v}' is geen bedrag.`, en: `${L(field).en} '${v}' is not an amount.` }),
  cents: (field: string, v: string): T3 => ({ fr: `${L(field).fr} « ${v} » a plus de 2 décimales.`, nl: `${L(field).nl} '${v}' heeft meer dan 2 decimalen.`, en: `${L(field).en} '${v}' has more than 2 decimals.` }),
  quantity: (v: string): T3 => ({ fr: `Quantité du conditionnement « ${v} » invalide : un nombre plus grand que zéro.`, nl: `Ongeldige verpakkingshoeveelheid '${v}': een getal groter dan nul.`, en: `Invalid pack quantity '${v}': a number above zero.` }),
  packIncomplete: { fr: 'Un conditionnement a un code-barres et une quantité.', nl: 'Een verpakking heeft een streepjescode en een hoeveelheid.', en: 'A pack has a barcode and a quantity.' },
  unit: (v: string): T3 => ({ fr: `Unité « ${v} » inconnue : pièce, kg ou litre.`, nl: `Onbekende eenheid '${v}': stuk, kg of liter.`, en: `Unknown unit '${v}': piece, kg or litre.` }),
  vat: (v: string, country: string): T3 => ({ fr: `TVA « ${v} » inconnue pour ${country}.`, nl: `Onbekende btw '${v}' voor ${country}.`, en: `Unknown VAT '${v}' for ${country}.` }),
  content: (v: string): T3 => ({ fr: `Contenu « ${v} » illisible (par exemple 33 cl, 1,5 l, 500 g).`, nl: `Inhoud '${v}' onleesbaar (bijvoorbeeld 33 cl, 1,5 l, 500 g).`, en: `Content '${v}' unreadable (e.g. 33 cl, 1.5 l, 500 g).` }),
  family: (v: string): T3 => ({ fr: `Famille « ${v} » inconnue.`, nl: `Onbekende familie '${v}'.`, en: `Unknown family '${v}'.` }),
  duplicate: (row: number): T3 => ({ fr: `Même article qu’à la ligne ${row}.`, nl: `Hetzelfde artikel als op regel ${row}.`, en: `Same article as on row ${row}.` }),
  barcodeTwice: (code: string, row: number): T3 => ({ fr: `Le code-barres ${code} figure déjà à la ligne ${row}.`, nl: `Streepjescode ${code} staat al op regel ${row}.`, en: `Barcode ${code} is already on row ${row}.` }),
  noCode: { fr: 'Ni code ni code-barres : impossible de reconnaître ou de créer l’article.', nl: 'Geen code of streepjescode: het artikel kan niet herkend of aangemaakt worden.', en: 'Neither code nor barcode: the article cannot be matched or created.' },
  columnUnknown: (field: string, column: string): T3 => ({ fr: `La colonne « ${column} » (${L(field).fr}) n’existe pas dans le fichier.`, nl: `Kolom '${column}' (${L(field).nl}) bestaat niet in het bestand.`, en: `Column '${column}' (${L(field).en}) is not in the file.` }),
  noMatchField: { fr: 'Associez au moins la colonne du code ou celle du code-barres.', nl: 'Koppel minstens de kolom van de code of die van de streepjescode.', en: 'Map at least the code or the barcode column.' },
  unreadable: (detail: string): T3 => ({ fr: `Fichier illisible : ${detail}`, nl: `Onleesbaar bestand: ${detail}`, en: `Unreadable file: ${detail}` }),
  empty: { fr: 'Le fichier est vide : il faut au moins une ligne d’en-têtes.', nl: 'Het bestand is leeg: er is minstens een kopregel nodig.', en: 'The file is empty: a header row is needed.' },
  codeBarcodeConflict: (code: string, codeName: string | null, barcode: string, other: string, otherName: string): T3 => ({
    fr: `Conflit : le code ${code} désigne ${codeName === null ? 'un nouvel article' : `l’article ${code} (${codeName})`}, mais le code-barres ${barcode} est celui de l’article ${other} (${otherName}). Rien n’est modifié.`,
    nl: `Conflict: code ${code} wijst ${codeName === null ? 'een nieuw artikel' : `artikel ${code} (${codeName})`} aan, maar streepjescode ${barcode} is die van artikel ${other} (${otherName}). Er wordt niets gewijzigd.`,
    en: `Conflict: code ${code} names ${codeName === null ? 'a new article' : `article ${code} (${codeName})`}, but barcode ${barcode} is article ${other}'s (${otherName}). Nothing is changed.`,
  }),
  fileTooLarge: (mb: number): T3 => ({ fr: `Fichier trop volumineux : au plus ${mb} Mo une fois décompressé.`, nl: `Bestand te groot: hoogstens ${mb} MB na uitpakken.`, en: `File too large: at most ${mb} MB once unpacked.` }),
  parseTimeout: (seconds: number): T3 => ({ fr: `La lecture du fichier a dépassé ${seconds} secondes : découpez-le en plusieurs fichiers.`, nl: `Het lezen van het bestand duurde langer dan ${seconds} seconden: splits het in meerdere bestanden.`, en: `Reading the file took more than ${seconds} seconds: split it into several files.` }),
  tooLarge: (max: number): T3 => ({ fr: `Au plus ${max} lignes par fichier.`, nl: `Hoogstens ${max} regels per bestand.`, en: `At most ${max} rows per file.` }),
  supplier: (code: string): T3 => ({ fr: `Fournisseur « ${code} » introuvable.`, nl: `Leverancier '${code}' niet gevonden.`, en: `Supplier '${code}' not found.` }),
  list: (code: string): T3 => ({ fr: `Liste de prix « ${code} » introuvable.`, nl: `Prijslijst '${code}' niet gevonden.`, en: `Price list '${code}' not found.` }),
};

