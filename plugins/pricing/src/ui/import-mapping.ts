/** The fields of a supplier's file the import reads, and a first guess of which column holds each. */

export const IMPORT_FIELDS = [
  'code', 'barcode', 'name', 'familyCode', 'vatCategory', 'unit', 'purchasePrice', 'retailPrice', 'wholesalePrice', 'packBarcode', 'packQuantity', 'content',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → the header of its column. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/** Headers suppliers use for each field (lower case, without accents), best first. */
const GUESSES: Record<ImportField, string[]> = {
  code: ['code', 'code article', 'reference', 'ref', 'ref article', 'sku', 'artikelcode', 'article code'],
  barcode: ['ean', 'ean13', 'ean 13', 'ean-13', 'code ean', 'gencod', 'gencode', 'gtin', 'code-barres', 'code barres', 'code barre', 'codebarre', 'barcode', 'streepjescode'],
  name: ['designation', 'libelle', 'nom', 'name', 'naam', 'omschrijving', 'description', 'article'],
  familyCode: ['famille', 'code famille', 'family', 'familie', 'rayon', 'categorie'],
  vatCategory: ['tva', 'taux tva', 'vat', 'btw'],
  unit: ['unite', 'unite de vente', 'unit', 'eenheid'],
  purchasePrice: ['prix achat', 'prix d\'achat', 'prix net', 'pa', 'purchase price', 'cost', 'aankoopprijs', 'inkoopprijs'],
  retailPrice: ['prix vente', 'prix de vente', 'pvc', 'pv', 'prix public', 'prix tvac', 'prix ttc', 'retail price', 'verkoopprijs'],
  wholesalePrice: ['prix gros', 'prix de gros', 'prix revendeur', 'wholesale price', 'groothandelsprijs'],
  packBarcode: ['ean colis', 'ean carton', 'ean pack', 'dun14', 'itf14', 'pack barcode'],
  packQuantity: ['colisage', 'pcb', 'quantite colis', 'qte colis', 'pack quantity', 'verpakking'],
  content: ['contenu', 'contenance', 'content', 'inhoud', 'volume', 'poids net'],
};

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’]/g, "'").toLowerCase().trim();

/** Field → header, guessed from the header names (each header used once; exact names before partial ones). */
export function guessMapping(headers: string[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  const used = new Set<string>();
  for (const exact of [true, false]) {
    for (const field of IMPORT_FIELDS) {
      if (out[field]) continue;
      const hit = headers.find((h) => h && !used.has(h) && GUESSES[field].some((g) => (exact ? fold(h) === g : g.length > 3 && fold(h).includes(g))));
      if (hit) {
        out[field] = hit;
        used.add(hit);
      }
    }
  }
  return out;
}

