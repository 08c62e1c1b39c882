/** A sentence in each UI language. */
export type T3 = { fr: string; nl: string; en: string };
type P = Readonly<Record<string, string | number>>;
type Texts = Record<string, (p: P, input: string) => T3>;

const KIND: Record<string, string> = { ean13: 'EAN-13', ean8: 'EAN-8', upca: 'UPC-A', internal: 'code interne' };
const kind = (p: P) => KIND[String(p.kind)] ?? String(p.kind ?? '');

/** Why a scanned code is refused, for the cashier (the nomenclature's codes; the domain speaks English). */
const SCAN: Texts = {
  SCAN_NOT_DIGITS: (p) => (p.character === undefined
    ? { fr: 'Le code scanné est vide.', nl: 'De gescande code is leeg.', en: 'The scanned code is empty.' }
    : {
      fr: `${p.code} a la forme « ${p.rule} » mais contient « ${p.character} » en position ${p.position}, où un chiffre est attendu.`,
      nl: `${p.code} heeft de vorm '${p.rule}' maar bevat '${p.character}' op positie ${p.position}, waar een cijfer verwacht wordt.`,
      en: `${p.code} has the layout '${p.rule}' but holds '${p.character}' at position ${p.position} where a digit is expected.`,
    }),
  SCAN_BAD_CHECK_DIGIT: (p) => ({
    fr: `${p.code} (« ${p.rule} ») : le chiffre de contrôle devrait être ${p.expected}, pas ${p.actual}. Scannez à nouveau ou tapez le code.`,
    nl: `${p.code} ('${p.rule}'): het controlecijfer zou ${p.expected} moeten zijn, niet ${p.actual}. Scan opnieuw of typ de code.`,
    en: `${p.code} ('${p.rule}'): the check digit should be ${p.expected}, not ${p.actual}. Scan again or type the code.`,
  }),
  SCAN_BAD_PRICE_CHECK_DIGIT: (p) => ({
    fr: `${p.code} (« ${p.rule} ») : le chiffre de contrôle du prix devrait être ${p.expected}, pas ${p.actual} ; le prix imprimé est illisible.`,
    nl: `${p.code} ('${p.rule}'): het controlecijfer van de prijs zou ${p.expected} moeten zijn, niet ${p.actual}; de gedrukte prijs is onleesbaar.`,
    en: `${p.code} ('${p.rule}'): the price check digit should be ${p.expected}, not ${p.actual}; the printed price cannot be trusted.`,
  }),
  SCAN_BAD_LENGTH: (p) => ({
    fr: `${p.code} commence comme « ${p.rule} » mais compte ${p.length} chiffres au lieu de ${p.expectedLength}.`,
    nl: `${p.code} begint zoals '${p.rule}' maar telt ${p.length} cijfers in plaats van ${p.expectedLength}.`,
    en: `${p.code} starts like '${p.rule}' but has ${p.length} digits instead of ${p.expectedLength}.`,
  }),
  SCAN_ZERO_QUANTITY: (p) => ({
    fr: `${p.code} (« ${p.rule} ») indique 0 ${p.unit} : pesez à nouveau l’article et imprimez une nouvelle étiquette.`,
    nl: `${p.code} ('${p.rule}') vermeldt 0 ${p.unit}: weeg het artikel opnieuw en druk een nieuw etiket af.`,
    en: `${p.code} ('${p.rule}') shows 0 ${p.unit}: weigh the article again and print a new label.`,
  }),
  SCAN_ZERO_PRICE: (p) => ({
    fr: `${p.code} (« ${p.rule} ») indique un prix de 0,00 € : imprimez une nouvelle étiquette ou tapez le prix.`,
    nl: `${p.code} ('${p.rule}') vermeldt een prijs van 0,00 €: druk een nieuw etiket af of typ de prijs.`,
    en: `${p.code} ('${p.rule}') shows a price of €0.00: print a new label or type the price.`,
  }),
  SCAN_NO_RULE: (p) => ({ fr: `${p.code} ne suit aucune règle de la nomenclature.`, nl: `${p.code} volgt geen enkele regel van de nomenclatuur.`, en: `${p.code} matches no rule of the nomenclature.` }),
};

/** Why a nomenclature rule is refused (codes of the domain's `validateRule`). */
const RULE: Texts = {
  RULE_NAME_EMPTY: () => ({ fr: 'Une règle a besoin d’un nom.', nl: 'Een regel heeft een naam nodig.', en: 'A rule needs a name.' }),
  RULE_UNKNOWN_TYPE: (p) => ({ fr: `Type de règle inconnu : ${p.value}.`, nl: `Onbekend regeltype: ${p.value}.`, en: `Unknown rule type: ${p.value}.` }),
  RULE_UNKNOWN_ENCODING: (p) => ({ fr: `Encodage inconnu : ${p.value}.`, nl: `Onbekende codering: ${p.value}.`, en: `Unknown encoding: ${p.value}.` }),
  RULE_UNKNOWN_DISCOUNT_UNIT: (p) => ({ fr: `Unité de remise inconnue : ${p.value}.`, nl: `Onbekende kortingseenheid: ${p.value}.`, en: `Unknown discount unit: ${p.value}.` }),
  RULE_BAD_CHARACTER: (p) => ({
    fr: `Caractère « ${p.character} » interdit en position ${p.position} : chiffres et lettres A W V P Q D N C K seulement.`,
    nl: `Teken '${p.character}' niet toegelaten op positie ${p.position}: enkel cijfers en de letters A W V P Q D N C K.`,
    en: `Character '${p.character}' not allowed at position ${p.position}: digits and the letters A W V P Q D N C K only.`,
  }),
  RULE_BAD_LENGTH: (p) => (p.expectedLength !== undefined
    ? { fr: `Un modèle ${String(p.encoding).toUpperCase()} compte ${p.expectedLength} caractères, pas ${p.length}.`, nl: `Een ${String(p.encoding).toUpperCase()}-patroon telt ${p.expectedLength} tekens, niet ${p.length}.`, en: `An ${String(p.encoding).toUpperCase()} pattern has ${p.expectedLength} characters, not ${p.length}.` }
    : { fr: `Le modèle compte 2 à ${p.maxLength} caractères (ici ${p.length}).`, nl: `Het patroon telt 2 tot ${p.maxLength} tekens (hier ${p.length}).`, en: `The pattern has 2 to ${p.maxLength} characters (here ${p.length}).` }),
  RULE_NO_PREFIX: () => ({
    fr: 'Le modèle commence par au moins un chiffre fixe (par exemple 21), sinon il capterait les codes-barres ordinaires.',
    nl: 'Het patroon begint met minstens één vast cijfer (bijvoorbeeld 21), anders vangt het gewone streepjescodes op.',
    en: 'The pattern starts with at least one fixed digit (e.g. 21), otherwise it would capture ordinary barcodes.',
  }),
  RULE_CHECK_DIGIT_MISSING: () => ({ fr: 'Un modèle EAN se termine par son chiffre de contrôle C.', nl: 'Een EAN-patroon eindigt op zijn controlecijfer C.', en: 'An EAN pattern ends with its check digit C.' }),
  RULE_CHECK_DIGIT_MISPLACED: (p) => ({ fr: `Le chiffre de contrôle C figure une seule fois, en dernière position (trouvé en position ${p.position}).`, nl: `Het controlecijfer C staat één keer, op de laatste positie (gevonden op positie ${p.position}).`, en: `The check digit C appears once, in last position (found at position ${p.position}).` }),
  RULE_FIELD_SPLIT: (p) => ({ fr: `Les lettres ${p.letter} doivent se suivre.`, nl: `De letters ${p.letter} moeten op elkaar volgen.`, en: `The ${p.letter} letters must be contiguous.` }),
  RULE_FIELD_MISSING: (p) => ({ fr: `Ce type de règle doit porter des chiffres ${p.expected}.`, nl: `Dit regeltype moet ${p.expected}-cijfers bevatten.`, en: `This type of rule must carry ${p.expected} digits.` }),
  RULE_FIELD_NOT_ALLOWED: (p) => ({ fr: `Ce type de règle ne peut pas porter de chiffres ${p.letter}.`, nl: `Dit regeltype kan geen ${p.letter}-cijfers bevatten.`, en: `This type of rule cannot carry ${p.letter} digits.` }),
  RULE_FIELD_TOO_LONG: (p) => ({ fr: `Le champ ${p.letter} compte au plus ${p.maxLength} chiffres.`, nl: `Het veld ${p.letter} telt hoogstens ${p.maxLength} cijfers.`, en: `The ${p.letter} field has at most ${p.maxLength} digits.` }),
  RULE_PRICE_CHECK_WITHOUT_PRICE: () => ({ fr: 'K est le contrôle d’un prix PPPP : le modèle n’a pas de P.', nl: 'K is de controle van een prijs PPPP: het patroon heeft geen P.', en: 'K checks a price PPPP: the pattern has no P.' }),
  RULE_PRICE_CHECK_BAD_LENGTH: () => ({ fr: 'K contrôle un prix de 4 chiffres exactement (KPPPP).', nl: 'K controleert een prijs van precies 4 cijfers (KPPPP).', en: 'K checks a price of exactly 4 digits (KPPPP).' }),
};

/** Why a barcode is refused (codes of the catalogue's `validateBarcode`). */
const BARCODE: Texts = {
  BARCODE_EMPTY: () => ({ fr: 'Le code-barres est vide.', nl: 'De streepjescode is leeg.', en: 'The barcode is empty.' }),
  BARCODE_NOT_DIGITS: (p, i) => ({ fr: `${i} : un code ${kind(p)} ne contient que des chiffres.`, nl: `${i}: een ${kind(p)}-code bevat enkel cijfers.`, en: `${i}: a ${kind(p)} code has digits only.` }),
  BARCODE_BAD_LENGTH: (p, i) => ({ fr: `${i} : un code ${kind(p)} compte ${p.expectedLength} chiffres, pas ${p.length}.`, nl: `${i}: een ${kind(p)}-code telt ${p.expectedLength} cijfers, niet ${p.length}.`, en: `${i}: a ${kind(p)} code has ${p.expectedLength} digits, not ${p.length}.` }),
  BARCODE_BAD_CHECK_DIGIT: (p, i) => ({ fr: `${kind(p)} ${i} : le chiffre de contrôle devrait être ${p.expected}, pas ${p.actual}.`, nl: `${kind(p)} ${i}: het controlecijfer zou ${p.expected} moeten zijn, niet ${p.actual}.`, en: `${kind(p)} ${i}: check digit should be ${p.expected}, not ${p.actual}.` }),
  BARCODE_INTERNAL_TOO_LONG: (p) => ({ fr: `Un code interne compte au plus ${p.maxLength} caractères.`, nl: `Een interne code telt hoogstens ${p.maxLength} tekens.`, en: `An internal code has at most ${p.maxLength} characters.` }),
  BARCODE_INTERNAL_BAD_CHARACTER: (p) => ({ fr: `Caractère « ${p.character} » interdit dans un code interne.`, nl: `Teken '${p.character}' niet toegelaten in een interne code.`, en: `Character '${p.character}' not allowed in an internal code.` }),
  BARCODE_INTERNAL_LOOKS_LIKE_GTIN: (p, i) => ({ fr: `${i} ressemble à un code ${p.gtinKind} dont le chiffre de contrôle est faux (attendu ${p.expected}).`, nl: `${i} lijkt op een ${p.gtinKind}-code met een fout controlecijfer (verwacht ${p.expected}).`, en: `${i} looks like a ${p.gtinKind} code with a wrong check digit (expected ${p.expected}).` }),
};

interface Failure { code: string; message: string; params: P }

function translate(table: Texts, f: Failure, input = ''): T3 {
  const t = table[f.code];
  return t ? t(f.params, input) : { fr: f.message, nl: f.message, en: f.message };
}

/** The cashier's sentence for a refused scan. */
export const scanFailureText = (f: Failure): T3 => translate(SCAN, f);
/** The manager's sentence for a refused nomenclature rule. */
export const ruleFailureText = (f: Failure): T3 => translate(RULE, f);
/** The sentence for a refused barcode. */
export const barcodeFailureText = (f: Failure, input: string): T3 => translate(BARCODE, f, input);

const money = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;

/** Field and error messages of the pricing plugin. */
export const M = {
  required: { fr: 'Ce champ est obligatoire.', nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  codeFormat: { fr: 'Le code compte 1 à 32 lettres, chiffres, « - », « _ » ou « . ».', nl: "De code telt 1 tot 32 letters, cijfers, '-', '_' of '.'.", en: "The code has 1 to 32 letters, digits, '-', '_' or '.'." },
  codeTaken: (code: string): T3 => ({ fr: `Le code « ${code} » est déjà utilisé.`, nl: `De code '${code}' is al in gebruik.`, en: `Code '${code}' is already used.` }),
  price: { fr: 'Le prix est un nombre entier de centimes, positif ou nul (au plus 9 999 999,99 €).', nl: 'De prijs is een geheel aantal cent, positief of nul (hoogstens 9 999 999,99 €).', en: 'The price is a whole number of cents, zero or more (at most 9,999,999.99 €).' },
  minQuantity: { fr: 'La quantité minimale est un nombre entier de millièmes, positif ou nul (24 = 24000).', nl: 'De minimumhoeveelheid is een geheel aantal duizendsten, positief of nul (24 = 24000).', en: 'The minimum quantity is a whole number of thousandths, zero or more (24 = 24000).' },
  quantity: { fr: 'La quantité est un nombre entier de millièmes, plus grand que zéro (24 = 24000).', nl: 'De hoeveelheid is een geheel aantal duizendsten, groter dan nul (24 = 24000).', en: 'The quantity is a whole number of thousandths, above zero (24 = 24000).' },
  day: { fr: 'Date invalide : écrivez AAAA-MM-JJ.', nl: 'Ongeldige datum: schrijf JJJJ-MM-DD.', en: 'Invalid date: write YYYY-MM-DD.' },
  period: { fr: 'La date de fin précède la date de début.', nl: 'De einddatum ligt vóór de begindatum.', en: 'The end date is before the start date.' },
  rowTaken: { fr: 'Ce prix existe déjà pour cette liste, cet article, cette quantité et cette date de début.', nl: 'Deze prijs bestaat al voor deze lijst, dit artikel, deze hoeveelheid en deze begindatum.', en: 'This price already exists for this list, article, quantity and start date.' },
  rowRepeated: { fr: 'Cette ligne de prix est envoyée deux fois.', nl: 'Deze prijsregel wordt twee keer verstuurd.', en: 'This price row is sent twice.' },
  articleListPrices: (article: string, list: T3): T3 => ({
    fr: `les prix de « ${article} » dans la liste ${list.fr}`, nl: `de prijzen van '${article}' in de lijst ${list.nl}`, en: `the prices of '${article}' in the list ${list.en}`,
  }),
  customerRowTaken: { fr: 'Ce prix client existe déjà pour cet article, cette quantité et cette date de début.', nl: 'Deze klantprijs bestaat al voor dit artikel, deze hoeveelheid en deze begindatum.', en: 'This customer price already exists for this article, quantity and start date.' },
  listNotFound: (what: string | number): T3 => ({ fr: `La liste de prix « ${what} » n’existe pas.`, nl: `Prijslijst '${what}' bestaat niet.`, en: `Price list '${what}' does not exist.` }),
  listInactive: (code: string): T3 => ({ fr: `La liste de prix « ${code} » est désactivée.`, nl: `Prijslijst '${code}' is uitgeschakeld.`, en: `Price list '${code}' is disabled.` }),
  listDefaultInactive: { fr: 'La liste par défaut reste active.', nl: 'De standaardlijst blijft actief.', en: 'The default list stays active.' },
  listDefaultTaken: { fr: 'Une autre liste vient d’être choisie comme liste par défaut : rechargez puis recommencez.', nl: 'Een andere lijst werd net als standaardlijst gekozen: herlaad en probeer opnieuw.', en: 'Another list was just made the default: reload and try again.' },
  listDefaultDelete: { fr: 'La liste par défaut ne peut pas être supprimée : choisissez d’abord une autre liste par défaut.', nl: 'De standaardlijst kan niet verwijderd worden: kies eerst een andere standaardlijst.', en: 'The default list cannot be deleted: choose another default list first.' },
  listInUse: (n: number): T3 => n === 1
    ? { fr: '1 client achète à cette liste : attribuez-lui une autre liste d’abord.', nl: '1 klant koopt aan deze lijst: geef hem eerst een andere lijst.', en: '1 customer buys at this list: give them another list first.' }
    : { fr: `${n} clients achètent à cette liste : attribuez-leur une autre liste d’abord.`, nl: `${n} klanten kopen aan deze lijst: geef hen eerst een andere lijst.`, en: `${n} customers buy at this list: give them another list first.` },
  listHasPrices: { fr: 'Une liste qui contient des prix ne change pas de base (TVA comprise ou non) : ses prix changeraient de sens.', nl: 'Een lijst met prijzen verandert niet van basis (incl. of excl. btw): haar prijzen zouden van betekenis veranderen.', en: 'A list holding prices cannot switch between prices with and without VAT: its prices would change meaning.' },
  articleNotFound: (id: number | string): T3 => ({ fr: `Article ${id} introuvable.`, nl: `Artikel ${id} niet gevonden.`, en: `Article ${id} not found.` }),
  customerNotFound: (id: number): T3 => ({ fr: `Client ${id} introuvable.`, nl: `Klant ${id} niet gevonden.`, en: `Customer ${id} not found.` }),
  priceNotFound: (id: number): T3 => ({ fr: `Prix ${id} introuvable.`, nl: `Prijs ${id} niet gevonden.`, en: `Price ${id} not found.` }),
  packNotFound: (id: number): T3 => ({ fr: `Conditionnement ${id} introuvable.`, nl: `Verpakking ${id} niet gevonden.`, en: `Pack ${id} not found.` }),
  associationNotFound: (id: number): T3 => ({ fr: `Article lié ${id} introuvable.`, nl: `Gekoppeld artikel ${id} niet gevonden.`, en: `Associated article ${id} not found.` }),
  ruleNotFound: (id: number): T3 => ({ fr: `Règle ${id} introuvable.`, nl: `Regel ${id} niet gevonden.`, en: `Rule ${id} not found.` }),
  profileNotFound: (id: number): T3 => ({ fr: `Profil d’import ${id} introuvable.`, nl: `Importprofiel ${id} niet gevonden.`, en: `Import profile ${id} not found.` }),
  barcodeOfArticle: (code: string, article: string): T3 => ({ fr: `Le code-barres ${code} appartient déjà à l’article ${article}.`, nl: `Streepjescode ${code} hoort al bij artikel ${article}.`, en: `Barcode ${code} already belongs to article ${article}.` }),
  barcodeOfPack: (code: string, article: string): T3 => ({ fr: `Le code-barres ${code} est déjà celui d’un conditionnement de l’article ${article}.`, nl: `Streepjescode ${code} is al die van een verpakking van artikel ${article}.`, en: `Barcode ${code} is already a pack barcode of article ${article}.` }),
  selfAssociation: { fr: 'Un article ne peut pas être lié à lui-même.', nl: 'Een artikel kan niet aan zichzelf gekoppeld worden.', en: 'An article cannot be associated with itself.' },
  associationCycle: (code: string): T3 => ({ fr: `L’article ${code} est déjà lié à celui-ci : les deux s’ajouteraient l’un l’autre sans fin.`, nl: `Artikel ${code} is al aan dit artikel gekoppeld: ze zouden elkaar eindeloos toevoegen.`, en: `Article ${code} is already associated with this one: each would add the other endlessly.` }),
  associationTaken: { fr: 'Cet article est déjà lié.', nl: 'Dit artikel is al gekoppeld.', en: 'This article is already associated.' },
  ratio: { fr: 'Le rapport est un nombre entier de millièmes plus grand que zéro (1 par unité = 1000).', nl: 'De verhouding is een geheel aantal duizendsten groter dan nul (1 per stuk = 1000).', en: 'The ratio is a whole number of thousandths above zero (one each = 1000).' },
  packOfOtherArticle: { fr: 'Ce conditionnement appartient à un autre article.', nl: 'Deze verpakking hoort bij een ander artikel.', en: 'This pack belongs to another article.' },
  content: { fr: 'Le contenu est un nombre entier de millièmes de kg ou de litre, plus grand que zéro (33 cl = 330).', nl: 'De inhoud is een geheel aantal duizendsten kg of liter, groter dan nul (33 cl = 330).', en: 'The content is a whole number of thousandths of a kg or litre, above zero (33 cl = 330).' },
  orderMismatch: { fr: 'Donnez toutes les règles, chacune une fois.', nl: 'Geef alle regels, elk één keer.', en: 'Give every rule, each once.' },
  scanUnknown: (code: string): T3 => ({ fr: `Aucun article, conditionnement ni règle ne correspond au code ${code}.`, nl: `Geen artikel, verpakking of regel past bij code ${code}.`, en: `No article, pack or rule matches code ${code}.` }),
  pluUnknown: (code: string, ref: string, rule: string): T3 => ({ fr: `${code} (« ${rule} ») : aucun article ne porte la référence ${ref}.`, nl: `${code} ('${rule}'): geen artikel heeft referentie ${ref}.`, en: `${code} ('${rule}'): no article has reference ${ref}.` }),
  weightOnPiece: (code: string, article: string): T3 => ({ fr: `${code} porte un poids, mais ${article} se vend à la pièce.`, nl: `${code} draagt een gewicht, maar ${article} wordt per stuk verkocht.`, en: `${code} carries a weight, but ${article} is sold by the piece.` }),
  scanNoPrice: (article: string): T3 => ({ fr: `${article} n’a pas de prix.`, nl: `${article} heeft geen prijs.`, en: `${article} has no price.` }),
  labelPrice: (cents: number): T3 => ({ fr: `prix de l’étiquette (${money(cents)})`, nl: `prijs op het etiket (${money(cents)})`, en: `price on the label (${money(cents)})` }),
  cardUnknown: (code: string): T3 => ({ fr: `La carte ${code} n’appartient à aucun client.`, nl: `De kaart ${code} hoort bij geen enkele klant.`, en: `Card ${code} belongs to no customer.` }),
  packPriceCheaper: (name: string): T3 => ({ fr: `prix du conditionnement « ${name} », moins cher que le prix client`, nl: `prijs van de verpakking '${name}', goedkoper dan de klantprijs`, en: `price of the pack '${name}', cheaper than the customer price` }),
  packPrice: (name: string): T3 => ({ fr: `prix du conditionnement « ${name} »`, nl: `prijs van de verpakking '${name}'`, en: `price of the pack '${name}'` }),
};
