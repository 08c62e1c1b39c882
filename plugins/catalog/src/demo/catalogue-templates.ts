/**
 * Data the demo catalogue is built from: the family tree and, per family, "lines" of
 * products (types × variants × brands × sizes). Prices are in euro cents including VAT.
 * Brands and producers are invented; appellations, beer styles and Belgian specialities are real.
 */
import type { VatCategoryCode } from '../domain/vat.js';

export type ArticleUnit = 'piece' | 'kg' | 'litre';

export interface FamilyTemplate {
  readonly code: string;
  readonly parentCode: string | null;
  readonly fr: string;
  readonly nl: string;
  readonly en: string;
  /** VAT category of most of the family's articles (leaf families only). */
  readonly vat: VatCategoryCode | null;
  /** Relative share of the catalogue (leaf families only). */
  readonly weight: number;
}

export const FAMILY_TEMPLATES: readonly FamilyTemplate[] = [
  { code: 'BOI', parentCode: null, fr: 'Boissons', nl: 'Dranken', en: 'Drinks', vat: null, weight: 0 },
  { code: 'BIE', parentCode: 'BOI', fr: 'Bières belges', nl: 'Belgische bieren', en: 'Belgian beers', vat: 'BE-21', weight: 300 },
  { code: 'VIN', parentCode: 'BOI', fr: 'Vins', nl: 'Wijnen', en: 'Wines', vat: 'BE-21', weight: 150 },
  { code: 'SPI', parentCode: 'BOI', fr: 'Spiritueux et apéritifs', nl: 'Sterke dranken en aperitieven', en: 'Spirits and aperitifs', vat: 'BE-21', weight: 70 },
  { code: 'SOF', parentCode: 'BOI', fr: 'Softs et jus', nl: 'Frisdranken en sappen', en: 'Soft drinks and juices', vat: 'BE-6', weight: 130 },
  { code: 'EAU', parentCode: 'BOI', fr: 'Eaux', nl: 'Water', en: 'Water', vat: 'BE-6', weight: 50 },
  { code: 'EPI', parentCode: null, fr: 'Épicerie', nl: 'Kruidenierswaren', en: 'Groceries', vat: null, weight: 0 },
  { code: 'PAT', parentCode: 'EPI', fr: 'Pâtes, riz et farines', nl: 'Pasta, rijst en bloem', en: 'Pasta, rice and flour', vat: 'BE-6', weight: 100 },
  { code: 'CNS', parentCode: 'EPI', fr: 'Conserves', nl: 'Conserven', en: 'Tinned food', vat: 'BE-6', weight: 130 },
  { code: 'PDJ', parentCode: 'EPI', fr: 'Petit-déjeuner', nl: 'Ontbijt', en: 'Breakfast', vat: 'BE-6', weight: 150 },
  { code: 'BIS', parentCode: 'EPI', fr: 'Biscuits et chocolat', nl: 'Koekjes en chocolade', en: 'Biscuits and chocolate', vat: 'BE-6', weight: 150 },
  { code: 'SAU', parentCode: 'EPI', fr: 'Sauces et condiments', nl: 'Sauzen en kruiden', en: 'Sauces and condiments', vat: 'BE-6', weight: 120 },
  { code: 'APE', parentCode: 'EPI', fr: 'Chips et apéritif', nl: 'Chips en aperitief', en: 'Crisps and nibbles', vat: 'BE-6', weight: 90 },
  { code: 'VRA', parentCode: 'EPI', fr: 'Vrac', nl: 'Bulk', en: 'Bulk foods', vat: 'BE-6', weight: 35 },
  { code: 'FEL', parentCode: null, fr: 'Fruits et légumes', nl: 'Groenten en fruit', en: 'Fruit and vegetables', vat: 'BE-6', weight: 110 },
  { code: 'FRA', parentCode: null, fr: 'Produits frais', nl: 'Verse producten', en: 'Fresh food', vat: null, weight: 0 },
  { code: 'LAI', parentCode: 'FRA', fr: 'Produits laitiers et œufs', nl: 'Zuivel en eieren', en: 'Dairy and eggs', vat: 'BE-6', weight: 120 },
  { code: 'FRO', parentCode: 'FRA', fr: 'Fromagerie', nl: 'Kaas', en: 'Cheese counter', vat: 'BE-6', weight: 60 },
  { code: 'BOU', parentCode: 'FRA', fr: 'Boucherie', nl: 'Slagerij', en: 'Butcher', vat: 'BE-6', weight: 60 },
  { code: 'CHA', parentCode: 'FRA', fr: 'Charcuterie', nl: 'Vleeswaren', en: 'Cold meats', vat: 'BE-6', weight: 80 },
  { code: 'TRA', parentCode: 'FRA', fr: 'Traiteur', nl: 'Traiteur', en: 'Deli', vat: 'BE-6', weight: 50 },
  { code: 'BOL', parentCode: null, fr: 'Boulangerie', nl: 'Bakkerij', en: 'Bakery', vat: null, weight: 0 },
  { code: 'PAI', parentCode: 'BOL', fr: 'Pains', nl: 'Brood', en: 'Bread', vat: 'BE-6', weight: 50 },
  { code: 'VIE', parentCode: 'BOL', fr: 'Viennoiseries et pâtisseries', nl: 'Koffiekoeken en gebak', en: 'Pastries and cakes', vat: 'BE-6', weight: 40 },
  { code: 'SUR', parentCode: null, fr: 'Surgelés', nl: 'Diepvries', en: 'Frozen food', vat: 'BE-6', weight: 120 },
  { code: 'HYG', parentCode: null, fr: 'Hygiène', nl: 'Hygiëne', en: 'Personal care', vat: 'BE-21', weight: 140 },
  { code: 'ENT', parentCode: null, fr: 'Entretien', nl: 'Onderhoud', en: 'Household cleaning', vat: 'BE-21', weight: 120 },
  // Food served to be eaten in the shop is a restaurant service: 12 % for food, 21 % for drinks.
  { code: 'SNK', parentCode: null, fr: 'Coin snack (sur place)', nl: 'Snackhoek (ter plaatse)', en: 'Snack corner (eat in)', vat: 'BE-12', weight: 20 },
  // Deposits on returnable packaging are left out of the VAT base in Belgium (VAT Code art. 28, 6°).
  { code: 'VID', parentCode: null, fr: 'Vidanges', nl: 'Leeggoed', en: 'Bottle deposits', vat: 'BE-0', weight: 10 },
];

/** [min, max] price in cents, VAT included. */
export type PriceRange = readonly [number, number];

export interface SizeSpec {
  readonly label: string;
  readonly price: PriceRange;
  /** Packaging in words, for descriptions ("bouteille de 33 cl"); the label when absent. */
  readonly desc?: string;
}

export interface TypeSpec {
  readonly name: string;
  /** Price per unit (piece, kg or litre) when the type has no sizes. */
  readonly price?: PriceRange;
  readonly sizes?: readonly SizeSpec[];
  readonly variants?: readonly string[];
  readonly brands?: readonly string[];
  readonly unit?: ArticleUnit;
  readonly vat?: VatCategoryCode;
  /** Free text for descriptions (style, appellation…). */
  readonly info?: string;
  /** Position in the price range, 0 (cheap) to 1 (dear); derived from the name when absent. */
  readonly tier?: number;
}

export interface NameParts {
  readonly type: string;
  readonly variant: string;
  readonly brand: string;
  readonly size: string;
  readonly sizeDesc: string;
  readonly info: string;
  readonly unit: ArticleUnit;
}

export interface LineSpec {
  readonly family: string;
  readonly unit: ArticleUnit;
  readonly types: readonly (string | TypeSpec)[];
  readonly brands?: readonly string[];
  readonly variants?: readonly string[];
  readonly sizes?: readonly SizeSpec[];
  readonly vat?: VatCategoryCode;
  readonly name?: (p: NameParts) => string;
  readonly description: (p: NameParts) => string;
}

const size = (label: string, min: number, max: number, desc?: string): SizeSpec => ({ label, price: [min, max], desc });

/** Words joined with single spaces, empty parts left out. */
export const join = (...parts: string[]): string => parts.filter((p) => p !== '').join(' ');

/** The same brands for each of these types. */
const withBrands = (brands: readonly string[], types: readonly TypeSpec[]): TypeSpec[] => types.map((t) => ({ ...t, brands }));

const withVariant = (p: NameParts) => (p.variant ? `${p.type} ${p.variant}` : p.type);
const paren = (text: string) => (text ? ` (${text})` : '');
const byWeight = (p: NameParts) => (p.unit === 'kg' ? 'Vendu au kilo.' : p.unit === 'litre' ? 'Vendu au litre.' : '');
const by = (brand: string) => (brand ? ` Marque : ${brand}.` : '');

// ——— Beers ———

const BEER_STYLES: Readonly<Record<string, { abv: string; text: string; tier: number }>> = {
  Pils: { abv: '5', text: 'pils blonde, légère et désaltérante', tier: 0.2 },
  Blonde: { abv: '6,5', text: 'blonde de caractère, légèrement fruitée', tier: 0.4 },
  Brune: { abv: '7', text: 'brune aux notes de caramel et de fruits secs', tier: 0.45 },
  Ambrée: { abv: '6', text: 'ambrée aux arômes de malt grillé', tier: 0.4 },
  Triple: { abv: '8,5', text: 'triple dorée, refermentée en bouteille', tier: 0.65 },
  Double: { abv: '7', text: 'double brune, ronde et maltée', tier: 0.55 },
  Quadruple: { abv: '10', text: 'quadruple puissante aux notes de fruits confits', tier: 0.9 },
  Blanche: { abv: '4,9', text: "blanche au froment, parfumée à la coriandre et aux écorces d'orange", tier: 0.25 },
  Saison: { abv: '6', text: 'saison sèche et houblonnée, de tradition wallonne', tier: 0.5 },
  IPA: { abv: '6,5', text: 'IPA belge, amère et aromatique', tier: 0.6 },
  Stout: { abv: '7,5', text: 'stout noire aux arômes de café torréfié et de chocolat', tier: 0.6 },
  Gueuze: { abv: '5,5', text: 'gueuze, assemblage de lambics jeunes et vieux, à fermentation spontanée', tier: 0.7 },
  Kriek: { abv: '4,5', text: 'kriek, lambic macéré avec des cerises griottes', tier: 0.6 },
  Framboise: { abv: '4', text: 'lambic macéré avec des framboises', tier: 0.55 },
  Faro: { abv: '4,5', text: 'faro, lambic adouci au sucre candi', tier: 0.45 },
};

const beerTypes = (styles: readonly string[]): TypeSpec[] =>
  styles.map((name) => ({ name, info: BEER_STYLES[name].text, tier: BEER_STYLES[name].tier }));

const beerName = (p: NameParts) => join(p.brand, p.type, p.size);
const beerDescription = (p: NameParts) => {
  const style = BEER_STYLES[p.type];
  return `Bière belge ${style.text}, ${style.abv} % vol. Brasserie : ${p.brand}. Conditionnement : ${p.sizeDesc}.`;
};

const BEER_LINES: LineSpec[] = [
  {
    family: 'BIE',
    unit: 'piece',
    types: beerTypes(['Pils']),
    brands: ['Kempenland', 'Den Ouden Toren', 'Brasserie du Pays Noir', 'Sint-Ambrosius'],
    sizes: [
      size('25 cl', 79, 119, 'bouteille consignée de 25 cl'),
      size('50 cl', 119, 179, 'canette de 50 cl'),
      size('6 × 25 cl', 449, 649, 'pack de 6 bouteilles de 25 cl (vidanges non comprises)'),
      size('24 × 25 cl', 1599, 2199, 'casier de 24 bouteilles de 25 cl (casier et vidanges non compris)'),
    ],
    name: beerName,
    description: beerDescription,
  },
  {
    family: 'BIE',
    unit: 'piece',
    types: beerTypes(['Blonde', 'Brune', 'Ambrée', 'Triple', 'Double', 'Quadruple', 'Blanche', 'Saison', 'IPA', 'Stout']),
    brands: [
      'Abbaye de Maredval', 'Brasserie du Vieux Moulin', 'Sint-Ambrosius', 'De Gouden Ezel', 'La Chouette Rousse',
      'Brasserie des Fagnards', 'Het Zwarte Schaap', 'De Dolle Molen', 'Saint-Landelin', 'Brasserie de la Lesse',
      'Abbaye de Clairval', "Brasserie de l'Ourthe",
    ],
    sizes: [
      size('33 cl', 129, 249, 'bouteille de 33 cl'),
      size('75 cl', 399, 799, 'bouteille de 75 cl bouchée'),
      size('4 × 33 cl', 549, 899, 'pack de 4 bouteilles de 33 cl'),
      size('6 × 33 cl', 799, 1299, 'pack de 6 bouteilles de 33 cl'),
    ],
    name: beerName,
    description: beerDescription,
  },
  {
    family: 'BIE',
    unit: 'piece',
    types: beerTypes(['Gueuze', 'Kriek', 'Framboise', 'Faro']),
    brands: ['Zennebrouwerij', 'Lambiek Pajottenland'],
    sizes: [
      size('25 cl', 129, 229, 'bouteille de 25 cl'),
      size('37,5 cl', 249, 449, 'bouteille de 37,5 cl bouchée'),
      size('75 cl', 499, 1199, 'bouteille de 75 cl bouchée'),
    ],
    name: beerName,
    description: beerDescription,
  },
];

// ——— Wines ———

const bottle = [size('75 cl', 699, 2499, 'bouteille de 75 cl'), size('37,5 cl', 449, 1299, 'demi-bouteille de 37,5 cl')];
const wine = (name: string, info: string, brands: readonly string[], tier?: number, sizes = bottle): TypeSpec => ({
  name,
  info,
  brands,
  tier,
  sizes,
});
const BORDEAUX = ['Château des Ormes', 'Château Belle-Rive', 'Château Lafon-Marceau', 'Château Haut-Brandey'];
const SOUTH = ['Domaine Saint-Vincent', 'Domaine du Vieux Chêne', 'Mas des Garrigues'];
const NORTH = ['Domaine de la Croix Blanche', 'Maison Berthier & Fils', 'Clos des Tuiliers'];
const BELGIAN_WINE = ['Domaine des Coteaux de Meuse', 'Vignoble du Bois-Marie', 'Wijndomein Zonnehelling'];
const southSizes = [size('75 cl', 549, 1499, 'bouteille de 75 cl'), size('BIB 3 l', 1699, 2799, 'bag-in-box de 3 litres')];

const WINE_LINES: LineSpec[] = [
  {
    family: 'VIN',
    unit: 'piece',
    variants: ['2019', '2020', '2021', '2022'],
    types: [
      wine('Bordeaux rouge', 'vin rouge de Bordeaux, merlot et cabernet', BORDEAUX, 0.3),
      wine('Bordeaux Supérieur rouge', 'vin rouge de Bordeaux Supérieur', BORDEAUX, 0.45),
      wine('Médoc rouge', 'vin rouge du Médoc, charpenté', BORDEAUX, 0.65),
      wine('Saint-Émilion rouge', 'vin rouge de Saint-Émilion, à dominante merlot', BORDEAUX, 0.8),
      wine('Bordeaux blanc', 'vin blanc sec de Bordeaux, sauvignon et sémillon', BORDEAUX, 0.3),
      wine('Entre-deux-Mers blanc', "vin blanc sec de l'Entre-deux-Mers", BORDEAUX, 0.35),
      wine('Bourgogne Pinot noir rouge', 'vin rouge de Bourgogne, pinot noir', NORTH, 0.7),
      wine('Chablis blanc', 'vin blanc sec de Chablis, chardonnay', NORTH, 0.75),
      wine('Beaujolais-Villages rouge', 'vin rouge du Beaujolais, gamay', NORTH, 0.35),
      wine('Muscadet blanc', 'vin blanc sec du pays nantais', NORTH, 0.2),
      wine('Alsace Riesling blanc', "vin blanc d'Alsace, riesling", NORTH, 0.45),
      wine('Côtes du Rhône rouge', 'vin rouge des Côtes du Rhône, grenache et syrah', SOUTH, 0.25, southSizes),
      wine('Côtes du Rhône rosé', 'vin rosé des Côtes du Rhône', SOUTH, 0.2, southSizes),
      wine('Corbières rouge', 'vin rouge du Languedoc', SOUTH, 0.3, southSizes),
      wine('Côtes de Provence rosé', 'vin rosé de Provence, pâle et fruité', SOUTH, 0.45, southSizes),
      wine('Rioja Crianza rouge', 'vin rouge de la Rioja, tempranillo élevé en fût', ['Bodegas Sierra Clara', 'Bodegas Montealto'], 0.4),
      wine('Chianti rouge', 'vin rouge de Toscane, sangiovese', ['Cantina dei Colli', 'Tenuta San Lorenzo'], 0.4),
      wine('Côtes de Sambre et Meuse blanc', 'vin blanc belge de la vallée de la Meuse', BELGIAN_WINE.slice(0, 2), 0.6),
      wine('Hageland Chardonnay blanc', 'vin blanc belge du Hageland', BELGIAN_WINE.slice(2), 0.6),
    ],
    name: (p) => join(p.brand, p.type, p.variant, p.size),
    description: (p) => `Vin d'appellation : ${p.info}. Producteur : ${p.brand}, millésime ${p.variant}. Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'VIN',
    unit: 'piece',
    types: [
      wine('Crémant de Wallonie brut', 'vin effervescent belge, méthode traditionnelle', BELGIAN_WINE.slice(0, 2), 0.5, [size('75 cl', 1299, 1899)]),
      wine('Champagne brut', 'champagne brut sans année', ['Maison Delorme', 'Champagne Vautrin'], 0.5, [size('75 cl', 2499, 4499), size('37,5 cl', 1499, 2499, 'demi-bouteille de 37,5 cl')]),
      wine('Crémant de Bourgogne brut', 'vin effervescent de Bourgogne', NORTH, 0.5, [size('75 cl', 999, 1599)]),
      wine('Cava brut', 'vin effervescent espagnol', ['Bodegas Sierra Clara'], 0.5, [size('75 cl', 699, 1099)]),
      wine('Prosecco extra dry', "vin effervescent d'Italie du Nord", ['Cantina dei Colli', 'Tenuta San Lorenzo'], 0.5, [size('75 cl', 699, 1199), size('20 cl', 249, 399, 'mignonnette de 20 cl')]),
    ],
    name: (p) => join(p.brand, p.type, p.size),
    description: (p) => `Bulles : ${p.info}. Producteur : ${p.brand}. Conditionnement : ${p.sizeDesc || p.size}.`,
  },
];

// ——— Spirits ———

const SPIRIT_LINES: LineSpec[] = [
  {
    family: 'SPI',
    unit: 'piece',
    types: [
      { name: 'Genièvre jeune', info: 'genièvre belge jeune, 30 % vol.', tier: 0.2 },
      { name: 'Genièvre vieux', info: 'genièvre belge vieilli en fût, 35 % vol.', tier: 0.5 },
      { name: 'Pèket nature', info: 'pèket liégeois, 30 % vol.', tier: 0.2 },
      { name: 'Pèket au citron', info: 'pèket liégeois aromatisé au citron, 22 % vol.', tier: 0.2 },
      { name: 'Gin belge', info: 'gin distillé en Belgique aux baies de genièvre, 40 % vol.', tier: 0.6 },
      { name: 'Whisky single malt', info: 'whisky belge single malt, 46 % vol.', tier: 0.95 },
      { name: 'Liqueur de speculoos', info: 'liqueur crémeuse au speculoos, 17 % vol.', tier: 0.3 },
      { name: 'Advocaat', info: "liqueur aux œufs, 14 % vol.", tier: 0.2 },
    ],
    brands: ['Stokerij De Kempen', 'Distillerie Mosane', 'Stokerij Haspengouw', 'Maison Verbiest'],
    sizes: [
      size('70 cl', 1499, 3999, 'bouteille de 70 cl'),
      size('50 cl', 1199, 2799, 'bouteille de 50 cl'),
      size('20 cl', 499, 999, 'flasque de 20 cl'),
    ],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.info[0].toUpperCase()}${p.info.slice(1)} Distillateur : ${p.brand}. Conditionnement : ${p.sizeDesc}. À consommer avec modération.`,
  },
  {
    family: 'SPI',
    unit: 'piece',
    types: [
      { name: 'Porto rouge', info: 'vin de Porto rouge, 19 % vol.', brands: ['Quinta da Ribeira', 'Quinta do Vale Novo'], tier: 0.3 },
      { name: 'Porto blanc', info: 'vin de Porto blanc, 19 % vol.', brands: ['Quinta da Ribeira', 'Quinta do Vale Novo'], tier: 0.3 },
      { name: 'Porto tawny 10 ans', info: 'vin de Porto tawny vieilli 10 ans, 20 % vol.', brands: ['Quinta da Ribeira'], tier: 0.9 },
      { name: 'Rhum ambré', info: 'rhum ambré des Antilles, 40 % vol.', brands: ['Rhumerie du Vent', 'Caribbean Cask'], tier: 0.5 },
      { name: 'Rhum blanc', info: 'rhum blanc agricole, 50 % vol.', brands: ['Rhumerie du Vent'], tier: 0.4 },
      { name: 'Vodka', info: 'vodka de grain, 37,5 % vol.', brands: ['Nordvik', 'Baltica Pure'], tier: 0.3 },
      { name: 'Pastis', info: 'pastis de Marseille, 45 % vol.', brands: ['Anis du Vieux Port'], tier: 0.3 },
      { name: 'Vermouth rouge', info: 'vermouth rouge italien, 15 % vol.', brands: ['Cantina dei Colli'], tier: 0.2 },
      { name: 'Calvados', info: 'eau-de-vie de cidre de Normandie, 40 % vol.', brands: ['Domaine du Pressoir'], tier: 0.7 },
      { name: 'Cognac VS', info: 'cognac VS, 40 % vol.', brands: ['Maison Fournier-Lacombe'], tier: 0.8 },
    ],
    sizes: [size('70 cl', 999, 3499, 'bouteille de 70 cl'), size('35 cl', 699, 1899, 'demi-bouteille de 35 cl')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.info[0].toUpperCase()}${p.info.slice(1)} Marque : ${p.brand}. Conditionnement : ${p.sizeDesc}. À consommer avec modération.`,
  },
];

// ——— Soft drinks and water ———

const DRINK_LINES: LineSpec[] = [
  {
    family: 'SOF',
    unit: 'piece',
    types: [
      'Cola', 'Cola zéro', 'Limonade citron', 'Limonade orange', 'Limonade pamplemousse', 'Tonic', 'Ginger ale',
      'Thé glacé pêche', 'Thé glacé citron', 'Boisson énergisante',
    ],
    brands: ['Sodabel', 'Limo Belge', 'Frisco'],
    sizes: [
      size('33 cl', 59, 99, 'canette de 33 cl'),
      size('50 cl', 89, 159, 'bouteille PET de 50 cl'),
      size('1,5 l', 129, 229, 'bouteille PET de 1,5 litre'),
      size('6 × 33 cl', 349, 599, 'pack de 6 canettes de 33 cl'),
    ],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Boisson sans alcool : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'SOF',
    unit: 'piece',
    types: [
      "Jus d'orange", 'Jus de pomme', 'Jus de pomme trouble', 'Jus multifruits', 'Nectar de pêche', 'Jus de tomate',
      'Jus de raisin',
    ],
    variants: ['', 'bio'],
    brands: ['Vergers de Hesbaye', 'Fruiterie Moderne', 'Sap van Limburg'],
    sizes: [
      size('3 × 20 cl', 149, 279, 'lot de 3 briquettes de 20 cl'),
      size('1 l', 149, 329, 'brique de 1 litre'),
      size('1,5 l', 199, 399, 'bouteille de 1,5 litre'),
    ],
    name: (p) => join(withVariant(p), p.brand, p.size),
    description: (p) => `${withVariant(p)}, de fruits pressés.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'EAU',
    unit: 'piece',
    types: ['Eau minérale plate', 'Eau minérale pétillante', 'Eau de source plate', 'Eau légèrement pétillante'],
    brands: ['Source des Hautes Fagnes', 'Fontaine de Bastogne', 'Bron van Limburg', 'Source du Hertogenwald'],
    sizes: [
      size('50 cl', 49, 89, 'bouteille de 50 cl'),
      size('1 l', 59, 119, 'bouteille de 1 litre'),
      size('1,5 l', 59, 109, 'bouteille de 1,5 litre'),
      size('6 × 1,5 l', 299, 549, 'pack de 6 bouteilles de 1,5 litre'),
      size('6 × 50 cl', 249, 429, 'pack de 6 bouteilles de 50 cl'),
      size('25 cl verre', 69, 119, 'bouteille en verre consignée de 25 cl'),
    ],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type}, embouteillée à la source.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
];

// ——— Groceries ———

const GROCERY_LINES: LineSpec[] = [
  {
    family: 'PAT',
    unit: 'piece',
    types: ['Spaghetti', 'Penne rigate', 'Fusilli', 'Farfalle', 'Tagliatelle aux œufs', 'Macaroni', 'Coquillettes', 'Lasagne', 'Linguine'],
    variants: ['', 'au blé complet', 'bio'],
    brands: ['Bellavita', 'Casa Rustica', 'Pasta Nonna'],
    sizes: [size('500 g', 79, 249, 'paquet de 500 g'), size('1 kg', 149, 399, 'paquet de 1 kg')],
    name: (p) => join(withVariant(p), p.brand, p.size),
    description: (p) => `Pâtes de semoule de blé dur : ${withVariant(p).toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'PAT',
    unit: 'piece',
    types: ['Riz basmati', 'Riz long grain', 'Riz complet', 'Riz pour risotto', 'Riz jasmin', 'Couscous moyen', 'Quinoa', 'Boulgour'],
    variants: ['', 'bio'],
    brands: ['Riz Doré', 'Casa Rustica', 'Semoulerie de Flandre'],
    sizes: [size('500 g', 119, 299, 'paquet de 500 g'), size('1 kg', 199, 499, 'paquet de 1 kg'), size('4 × 125 g', 149, 299, 'boîte de 4 sachets cuisson de 125 g')],
    name: (p) => join(withVariant(p), p.brand, p.size),
    description: (p) => `${withVariant(p)}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'PAT',
    unit: 'piece',
    types: [
      ...withBrands(['Moulins de Flandre', 'Bonne Table'], [
        { name: 'Farine de froment', sizes: [size('1 kg', 89, 169), size('2 kg', 159, 299)] },
        { name: "Farine d'épeautre", sizes: [size('1 kg', 199, 349)] },
        { name: 'Farine fermentante', sizes: [size('1 kg', 109, 189)] },
        { name: 'Levure de boulanger', sizes: [size('5 × 7 g', 99, 169)] },
      ]),
      ...withBrands(['Sucrerie de Hesbaye', 'Bonne Table'], [
        { name: 'Sucre cristallisé', sizes: [size('1 kg', 109, 189)] },
        { name: 'Sucre impalpable', sizes: [size('500 g', 109, 199)] },
        { name: 'Cassonade brune', sizes: [size('500 g', 129, 229), size('1 kg', 219, 349)] },
        { name: 'Cassonade blonde', sizes: [size('500 g', 129, 229), size('1 kg', 219, 349)] },
        { name: 'Sucre en morceaux', sizes: [size('1 kg', 149, 259)] },
        { name: 'Sucre vanillé', sizes: [size('10 × 7,5 g', 99, 179)] },
      ]),
    ],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type} pour la cuisine et la pâtisserie.${by(p.brand)} Contenu : ${p.sizeDesc}.`,
  },
  {
    family: 'CNS',
    unit: 'piece',
    types: [
      'Tomates pelées', 'Tomates concassées', 'Haricots verts extra-fins', 'Petits pois et carottes', 'Maïs doux',
      'Pois chiches', 'Haricots rouges', 'Champignons de Paris émincés', 'Flageolets', 'Salsifis',
    ],
    brands: ['Le Potager Belge', 'Conserverie de Flandre', 'Bonne Table'],
    sizes: [size('400 g', 69, 199, 'boîte de 400 g'), size('800 g', 119, 349, 'boîte de 800 g'), size('3 × 400 g', 199, 499, 'lot de 3 boîtes de 400 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Conserve de légumes : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'CNS',
    unit: 'piece',
    types: ['Thon au naturel', "Thon à l'huile d'olive", "Sardines à l'huile", 'Maquereaux au vin blanc', 'Filets de hareng à la crème', 'Rollmops'],
    brands: ["Marée d'Ostende", 'Conserverie de la Côte'],
    sizes: [size('120 g', 149, 349, 'boîte de 120 g'), size('3 × 80 g', 299, 549, 'lot de 3 boîtes de 80 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Conserve de poisson : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'CNS',
    unit: 'piece',
    types: [
      'Soupe tomates-boulettes', 'Carbonnades flamandes', 'Vol-au-vent', 'Boulettes sauce tomate', 'Chili con carne',
      'Raviolis sauce bolognaise', 'Cassoulet',
    ],
    brands: ['Bonne Table', "Traiteur d'Antan"],
    sizes: [size('400 g', 229, 449, 'bocal de 400 g'), size('800 g', 379, 749, 'bocal de 800 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Plat cuisiné, à réchauffer : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'CNS',
    unit: 'piece',
    types: ['Compote de pommes', 'Pêches au sirop', 'Ananas en tranches', 'Poires au sirop', 'Cocktail de fruits', 'Cerises au sirop'],
    brands: ['Vergers de Hesbaye', 'Le Potager Belge'],
    sizes: [size('400 g', 119, 279, 'conserve de 400 g'), size('820 g', 189, 429, 'conserve de 820 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Fruits au sirop ou en compote : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'PDJ',
    unit: 'piece',
    types: [
      "Flocons d'avoine", 'Muesli aux fruits', 'Muesli croustillant au chocolat', 'Corn flakes', 'Céréales au chocolat',
      'Granola miel et noix', 'Pétales de son',
    ],
    brands: ['Matin Clair', 'Ardenne Céréales', 'Bon Réveil'],
    sizes: [size('375 g', 199, 429, 'boîte de 375 g'), size('500 g', 229, 499, 'boîte de 500 g'), size('750 g', 329, 649, 'boîte de 750 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Céréales pour le petit-déjeuner : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'PDJ',
    unit: 'piece',
    types: [
      'Confiture de fraises', "Confiture d'abricots", 'Confiture de cerises noires', 'Confiture de framboises',
      'Confiture quatre fruits', 'Gelée de groseilles', 'Sirop de Liège', 'Pâte à tartiner chocolat-noisettes',
      'Pâte à tartiner speculoos', 'Choco lait', 'Choco noir',
      { name: 'Miel crémeux', brands: ['Rucher de Hesbaye', 'Apiculture des Fagnes'] },
      { name: 'Miel liquide', brands: ['Rucher de Hesbaye', 'Apiculture des Fagnes'] },
    ],
    brands: ['Confiturerie Mosane', 'Bon Réveil', 'Tartines & Co'],
    sizes: [size('250 g', 199, 449, 'pot de 250 g'), size('450 g', 279, 599, 'pot de 450 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `À tartiner : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'PDJ',
    unit: 'piece',
    types: [
      { name: 'Café moulu classique', tier: 0.3 },
      { name: 'Café moulu corsé', tier: 0.4 },
      { name: 'Café moulu décaféiné', tier: 0.5 },
      { name: 'Café en grains', tier: 0.6 },
      { name: 'Café moka', tier: 0.8 },
    ],
    brands: ['Torréfaction Liégeoise', 'Koffiebranderij Brugge', 'Café des Ardennes'],
    sizes: [size('250 g', 299, 599, 'paquet de 250 g'), size('500 g', 499, 999, 'paquet de 500 g'), size('1 kg', 999, 1799, 'paquet de 1 kg')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type}, torréfié en Belgique.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'PDJ',
    unit: 'piece',
    types: [
      ...withBrands(['Torréfaction Liégeoise', 'Koffiebranderij Brugge'], [
        { name: 'Capsules espresso', sizes: [size('10 capsules', 299, 449), size('30 capsules', 799, 1199)] },
        { name: 'Capsules lungo', sizes: [size('10 capsules', 299, 449), size('30 capsules', 799, 1199)] },
        { name: 'Dosettes café doux', sizes: [size('36 dosettes', 349, 549)] },
      ]),
      ...withBrands(['Maison du Thé Namur', 'Theehuis Gent'], [
        { name: 'Thé noir English Breakfast', sizes: [size('20 sachets', 149, 349), size('40 sachets', 249, 549)] },
        { name: 'Thé vert', sizes: [size('20 sachets', 149, 349)] },
        { name: 'Thé Earl Grey', sizes: [size('20 sachets', 149, 349), size('40 sachets', 249, 549)] },
        { name: 'Infusion camomille', sizes: [size('20 sachets', 149, 299)] },
        { name: 'Infusion menthe', sizes: [size('20 sachets', 149, 299)] },
        { name: 'Rooibos', sizes: [size('20 sachets', 179, 349)] },
      ]),
      { name: 'Chicorée soluble', sizes: [size('250 g', 249, 449)], brands: ['Chicorée des Flandres'] },
    ],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type}.${by(p.brand)} Contenu : ${p.sizeDesc}.`,
  },
  {
    family: 'BIS',
    unit: 'piece',
    types: [
      'Speculoos', 'Gaufres de Liège', 'Gaufres fourrées à la vanille', 'Biscuits au beurre', 'Galettes au beurre',
      'Madeleines', "Pain d'épices", 'Couques de Dinant', 'Lukken', 'Carrés fourrés au chocolat', 'Cigarettes russes',
      'Pains à la grecque',
    ],
    brands: ['Biscuiterie de Bruges', 'Maison Delahaye', 'Koekenbakkerij Vlaanderen', 'Biscuiterie Ardennaise'],
    sizes: [size('200 g', 129, 299, 'paquet de 200 g'), size('400 g', 229, 499, 'paquet de 400 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Biscuits : ${p.type.toLowerCase()}, recette traditionnelle.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'BIS',
    unit: 'piece',
    types: [
      'Chocolat noir 72 %', 'Chocolat noir 85 %', 'Chocolat au lait', 'Chocolat au lait noisettes', 'Chocolat blanc',
      "Chocolat noir à l'orange", 'Chocolat au lait praliné',
    ],
    brands: ['Chocolaterie du Sablon', 'Chocolaterie Gantoise', 'Maison Delahaye'],
    sizes: [size('100 g', 129, 349, 'tablette de 100 g'), size('200 g', 229, 549, 'tablette de 200 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Chocolat belge : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'BIS',
    unit: 'piece',
    types: [
      'Pralines assorties', 'Manons', 'Mendiants', 'Truffes au cacao', 'Orangettes',
      { name: 'Cuberdons', sizes: [size('250 g', 399, 699, 'sachet de 250 g')] },
    ],
    brands: ['Chocolaterie du Sablon', 'Chocolaterie Gantoise'],
    sizes: [size('250 g', 699, 1499, 'ballotin de 250 g'), size('500 g', 1299, 2699, 'ballotin de 500 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Confiserie belge : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'SAU',
    unit: 'piece',
    types: [
      'Mayonnaise', 'Mayonnaise aux œufs', 'Sauce andalouse', 'Sauce samouraï', 'Sauce américaine', 'Sauce cocktail',
      'Sauce tartare', 'Sauce Brazil', 'Sauce béarnaise', 'Ketchup', 'Sauce curry', 'Sauce lapin',
    ],
    brands: ["Friterie d'Or", 'Vandermeulen Sauzen', 'Bonne Table'],
    sizes: [size('300 ml', 129, 299, 'tube de 300 ml'), size('500 ml', 179, 399, 'pot de 500 ml'), size('1 l', 299, 599, 'seau de 1 litre')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type}, la sauce des friteries belges.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'SAU',
    unit: 'piece',
    types: [
      ...withBrands(['Moutarderie Gantoise', 'Bonne Table'], [
        { name: 'Moutarde forte', sizes: [size('200 g', 99, 249), size('370 g', 149, 349)] },
        { name: "Moutarde à l'ancienne", sizes: [size('200 g', 129, 299)] },
        { name: 'Pickles', sizes: [size('370 g', 149, 349)] },
        { name: 'Cornichons', sizes: [size('370 g', 149, 349)] },
        { name: 'Oignons au vinaigre', sizes: [size('370 g', 149, 329)] },
        { name: 'Câpres', sizes: [size('100 g', 129, 279)] },
      ]),
      ...withBrands(['Bonne Table', 'Oliveraie du Sud'], [
        { name: "Huile d'olive vierge extra", sizes: [size('50 cl', 449, 799), size('1 l', 799, 1299)] },
        { name: 'Huile de tournesol', sizes: [size('1 l', 249, 399)] },
        { name: 'Huile de colza', sizes: [size('1 l', 249, 399)] },
        { name: 'Vinaigre de vin rouge', sizes: [size('50 cl', 129, 299)] },
        { name: 'Vinaigre de cidre', sizes: [size('50 cl', 129, 299)] },
        { name: 'Vinaigre balsamique', sizes: [size('25 cl', 249, 599)] },
      ]),
      ...withBrands(['Épices du Monde', 'Bonne Table'], [
        { name: 'Sel fin', sizes: [size('1 kg', 59, 129)] },
        { name: 'Gros sel', sizes: [size('1 kg', 59, 129)] },
        { name: 'Poivre noir moulu', sizes: [size('50 g', 149, 299)] },
        { name: 'Noix de muscade moulue', sizes: [size('35 g', 149, 299)] },
        { name: 'Paprika doux', sizes: [size('50 g', 129, 249)] },
        { name: 'Bouillon de légumes en cubes', sizes: [size('12 cubes', 129, 249)] },
        { name: 'Bouillon de bœuf en cubes', sizes: [size('12 cubes', 129, 249)] },
      ]),
    ],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type} pour la cuisine de tous les jours.${by(p.brand)} Contenu : ${p.sizeDesc}.`,
  },
  {
    family: 'APE',
    unit: 'piece',
    types: [
      'Chips sel', 'Chips paprika', 'Chips pickles', 'Chips poivre et sel', 'Chips ondulées nature', 'Chips bolognaise',
      'Chips fromage-oignon',
    ],
    brands: ['Croustille', 'Knapperz', 'Apéro Belge'],
    sizes: [size('40 g', 59, 109, 'sachet de 40 g'), size('150 g', 129, 249, 'sachet de 150 g'), size('200 g', 169, 299, 'sachet de 200 g'), size('6 × 30 g', 199, 349, 'lot de 6 sachets de 30 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type}, pommes de terre cuites à l'huile de tournesol.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'APE',
    unit: 'piece',
    types: [
      'Cacahuètes grillées salées', 'Noix de cajou grillées', 'Mélange apéritif', 'Bretzels', 'Crackers au fromage',
      'Pistaches grillées',
      { name: 'Olives vertes dénoyautées', sizes: [size('200 g', 159, 349, 'barquette de 200 g')] },
      { name: 'Olives noires à la grecque', sizes: [size('200 g', 159, 349, 'barquette de 200 g')] },
      { name: 'Olives farcies aux poivrons', sizes: [size('200 g', 179, 349, 'barquette de 200 g')] },
      { name: 'Tapenade', sizes: [size('100 g', 199, 349, 'pot de 100 g')] },
    ],
    brands: ['Apéro Belge', 'Croustille'],
    sizes: [size('125 g', 129, 349, 'sachet de 125 g'), size('250 g', 229, 599, 'sachet de 250 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Pour l'apéritif : ${p.type.toLowerCase()}.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'VRA',
    unit: 'kg',
    types: [
      { name: 'Pâtes penne', price: [249, 399] },
      { name: 'Riz basmati', price: [299, 449] },
      { name: 'Lentilles vertes', price: [349, 549] },
      { name: 'Lentilles corail', price: [349, 549] },
      { name: 'Pois chiches', price: [299, 449] },
      { name: "Flocons d'avoine", price: [219, 349] },
      { name: 'Muesli', price: [599, 899] },
      { name: 'Amandes', price: [1499, 2299] },
      { name: 'Noix', price: [1599, 2499] },
      { name: 'Noisettes', price: [1499, 2299] },
      { name: 'Raisins secs', price: [699, 999] },
      { name: 'Abricots secs', price: [1199, 1699] },
      { name: 'Café en grains', price: [1599, 2599] },
      { name: 'Sucre de canne', price: [249, 399] },
      { name: "Farine d'épeautre", price: [249, 399] },
      { name: 'Graines de tournesol', price: [549, 849] },
      { name: "Huile d'olive vierge extra", price: [999, 1499], unit: 'litre' },
      { name: 'Huile de tournesol', price: [249, 399], unit: 'litre' },
      { name: 'Vinaigre de cidre', price: [249, 449], unit: 'litre' },
    ],
    variants: ['', 'bio'],
    name: (p) => `${withVariant(p)} (vrac)`,
    description: (p) => `${withVariant(p)} en vrac : apportez vos contenants. ${byWeight(p)}`,
  },
];

// ——— Fruit and vegetables ———

const kg = (name: string, min: number, max: number, origins: readonly string[]): TypeSpec => ({
  name,
  price: [min, max],
  variants: origins,
});
const each = (name: string, label: string, min: number, max: number, origins: readonly string[], desc?: string): TypeSpec => ({
  name,
  unit: 'piece',
  sizes: [size(label, min, max, desc)],
  variants: origins,
});

const PRODUCE_LINES: LineSpec[] = [
  {
    family: 'FEL',
    unit: 'kg',
    types: [
      kg('Pommes Jonagold', 199, 299, ['Belgique']),
      kg('Pommes Boskoop', 199, 299, ['Belgique']),
      kg('Pommes Golden', 189, 289, ['Belgique', 'France', 'Italie']),
      kg('Pommes Elstar', 199, 299, ['Belgique', 'Pays-Bas']),
      kg('Pommes Granny Smith', 219, 319, ['France', 'Italie']),
      kg('Poires Conférence', 229, 329, ['Belgique', 'Pays-Bas']),
      kg('Poires Doyenné du Comice', 299, 399, ['Belgique', 'France']),
      kg('Bananes', 159, 229, ['Costa Rica', 'Équateur', 'Colombie']),
      kg('Oranges à jus', 179, 299, ['Espagne', 'Maroc']),
      kg('Oranges Navel', 199, 319, ['Espagne']),
      kg('Clémentines', 249, 349, ['Espagne', 'Maroc']),
      kg('Citrons', 299, 449, ['Espagne', 'Argentine']),
      kg('Kiwis', 349, 499, ['Nouvelle-Zélande', 'Italie']),
      kg('Raisins blancs', 349, 599, ['Italie', 'Espagne']),
      kg('Raisins noirs', 349, 599, ['Italie']),
      kg('Cerises', 799, 1299, ['Belgique', 'France', 'Espagne']),
      kg('Abricots', 399, 599, ['France', 'Espagne']),
      kg('Pêches jaunes', 299, 449, ['Espagne', 'Italie']),
      kg('Nectarines', 299, 449, ['Espagne']),
      kg('Prunes', 299, 449, ['Belgique', 'France']),
      each('Fraises de Wépion', '500 g', 399, 599, ['Belgique'], 'barquette de 500 g'),
      each('Framboises', '125 g', 249, 399, ['Belgique', 'Espagne'], 'barquette de 125 g'),
      each('Myrtilles', '125 g', 249, 399, ['Espagne', 'Pérou'], 'barquette de 125 g'),
      each('Melon charentais', 'pièce', 199, 349, ['France', 'Espagne']),
      each('Ananas', 'pièce', 199, 329, ['Costa Rica']),
      each('Mangue', 'pièce', 129, 249, ['Pérou', 'Brésil']),
      each('Avocat', 'pièce', 79, 149, ['Pérou', 'Espagne', 'Kenya']),
      each('Pamplemousse', 'pièce', 79, 129, ['Espagne', 'Afrique du Sud']),
      each('Pommes de terre Bintje', '5 kg', 399, 649, ['Belgique'], 'sac de 5 kg'),
      each('Pommes de terre Bintje', '2,5 kg', 249, 399, ['Belgique'], 'sac de 2,5 kg'),
      each('Pommes de terre Nicola', '2,5 kg', 279, 429, ['Belgique', 'France'], 'sac de 2,5 kg'),
      kg('Pommes de terre grenailles', 189, 289, ['Belgique', 'France']),
      kg('Carottes', 99, 169, ['Belgique', 'Pays-Bas', 'France']),
      kg('Oignons jaunes', 119, 189, ['Belgique', 'Pays-Bas']),
      kg('Poireaux', 199, 299, ['Belgique']),
      kg('Chicons', 249, 449, ['Belgique']),
      kg('Chicons de pleine terre', 599, 899, ['Belgique']),
      kg('Tomates grappe', 249, 399, ['Belgique', 'Pays-Bas', 'Espagne']),
      each('Tomates cerises', '250 g', 149, 249, ['Belgique', 'Maroc'], 'barquette de 250 g'),
      kg('Courgettes', 179, 299, ['Belgique', 'Espagne']),
      kg('Poivrons rouges', 349, 549, ['Pays-Bas', 'Espagne']),
      each('Concombre', 'pièce', 69, 119, ['Belgique', 'Pays-Bas']),
      each('Laitue', 'pièce', 89, 149, ['Belgique']),
      kg('Choux de Bruxelles', 249, 399, ['Belgique']),
      kg('Brocoli', 249, 399, ['Belgique', 'Espagne']),
      each('Chou-fleur', 'pièce', 179, 299, ['Belgique', 'France']),
      each('Chou rouge', 'pièce', 129, 229, ['Belgique']),
      kg('Céleri-rave', 149, 249, ['Belgique']),
      kg('Champignons de Paris', 449, 699, ['Belgique', 'Pays-Bas']),
      kg('Haricots verts', 449, 799, ['Belgique', 'Kenya', 'Maroc']),
      kg('Épinards', 399, 599, ['Belgique']),
      kg('Ail', 799, 1299, ['France', 'Espagne']),
      kg('Échalotes', 399, 599, ['France']),
      kg('Asperges blanches', 899, 1499, ['Belgique']),
      kg('Panais', 249, 399, ['Belgique', 'France']),
      kg('Potiron', 179, 299, ['Belgique']),
    ],
    name: (p) => `${join(p.type, p.size === 'pièce' ? '' : p.size)}${paren(p.variant)}`,
    description: (p) =>
      join(
        `${p.type}, origine ${p.variant}.`,
        p.unit === 'kg' ? 'Vendu au kilo.' : p.sizeDesc === 'pièce' ? 'Prix à la pièce.' : `Conditionnement : ${p.sizeDesc}.`,
      ),
  },
];

// ——— Fresh food ———

const DAIRY_BRANDS = ['Laiterie des Ardennes', 'Zuivelhoeve Kempen', 'Ferme de la Hesbaye'];

const FRESH_LINES: LineSpec[] = [
  {
    family: 'LAI',
    unit: 'piece',
    types: [
      { name: 'Lait demi-écrémé', sizes: [size('1 l', 99, 149, 'brique de 1 litre'), size('6 × 1 l', 549, 849, 'lot de 6 briques de 1 litre')] },
      { name: 'Lait entier', sizes: [size('1 l', 109, 169, 'bouteille de 1 litre'), size('6 × 1 l', 599, 949, 'lot de 6 bouteilles de 1 litre')] },
      { name: 'Lait écrémé', sizes: [size('1 l', 95, 139, 'brique de 1 litre')] },
      { name: 'Babeurre', sizes: [size('1 l', 99, 159, 'bouteille de 1 litre')] },
      { name: 'Lait chocolaté', sizes: [size('1 l', 139, 229, 'bouteille de 1 litre')] },
      { name: 'Yaourt nature', sizes: [size('4 × 125 g', 129, 249, 'lot de 4 pots de 125 g'), size('500 g', 119, 229, 'pot de 500 g'), size('1 kg', 199, 349, 'seau de 1 kg')] },
      { name: 'Yaourt aux fruits', sizes: [size('4 × 125 g', 149, 279, 'lot de 4 pots de 125 g')] },
      { name: 'Yaourt à la grecque', sizes: [size('500 g', 229, 349, 'pot de 500 g')] },
      { name: 'Fromage blanc', sizes: [size('500 g', 149, 299, 'pot de 500 g')] },
      { name: 'Crème fraîche épaisse', sizes: [size('20 cl', 119, 229, 'pot de 20 cl'), size('40 cl', 199, 349, 'pot de 40 cl')] },
      { name: 'Crème fraîche liquide', sizes: [size('25 cl', 119, 199, 'brique de 25 cl'), size('1 l', 349, 549, 'brique de 1 litre')] },
      { name: 'Beurre doux', sizes: [size('250 g', 229, 399, 'plaquette de 250 g')] },
      { name: 'Beurre demi-sel', sizes: [size('250 g', 249, 419, 'plaquette de 250 g')] },
      { name: 'Riz au lait', sizes: [size('4 × 150 g', 199, 299, 'lot de 4 pots de 150 g'), size('1 kg', 299, 449, 'pot de 1 kg')] },
      { name: 'Crème dessert vanille', sizes: [size('4 × 100 g', 129, 229, 'lot de 4 pots de 100 g')] },
      { name: 'Crème dessert chocolat', sizes: [size('4 × 100 g', 129, 229, 'lot de 4 pots de 100 g')] },
      { name: 'Mousse au chocolat', sizes: [size('4 × 60 g', 149, 279, 'lot de 4 pots de 60 g')] },
      { name: 'Gouda en tranches', sizes: [size('200 g', 229, 349, 'barquette de 200 g'), size('400 g', 399, 599, 'barquette de 400 g')] },
      { name: 'Emmental râpé', sizes: [size('200 g', 199, 329, 'sachet de 200 g')] },
      { name: 'Mozzarella', sizes: [size('125 g', 99, 179, 'boule de 125 g')] },
      { name: 'Fromage frais aux fines herbes', sizes: [size('150 g', 179, 299, 'pot de 150 g')] },
    ],
    variants: ['', 'bio'],
    brands: DAIRY_BRANDS,
    name: (p) => join(withVariant(p), p.brand, p.size),
    description: (p) => `${withVariant(p)}, à conserver au frais.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'LAI',
    unit: 'piece',
    types: [
      { name: 'Œufs de poules élevées en plein air', sizes: [size('6 pièces', 199, 329, 'boîte de 6'), size('10 pièces', 319, 489, 'boîte de 10')] },
      { name: 'Œufs de poules élevées au sol', sizes: [size('6 pièces', 159, 249, 'boîte de 6'), size('12 pièces', 289, 429, 'boîte de 12')] },
      { name: 'Œufs bio', sizes: [size('6 pièces', 249, 379, 'boîte de 6')] },
    ],
    brands: ['Ferme de la Hesbaye', 'Eierhof Kempen'],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type}, calibre moyen, de Belgique.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'FRO',
    unit: 'kg',
    types: [
      { name: 'Fromage de Herve AOP', price: [1699, 2299], variants: ['doux', 'piquant'] },
      { name: 'Remoudou', price: [1899, 2499] },
      { name: "Fromage d'abbaye", price: [1599, 2299], variants: ['jeune', 'affiné', 'à la bière'] },
      { name: 'Gouda', price: [1449, 1999], variants: ['jeune', 'mi-vieux', 'vieux', 'au cumin', 'aux orties'] },
      { name: 'Mimolette', price: [1699, 2499], variants: ['jeune', 'extra-vieille'] },
      { name: 'Emmental', price: [1499, 1999] },
      { name: 'Comté AOP', price: [2299, 3299], variants: ['12 mois', '18 mois', '24 mois'] },
      { name: 'Brie de Meaux AOP', price: [1999, 2699] },
      { name: 'Roquefort AOP', price: [2799, 3499] },
      { name: 'Parmigiano Reggiano AOP', price: [2499, 3299], variants: ['24 mois'] },
      { name: 'Fromage de chèvre', price: [2199, 2999], variants: ['frais', 'cendré', 'affiné'] },
      { name: 'Fromage des Flandres', price: [1599, 2199], variants: ['nature', 'au poivre'] },
      { name: 'Maasdam', price: [1449, 1899] },
      { name: 'Raclette', price: [1599, 2199], variants: ['nature', 'fumée'] },
      { name: 'Cheddar affiné', price: [1799, 2499] },
      { name: 'Tomme des Ardennes', price: [1899, 2499], variants: ['nature', 'aux herbes'] },
      { name: 'Bleu des Causses AOP', price: [2199, 2799] },
    ],
    name: (p) => `${withVariant(p)} (à la coupe)`,
    description: (p) => `${withVariant(p)} : coupe à la demande au comptoir fromagerie. Vendu au kilo.`,
  },
  {
    family: 'BOU',
    unit: 'kg',
    types: [
      { name: 'Steak', price: [1999, 2999], variants: ['Blanc-Bleu Belge', 'Limousin', 'Irlande'] },
      { name: 'Entrecôte', price: [2799, 3999], variants: ['Blanc-Bleu Belge', 'Irlande', 'Argentine'] },
      { name: 'Filet pur de bœuf', price: [3999, 5499], variants: ['Blanc-Bleu Belge', 'Irlande'] },
      { name: 'Rôti de bœuf', price: [2299, 2999], variants: ['Blanc-Bleu Belge'] },
      { name: 'Carbonnades de bœuf', price: [1399, 1899], variants: ['Blanc-Bleu Belge'] },
      { name: 'Haché porc et veau', price: [899, 1299], variants: ['Belgique', 'maison'] },
      { name: 'Haché pur bœuf', price: [1199, 1699], variants: ['Blanc-Bleu Belge'] },
      { name: 'Américain préparé', price: [1399, 1899], variants: ['maison', 'piquant'] },
      { name: 'Boulettes crues', price: [999, 1399], variants: ['maison'] },
      { name: 'Côtes de porc', price: [799, 1199], variants: ['Belgique', 'Porc Qualité Ardenne'] },
      { name: 'Filet de porc', price: [1199, 1599], variants: ['Belgique', 'Porc Qualité Ardenne'] },
      { name: 'Rôti de porc', price: [999, 1399], variants: ['Belgique'] },
      { name: 'Lard frais', price: [899, 1299], variants: ['Belgique'] },
      { name: 'Saucisses de campagne', price: [899, 1299], variants: ['maison'] },
      { name: 'Chipolatas', price: [999, 1399], variants: ['maison'] },
      { name: 'Oiseaux sans tête', price: [1299, 1699], variants: ['maison'] },
      { name: 'Blanc de poulet', price: [1199, 1699], variants: ['Belgique', 'fermier'] },
      { name: 'Cuisses de poulet', price: [599, 899], variants: ['Belgique', 'fermier'] },
      { name: 'Poulet entier', price: [599, 899], variants: ['Belgique', 'fermier'] },
      { name: 'Escalope de veau', price: [2999, 3999], variants: ['Belgique'] },
      { name: "Gigot d'agneau", price: [1999, 2699], variants: ['Irlande', 'Nouvelle-Zélande'] },
      { name: 'Lapin', price: [1199, 1699], variants: ['entier', 'cuisses'] },
    ],
    name: (p) => `${p.type}${paren(p.variant)}`,
    description: (p) => `${p.type}${paren(p.variant)} : découpe à la demande par nos bouchers. Vendu au kilo.`,
  },
  {
    family: 'CHA',
    unit: 'kg',
    types: [
      { name: 'Jambon cuit', price: [1449, 2199], variants: ['supérieur', 'aux herbes', 'fumé'] },
      { name: "Jambon d'Ardenne IGP", price: [2499, 3499] },
      { name: 'Salami', price: [1449, 1999], variants: ['nature', 'au poivre', "à l'ail"] },
      { name: 'Pâté de campagne', price: [1199, 1699] },
      { name: 'Pâté ardennais', price: [1299, 1899] },
      { name: 'Filet de Saxe', price: [2299, 2999] },
      { name: 'Filet de dinde', price: [1599, 2299] },
      { name: 'Rosbif', price: [2499, 3299] },
      { name: 'Tête pressée', price: [999, 1399] },
      { name: 'Boudin blanc de Liège', price: [1299, 1699] },
      { name: 'Boudin noir', price: [999, 1399] },
      { name: 'Saucisson sec', price: [1999, 2699] },
      { name: 'Lard fumé', price: [1299, 1799] },
      { name: 'Mortadelle', price: [1199, 1599] },
    ],
    name: (p) => `${withVariant(p)} (à la coupe)`,
    description: (p) => `${withVariant(p)} : tranché à la demande au comptoir charcuterie. Vendu au kilo.`,
  },
  {
    family: 'CHA',
    unit: 'piece',
    types: [
      'Jambon cuit en tranches', 'Salami en tranches', 'Filet de poulet en tranches', 'Filet de Saxe en tranches',
      'Pâté de campagne', 'Lardons fumés', 'Saucisse sèche',
    ],
    brands: ["Salaisons d'Ardenne", 'Charcuterie Delvaux', 'Slagerij Vermeulen'],
    sizes: [size('150 g', 199, 399, 'barquette de 150 g'), size('300 g', 349, 649, 'barquette de 300 g')],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `${p.type}, produit préemballé.${by(p.brand)} Conditionnement : ${p.sizeDesc}.`,
  },
  {
    family: 'TRA',
    unit: 'piece',
    types: [
      'Vol-au-vent', 'Carbonnades flamandes', 'Waterzooi de poulet', 'Stoemp aux carottes et saucisse', 'Lasagne bolognaise',
      'Hachis parmentier', 'Moussaka', 'Blanquette de veau', 'Chicons au gratin', 'Boulets sauce lapin',
      { name: 'Boulets à la liégeoise', sizes: [size('2 pièces', 499, 799, 'barquette de 2 boulets')], variants: [''] },
      { name: 'Croquettes de crevettes grises', sizes: [size('2 pièces', 699, 999, 'barquette de 2 croquettes')], variants: [''] },
      { name: 'Croquettes au fromage', sizes: [size('2 pièces', 399, 599, 'barquette de 2 croquettes')], variants: [''] },
      { name: 'Quiche lorraine', sizes: [size('part', 329, 449, 'une part'), size('6 parts', 1299, 1799, 'quiche entière de 6 parts')], variants: [''] },
      { name: 'Potage du jour', sizes: [size('1 l', 349, 499, 'pot de 1 litre')], variants: [''] },
      { name: 'Salade de pâtes', unit: 'kg', price: [1299, 1699], variants: [''] },
      { name: 'Salade de thon', unit: 'kg', price: [1599, 2199], variants: [''] },
      { name: 'Salade de crabe', unit: 'kg', price: [1699, 2399], variants: [''] },
      { name: 'Salade de poulet curry', unit: 'kg', price: [1499, 1999], variants: [''] },
      { name: 'Salade piémontaise', unit: 'kg', price: [1199, 1599], variants: [''] },
      { name: 'Salade de crevettes grises', unit: 'kg', price: [3999, 5499], variants: [''] },
      { name: 'Pain de viande', unit: 'kg', price: [1299, 1699], variants: [''] },
    ],
    variants: ['', 'maison'],
    sizes: [size('portion 400 g', 549, 899, 'barquette individuelle de 400 g'), size('familial 1 kg', 1199, 1899, 'plat familial de 1 kg')],
    name: (p) => join(withVariant(p), p.size),
    description: (p) =>
      join(`${withVariant(p)} : préparation de notre traiteur, à emporter.`, p.unit === 'kg' ? 'Vendu au kilo.' : `Conditionnement : ${p.sizeDesc}.`),
  },
];

// ——— Bakery ———

const BAKERY_LINES: LineSpec[] = [
  {
    family: 'PAI',
    unit: 'piece',
    types: [
      { name: 'Pain blanc', tier: 0.1 },
      { name: 'Pain gris', tier: 0.25 },
      { name: 'Pain complet', tier: 0.35 },
      { name: 'Pain multicéréales', tier: 0.6 },
      { name: 'Pain au levain', tier: 0.75 },
      { name: "Pain d'épeautre", tier: 0.8 },
      { name: 'Pain de seigle', tier: 0.6 },
      { name: 'Pain aux noix', tier: 0.9 },
      { name: 'Pain campagnard', tier: 0.5 },
      { name: 'Pain de mie', tier: 0.3 },
      { name: 'Pain aux graines de lin', tier: 0.65 },
      { name: 'Baguette tradition', sizes: [size('250 g', 220, 260, 'baguette de 250 g')], variants: [''], tier: 0.5 },
      { name: 'Pistolets', sizes: [size('6 pièces', 240, 360, 'sachet de 6 pistolets')], variants: [''], tier: 0.5 },
    ],
    variants: ['tranché', 'non tranché', 'bio tranché'],
    sizes: [size('400 g', 220, 289, 'pain de 400 g'), size('800 g', 259, 380, 'pain de 800 g')],
    name: (p) => join(withVariant(p), p.size),
    description: (p) => `${withVariant(p)} : cuisson du jour dans notre fournil. ${p.sizeDesc[0].toUpperCase()}${p.sizeDesc.slice(1)}.`,
  },
  {
    family: 'VIE',
    unit: 'piece',
    types: [
      { name: 'Croissant', sizes: [size('1 pièce', 99, 149), size('4 pièces', 379, 549)] },
      { name: 'Pain au chocolat', sizes: [size('1 pièce', 109, 159), size('4 pièces', 419, 599)] },
      { name: 'Couque suisse', sizes: [size('1 pièce', 149, 219)] },
      { name: 'Couque au beurre', sizes: [size('1 pièce', 99, 149)] },
      { name: 'Couque aux raisins', sizes: [size('1 pièce', 129, 189)] },
      { name: 'Cramique', sizes: [size('400 g', 349, 549)] },
      { name: 'Craquelin', sizes: [size('400 g', 399, 599)] },
      { name: 'Tarte au riz', sizes: [size('1 part', 229, 329), size('4 personnes', 999, 1399), size('8 personnes', 1799, 2599)] },
      { name: 'Tarte aux pommes', sizes: [size('1 part', 219, 299), size('4 personnes', 899, 1299), size('8 personnes', 1699, 2399)] },
      { name: 'Tarte au sucre', sizes: [size('1 part', 199, 279), size('8 personnes', 1499, 1999)] },
      { name: 'Tarte au flan', sizes: [size('1 part', 199, 279), size('8 personnes', 1499, 1999)] },
      { name: 'Éclair au chocolat', sizes: [size('1 pièce', 219, 299)] },
      { name: 'Éclair au café', sizes: [size('1 pièce', 219, 299)] },
      { name: 'Merveilleux', sizes: [size('1 pièce', 249, 349), size('6 personnes', 1599, 2199)] },
      { name: 'Mille-feuille', sizes: [size('1 pièce', 229, 329)] },
      { name: 'Frangipane', sizes: [size('1 pièce', 179, 249)] },
      { name: 'Gaufre de Liège', sizes: [size('1 pièce', 129, 199), size('6 pièces', 599, 899)] },
      { name: 'Bûche de Noël', sizes: [size('6 personnes', 1999, 2799)] },
      { name: 'Galette des rois', sizes: [size('6 personnes', 1499, 1999)] },
    ],
    name: (p) => join(p.type, p.size),
    description: (p) => `${p.type} de notre pâtisserie, ${p.size}. Fait maison avec du beurre.`,
  },
];

// ——— Frozen food ———

const FROZEN_LINES: LineSpec[] = [
  {
    family: 'SUR',
    unit: 'piece',
    types: [
      { name: 'Frites précuites', sizes: [size('1 kg', 199, 349), size('2,5 kg', 399, 699)] },
      { name: 'Frites fines précuites', sizes: [size('1 kg', 219, 369)] },
      { name: 'Croquettes de pommes de terre', sizes: [size('600 g', 199, 349)] },
      { name: 'Épinards hachés', sizes: [size('1 kg', 179, 299)] },
      { name: 'Petits pois extra-fins', sizes: [size('1 kg', 199, 329)] },
      { name: 'Haricots verts', sizes: [size('1 kg', 199, 329)] },
      { name: 'Légumes pour potage', sizes: [size('1 kg', 179, 299)] },
      { name: 'Choux de Bruxelles', sizes: [size('1 kg', 199, 329)] },
      { name: 'Poêlée de légumes', sizes: [size('750 g', 229, 399)] },
      { name: 'Fruits rouges', sizes: [size('500 g', 299, 549)] },
      { name: 'Pizza margherita', sizes: [size('350 g', 249, 499)] },
      { name: 'Pizza quatre fromages', sizes: [size('380 g', 279, 549)] },
      { name: 'Pizza jambon-champignons', sizes: [size('380 g', 279, 549)] },
      { name: 'Boulettes de viande', sizes: [size('500 g', 349, 549)] },
      { name: 'Filets de cabillaud', sizes: [size('400 g', 599, 899)] },
      { name: 'Filets de saumon', sizes: [size('2 × 125 g', 549, 849)] },
      { name: 'Scampis décortiqués', sizes: [size('400 g', 699, 1199)] },
      { name: 'Croquettes de crevettes', sizes: [size('4 × 65 g', 699, 999)] },
      { name: 'Mini-loempias', sizes: [size('12 pièces', 299, 499)] },
      { name: 'Glace vanille', sizes: [size('1 l', 249, 549), size('2 l', 399, 799)] },
      { name: 'Glace chocolat', sizes: [size('1 l', 249, 549), size('2 l', 399, 799)] },
      { name: 'Glace speculoos', sizes: [size('1 l', 299, 599)] },
      { name: 'Glace stracciatella', sizes: [size('1 l', 279, 579)] },
      { name: 'Sorbet citron', sizes: [size('1 l', 279, 549)] },
      { name: 'Cônes glacés vanille', sizes: [size('4 × 120 ml', 299, 549)] },
      { name: 'Gaufres de Bruxelles', sizes: [size('6 pièces', 249, 399)] },
    ],
    brands: ['Polaris', 'Frigo Flandre', 'Givré'],
    name: (p) => join(p.type, p.brand, p.size),
    description: (p) => `Produit surgelé : ${p.type.toLowerCase()}. À conserver à −18 °C.${by(p.brand)} Contenu : ${p.sizeDesc}.`,
  },
];

// ——— Non-food ———

const scented = (name: string, variants: readonly string[], sizes: readonly SizeSpec[]): TypeSpec => ({ name, variants, sizes });

const NON_FOOD_LINES: LineSpec[] = [
  {
    family: 'HYG',
    unit: 'piece',
    types: [
      scented('Gel douche', ['amande douce', 'agrumes', 'lavande', 'peaux sensibles', 'fraîcheur marine'], [size('250 ml', 199, 449), size('500 ml', 299, 649)]),
      scented('Shampooing', ['cheveux normaux', 'cheveux secs', 'antipelliculaire', 'à la camomille'], [size('250 ml', 229, 499), size('500 ml', 349, 699)]),
      scented('Après-shampooing', ['cheveux normaux', 'cheveux secs'], [size('200 ml', 249, 499)]),
      scented('Savon liquide', ['amande douce', 'citron', 'peaux sensibles'], [size('300 ml', 149, 329), size('recharge 1 l', 349, 599)]),
      scented('Savon solide', ['amande', 'lavande', 'miel'], [size('100 g', 99, 249), size('2 × 100 g', 179, 429)]),
      scented('Dentifrice', ['menthe fraîche', 'dents sensibles', 'blancheur', 'enfants'], [size('75 ml', 149, 399)]),
      scented('Brosse à dents', ['souple', 'medium'], [size('1 pièce', 149, 399), size('2 pièces', 249, 599)]),
      scented('Déodorant', ['homme', 'femme', 'sans parfum'], [size('roll-on 50 ml', 249, 499), size('spray 150 ml', 299, 549)]),
      scented('Crème hydratante', ['visage', 'mains'], [size('50 ml', 399, 999)]),
      scented('Mouchoirs en papier', [''], [size('boîte de 100', 149, 299), size('10 paquets', 199, 349)]),
      scented('Papier toilette', ['2 plis', '3 plis'], [size('8 rouleaux', 299, 549), size('16 rouleaux', 549, 899)]),
      scented('Coton-tiges', [''], [size('200 pièces', 129, 249)]),
      scented('Disques démaquillants', [''], [size('80 pièces', 149, 279)]),
      scented('Rasoirs jetables', ['3 lames', '5 lames'], [size('5 pièces', 299, 599)]),
      scented('Mousse à raser', ['peaux sensibles', 'fraîcheur'], [size('200 ml', 249, 449)]),
    ],
    brands: ['Savonnerie de Bruxelles', 'Dermabel', 'Frisse Bries', 'Bien-Être'],
    name: (p) => join(withVariant(p), p.brand, p.size),
    description: (p) => `${withVariant(p)}.${by(p.brand)} Contenu : ${p.sizeDesc}.`,
  },
  {
    family: 'ENT',
    unit: 'piece',
    types: [
      scented('Liquide vaisselle', ['citron', 'pomme verte', 'sans parfum'], [size('500 ml', 129, 299), size('1 l', 199, 449)]),
      scented('Tablettes lave-vaisselle', ['tout-en-un', 'écologiques'], [size('30 pièces', 499, 899), size('60 pièces', 899, 1599)]),
      scented('Lessive liquide', ['couleurs', 'blanc', 'savon de Marseille', 'peaux sensibles'], [size('1,5 l', 599, 999), size('3 l', 999, 1699)]),
      scented('Lessive en poudre', ['couleurs', 'blanc'], [size('1,3 kg', 549, 899)]),
      scented('Adoucissant', ['lavande', 'fraîcheur', 'sans parfum'], [size('1 l', 249, 449), size('2 l', 399, 699)]),
      scented('Nettoyant multi-usages', ['citron', 'lavande', 'savon de Marseille'], [size('750 ml', 179, 399)]),
      scented('Nettoyant sol', ['citron', 'pin', 'savon noir'], [size('1 l', 199, 399)]),
      scented('Savon noir', [''], [size('1 l', 249, 449)]),
      scented('Eau de Javel', [''], [size('1 l', 99, 199), size('2 l', 169, 299)]),
      scented('Vinaigre ménager', [''], [size('1 l', 119, 229)]),
      scented('Nettoyant vitres', [''], [size('500 ml', 179, 349)]),
      scented('Détartrant', [''], [size('750 ml', 249, 449)]),
      scented('Éponges grattantes', [''], [size('3 pièces', 129, 249)]),
      scented('Sacs poubelle', [''], [size('20 × 30 l', 199, 349), size('10 × 60 l', 249, 449)]),
      scented('Essuie-tout', [''], [size('2 rouleaux', 199, 349), size('4 rouleaux', 349, 549)]),
      scented('Papier aluminium', [''], [size('30 m', 249, 449)]),
      scented('Film alimentaire', [''], [size('30 m', 149, 299)]),
      scented('Allume-feu', [''], [size('32 cubes', 149, 299)]),
    ],
    brands: ['Brilla', 'Net-Plus', 'Clair Logis', 'Schoon Huis'],
    name: (p) => join(withVariant(p), p.brand, p.size),
    description: (p) => `${withVariant(p)} pour la maison.${by(p.brand)} Contenu : ${p.sizeDesc}.`,
  },
  {
    family: 'ENT',
    unit: 'litre',
    types: [
      { name: 'Lessive liquide', price: [299, 499] },
      { name: 'Liquide vaisselle', price: [249, 399] },
      { name: 'Savon noir', price: [299, 449] },
      { name: 'Nettoyant multi-usages', price: [249, 399] },
    ],
    variants: ['', 'écologique'],
    name: (p) => `${withVariant(p)} (vrac)`,
    description: (p) => `${withVariant(p)} en vrac, à la pompe : apportez votre flacon. Vendu au litre.`,
  },
];

// ——— Snack corner and deposits ———

const SNACK_AND_DEPOSIT_LINES: LineSpec[] = [
  {
    family: 'SNK',
    unit: 'piece',
    vat: 'BE-12',
    types: [
      { name: 'Soupe du jour', price: [350, 450] },
      { name: 'Croque-monsieur', price: [550, 750] },
      { name: 'Croque-madame', price: [650, 850] },
      { name: 'Sandwich jambon-fromage', price: [380, 520] },
      { name: 'Sandwich thon-mayonnaise', price: [380, 520] },
      { name: 'Sandwich poulet-andalouse', price: [400, 550] },
      { name: 'Boulets sauce lapin et frites', price: [1250, 1550] },
      { name: 'Assiette de fromages belges', price: [950, 1350] },
      { name: 'Assiette de charcuteries', price: [950, 1350] },
      { name: 'Quiche et salade', price: [950, 1250] },
      { name: 'Gaufre de Bruxelles', price: [450, 650] },
      // Drinks served on the spot are taxed at 21 % in Belgium.
      { name: 'Café', price: [220, 280], vat: 'BE-21' },
      { name: 'Cappuccino', price: [300, 380], vat: 'BE-21' },
      { name: 'Thé', price: [220, 280], vat: 'BE-21' },
      { name: 'Chocolat chaud', price: [280, 350], vat: 'BE-21' },
      { name: 'Bière pression 25 cl', price: [250, 320], vat: 'BE-21' },
      { name: 'Verre de vin', price: [450, 650], vat: 'BE-21' },
    ],
    name: (p) => `${p.type} (sur place)`,
    description: (p) => `${p.type} : à consommer sur place, au coin snack.`,
  },
  {
    family: 'VID',
    unit: 'piece',
    vat: 'BE-0',
    types: [
      { name: 'Vidange bouteille 25 cl', price: [10, 10] },
      { name: 'Vidange bouteille 33 cl', price: [10, 10] },
      { name: 'Vidange bouteille 75 cl', price: [20, 20] },
      { name: "Vidange bouteille d'eau 1 l (verre)", price: [20, 20] },
      { name: 'Casier vide 24 × 25 cl', price: [150, 150] },
      { name: 'Casier vide 24 × 33 cl', price: [150, 150] },
      { name: 'Casier vide 12 × 75 cl', price: [150, 150] },
      { name: "Casier vide 6 × 1 l (eau)", price: [120, 120] },
      { name: 'Fût de bière 20 l', price: [3000, 3000] },
    ],
    name: (p) => p.type,
    description: (p) => `Consigne : ${p.type.toLowerCase()}. Remboursée au retour de l'emballage.`,
  },
];

export const LINES: readonly LineSpec[] = [
  ...BEER_LINES,
  ...WINE_LINES,
  ...SPIRIT_LINES,
  ...DRINK_LINES,
  ...GROCERY_LINES,
  ...PRODUCE_LINES,
  ...FRESH_LINES,
  ...BAKERY_LINES,
  ...FROZEN_LINES,
  ...NON_FOOD_LINES,
  ...SNACK_AND_DEPOSIT_LINES,
];
